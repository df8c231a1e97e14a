// The cloud engine's model: a provider chosen by the sync server's router, reached at
// POST /api/ai/chat with this device's token. Answers stream back over SSE; a `restart` event means
// the server failed over to another provider mid-answer, so the text so far is dropped.
// Provider keys and names stay on the server; this side only knows the endpoint.
// Owns: the HTTP side of ChatBackend for the cloud. Must not import: Dexie, Solid, web-llm.
import {
  CHAT_STREAM_ERROR_EVENT,
  CHAT_STREAM_RESTART_EVENT,
  chatCompletionChunk,
  errorResponse,
  type ChatCompletionRequest,
} from '../../../sync-server/protocol/index.ts';
import { ChatBackendError, type ChatBackend, type ChatCallOptions, type ChatRequest } from '../chat-backend.ts';
import { readServerSentEvents } from './sse-lines.ts';

export interface CloudChatBackendOptions {
  /** Origin of the sync server ('' for same-origin). */
  baseUrl?: string;
  /** The device token; null before the candidate joined an organisation (then nothing is sent). */
  getDeviceToken: () => Promise<string | null>;
  fetch?: typeof fetch;
  /** A whole answer may take a while on a busy provider, but not forever. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 120_000;

export function createCloudChatBackend(options: CloudChatBackendOptions): ChatBackend {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const baseUrl = options.baseUrl ?? '';
  return {
    kind: 'cloud',
    async complete(request: ChatRequest, call: ChatCallOptions = {}): Promise<string> {
      const token = await options.getDeviceToken();
      if (!token) throw new ChatBackendError('The cloud AI is only available after joining an organisation.', 'unavailable', false);
      const body: ChatCompletionRequest = {
        messages: request.messages,
        temperature: request.temperature,
        max_tokens: request.maxTokens,
        response_format: { type: 'json_schema', json_schema: { name: request.jsonSchema.name, schema: request.jsonSchema.schema } },
        stream: true,
        task: request.task,
      };
      const signal = combineSignals(call.signal, AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS));
      let response: Response;
      try {
        response = await fetchImpl(`${baseUrl}/api/ai/chat`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
          body: JSON.stringify(body),
          signal,
          cache: 'no-store',
        });
      } catch (error) {
        throw toBackendError(error, call.signal);
      }
      if (!response.ok || !response.body) throw await errorFromResponse(response);
      return readAnswer(response.body, signal, call);
    },
  };
}

async function readAnswer(body: ReadableStream<Uint8Array>, signal: AbortSignal, call: ChatCallOptions): Promise<string> {
  let text = '';
  try {
    for await (const message of readServerSentEvents(body, signal)) {
      if (message.event === CHAT_STREAM_RESTART_EVENT) {
        text = '';
        call.onText?.(text);
        continue;
      }
      if (message.event === CHAT_STREAM_ERROR_EVENT) {
        const parsed = errorResponse.safeParse(safeJson(message.data));
        throw new ChatBackendError(parsed.success ? parsed.data.error.message : 'The cloud AI stopped with an error.', 'unavailable', true);
      }
      if (message.data === '[DONE]') return text;
      const chunk = chatCompletionChunk.safeParse(safeJson(message.data));
      if (!chunk.success) continue;
      const delta = chunk.data.choices[0]?.delta.content;
      if (delta) {
        text += delta;
        call.onText?.(text);
      }
    }
  } catch (error) {
    if (error instanceof ChatBackendError) throw error;
    throw toBackendError(error, call.signal);
  }
  if (signal.aborted) throw toBackendError(signal.reason, call.signal);
  // The stream ended without [DONE]: the connection dropped, so the answer may be cut short.
  throw new ChatBackendError('The connection to the cloud AI dropped before the answer was complete.', 'network', true);
}

async function errorFromResponse(response: Response): Promise<ChatBackendError> {
  const parsed = errorResponse.safeParse(await response.json().catch(() => null));
  const message = parsed.success ? parsed.data.error.message : `The cloud AI is not available (HTTP ${response.status}).`;
  if (response.status === 429) return new ChatBackendError(message, 'rate-limited', false);
  if (response.status === 401) return new ChatBackendError('This device is no longer signed in to the organisation, so the cloud AI cannot be used. Join again.', 'unavailable', false);
  return new ChatBackendError(message, 'unavailable', response.status >= 500 && response.status !== 503);
}

function toBackendError(error: unknown, callerSignal: AbortSignal | undefined): ChatBackendError {
  if (callerSignal?.aborted) return new ChatBackendError('Stopped.', 'aborted', false);
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return new ChatBackendError('The cloud AI took too long to answer.', 'network', true);
  }
  return new ChatBackendError("Can't reach the server for the cloud AI. Check the connection.", 'network', true);
}

function combineSignals(...signals: (AbortSignal | undefined)[]): AbortSignal {
  return AbortSignal.any(signals.filter((signal): signal is AbortSignal => signal !== undefined));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
