// POST /api/ai/chat: the cloud AI gateway over HTTP, for joined devices only. Owns: the device token
// check, the request's size and shape, the x-ib-cache header, and the wire format of an answer (JSON,
// or SSE chunks with `restart` and `error` events and a final [DONE]). Routing, caching and limits
// live in ai/gateway.ts.
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { streamSSE } from 'hono/streaming';
import { CloudAiUnavailableError, DeviceRateLimitedError } from '../ai/gateway-errors.ts';
import type { AiGateway, ChatTicket } from '../ai/gateway.ts';
import { CallerAbortedError } from '../ai/upstream-call.ts';
import type { Store } from '../db/store.ts';
import { ApiError, readJson } from '../errors.ts';
import { deviceAuth, type DeviceEnv } from '../middleware/device-auth/device-auth.ts';
import {
  AI_CACHE_HEADER,
  CHAT_STREAM_ERROR_EVENT,
  CHAT_STREAM_RESTART_EVENT,
  chatCompletionRequest,
  MAX_CHAT_REQUEST_BYTES,
  type ErrorResponse,
} from '../protocol/index.ts';

export function aiRoutes(store: Store, gateway: AiGateway | undefined) {
  return new Hono<DeviceEnv>()
    .use('/ai/*', async (c, next) => {
      // Every answer carries the header, refusals included; a ticket overwrites it with the real status.
      c.header(AI_CACHE_HEADER, 'bypass');
      await next();
    })
    .use('/ai/*', deviceAuth(store))
    .use(
      '/ai/*',
      bodyLimit({
        maxSize: MAX_CHAT_REQUEST_BYTES,
        onError: () => {
          throw new ApiError(
            413,
            'body_too_large',
            `The AI request is larger than ${MAX_CHAT_REQUEST_BYTES} bytes. Shorten the résumé, the job description or the answer and try again.`,
          );
        },
      }),
    )
    .post('/ai/chat', async (c) => {
      const request = chatCompletionRequest.parse(await readJson(c));
      if (!gateway) throw toApiError(new CloudAiUnavailableError('not-configured'));
      let ticket: ChatTicket;
      try {
        ticket = await gateway.open(request, c.get('device').id);
      } catch (error) {
        if (error instanceof DeviceRateLimitedError) c.header('Retry-After', String(error.retryAfterSeconds));
        throw toApiError(error);
      }
      c.header(AI_CACHE_HEADER, ticket.cache);
      if (!request.stream) {
        try {
          return c.json(await ticket.complete(undefined, c.req.raw.signal));
        } catch (error) {
          throw toApiError(error);
        }
      }
      return streamAnswer(c, ticket);
    });
}

function streamAnswer(c: Context, ticket: ChatTicket) {
  return streamSSE(c, async (stream) => {
    const left = new AbortController();
    stream.onAbort(() => left.abort());
    const signal = AbortSignal.any([left.signal, c.req.raw.signal]);
    try {
      await ticket.complete(
        {
          onChunk: (chunk) => stream.writeSSE({ data: JSON.stringify(chunk) }),
          onRestart: (reason) => stream.writeSSE({ event: CHAT_STREAM_RESTART_EVENT, data: JSON.stringify({ reason }) }),
        },
        signal,
      );
    } catch (error) {
      if (error instanceof CallerAbortedError) return;
      const apiError = toApiError(error);
      const body: ErrorResponse = { error: { code: apiError.code, message: apiError.message } };
      await stream.writeSSE({ event: CHAT_STREAM_ERROR_EVENT, data: JSON.stringify(body) });
    }
    await stream.writeSSE({ data: '[DONE]' });
  });
}

function toApiError(error: unknown): ApiError {
  if (error instanceof CloudAiUnavailableError || error instanceof DeviceRateLimitedError) {
    return new ApiError(error instanceof CloudAiUnavailableError ? 503 : 429, error.code, error.message);
  }
  if (error instanceof CallerAbortedError) return new ApiError(408, 'request_aborted', error.message);
  console.error('AI chat failed', error);
  return new ApiError(500, 'internal', 'Something went wrong on the server. Try again in a moment.');
}
