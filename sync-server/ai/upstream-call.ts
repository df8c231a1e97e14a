// One call to one provider's OpenAI-compatible /chat/completions, streamed or not. Owns: the upstream
// request body, the idle timeout (no byte, or no chunk for streams, within the provider's timeoutMs),
// and sorting every way a call can go wrong into an UpstreamFailure the router can act on.
// Failure messages name status codes and error codes only: never the key, the URL or the provider's body.
import { chatCompletionChunk, chatCompletionResponse, type ChatCompletionChunk, type ChatCompletionRequest, type ChatCompletionResponse } from '../protocol/ai-chat.ts';
import type { ProviderConfig } from './provider-config.ts';
import { readSseData } from './sse-data.ts';

export type UpstreamFailureKind = 'rate-limited' | 'http-error' | 'connection' | 'timeout' | 'malformed' | 'broken-stream';
export const UPSTREAM_FAILURE_KINDS: readonly UpstreamFailureKind[] = ['rate-limited', 'http-error', 'connection', 'timeout', 'malformed', 'broken-stream'];

/** The provider failed this call; the gateway tries the next one. */
export class UpstreamFailure extends Error {
  override name = 'UpstreamFailure';
  constructor(
    readonly kind: UpstreamFailureKind,
    message: string,
    /** For 429s: how long the provider asked us to stay away. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** The caller (the device's connection) went away: says nothing about the provider. */
export class CallerAbortedError extends Error {
  override name = 'CallerAbortedError';
  constructor() {
    super('The device closed the connection before the answer was complete.');
  }
}

export interface UpstreamOptions {
  /** Aborted when the device disconnects; the upstream call is cancelled with it. */
  signal?: AbortSignal;
}

export interface UpstreamCompletion {
  completion: ChatCompletionResponse;
  /** From sending the request to the first byte of the answer's body. */
  firstByteMs: number;
}

/** A provider's answer can be long, but not unbounded: past this it is treated as malformed. */
const MAX_UPSTREAM_BODY_BYTES = 4 * 1_048_576;

export async function requestCompletion(provider: ProviderConfig, request: ChatCompletionRequest, options: UpstreamOptions = {}): Promise<UpstreamCompletion> {
  const call = new CallTimer(provider.timeoutMs, options.signal);
  const started = performance.now();
  let firstByteMs: number | null = null;
  try {
    const response = await post(provider, request, false, call.signal);
    call.phase = 'read';
    call.arm();
    const text = await readText(response.body, () => {
      firstByteMs ??= performance.now() - started;
      call.arm();
    });
    return { completion: parseCompletion(text), firstByteMs: firstByteMs ?? performance.now() - started };
  } catch (error) {
    throw call.explain(error);
  } finally {
    call.finish();
  }
}

/**
 * Yields the provider's chunks as they arrive. Throws an UpstreamFailure (before or after some chunks)
 * or CallerAbortedError. The idle timer is paused while the consumer holds a chunk, so a slow device
 * does not make the provider look slow.
 */
export async function* streamCompletion(provider: ProviderConfig, request: ChatCompletionRequest, options: UpstreamOptions = {}): AsyncGenerator<ChatCompletionChunk> {
  const call = new CallTimer(provider.timeoutMs, options.signal);
  try {
    const response = await post(provider, request, true, call.signal);
    if (!/text\/event-stream/i.test(response.headers.get('content-type') ?? '')) {
      await response.body?.cancel().catch(() => undefined);
      throw new UpstreamFailure('malformed', 'answered a streamed request without an event stream');
    }
    call.phase = 'read';
    call.arm();
    let done = false;
    let finished = false;
    for await (const data of readSseData(response.body!)) {
      if (data === '[DONE]') {
        done = true;
        break;
      }
      const chunk = parseChunk(data);
      if (chunk.choices.some((choice) => choice.finish_reason)) finished = true;
      call.pause();
      yield chunk;
      call.arm();
    }
    if (!done && !finished) throw new UpstreamFailure('broken-stream', 'the stream ended before the answer was complete');
  } catch (error) {
    throw call.explain(error);
  } finally {
    call.finish();
  }
}

/** What the provider receives: the device's request with the provider's model, and nothing server-only. */
export function upstreamPayload(provider: ProviderConfig, request: ChatCompletionRequest, stream: boolean) {
  return {
    model: provider.model,
    messages: request.messages,
    ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
    ...(request.max_tokens !== undefined ? { max_tokens: request.max_tokens } : {}),
    ...(request.response_format ? { response_format: request.response_format } : {}),
    stream,
  };
}

async function post(provider: ProviderConfig, request: ChatCompletionRequest, stream: boolean, signal: AbortSignal): Promise<Response> {
  const response = await fetch(`${provider.baseUrl}/chat/completions`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${provider.apiKey.reveal()}`,
      'content-type': 'application/json',
      accept: stream ? 'text/event-stream' : 'application/json',
    },
    body: JSON.stringify(upstreamPayload(provider, request, stream)),
    signal,
  });
  if (response.ok) return response;
  // The provider's error body is never read: some echo part of the key back.
  await response.body?.cancel().catch(() => undefined);
  if (response.status === 429) throw new UpstreamFailure('rate-limited', 'HTTP 429 (rate limited)', parseRetryAfter(response.headers.get('retry-after')));
  throw new UpstreamFailure('http-error', `HTTP ${response.status}`);
}

async function readText(body: ReadableStream<Uint8Array> | null, onBytes: () => void): Promise<string> {
  if (!body) return '';
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return text + decoder.decode();
      onBytes();
      size += value.byteLength;
      if (size > MAX_UPSTREAM_BODY_BYTES) throw new UpstreamFailure('malformed', `the answer is larger than ${MAX_UPSTREAM_BODY_BYTES} bytes`);
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    reader.releaseLock();
  }
}

function parseCompletion(text: string): ChatCompletionResponse {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new UpstreamFailure('malformed', 'the answer is not JSON');
  }
  const parsed = chatCompletionResponse.safeParse(raw);
  if (!parsed.success) throw new UpstreamFailure('malformed', 'the answer is not a chat completion (no choices or wrong shape)');
  return parsed.data;
}

function parseChunk(data: string): ChatCompletionChunk {
  let raw: unknown;
  try {
    raw = JSON.parse(data);
  } catch {
    throw new UpstreamFailure('malformed', 'a stream event is not JSON');
  }
  const parsed = chatCompletionChunk.safeParse(raw);
  if (!parsed.success) throw new UpstreamFailure('malformed', 'a stream event is not a chat completion chunk');
  return parsed.data;
}

/** Retry-After is seconds or an HTTP date; missing or odd values are left to the router's default. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+(\.\d+)?$/.test(header.trim())) return Math.round(Number(header) * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The idle timeout and the device's abort signal, folded into one AbortSignal for fetch. */
class CallTimer {
  readonly #controller = new AbortController();
  readonly #timeoutMs: number;
  readonly #caller: AbortSignal | undefined;
  readonly #onCallerAbort = () => this.#controller.abort();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #timedOut = false;
  phase: 'connect' | 'read' = 'connect';

  constructor(timeoutMs: number, caller: AbortSignal | undefined) {
    this.#timeoutMs = timeoutMs;
    this.#caller = caller;
    if (caller?.aborted) this.#controller.abort();
    caller?.addEventListener('abort', this.#onCallerAbort, { once: true });
    this.arm();
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  arm(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timedOut = true;
      this.#controller.abort();
    }, this.#timeoutMs);
  }

  pause(): void {
    clearTimeout(this.#timer);
  }

  /** Ends the call: stops the timer and releases the connection if the body was not read to the end. */
  finish(): void {
    clearTimeout(this.#timer);
    this.#caller?.removeEventListener('abort', this.#onCallerAbort);
    this.#controller.abort();
  }

  explain(error: unknown): Error {
    if (this.#caller?.aborted) return new CallerAbortedError();
    if (this.#timedOut) {
      return new UpstreamFailure('timeout', this.phase === 'connect' ? `no answer within ${this.#timeoutMs} ms` : `nothing more for ${this.#timeoutMs} ms mid-answer`);
    }
    if (error instanceof UpstreamFailure) return error;
    const code = errorCode(error);
    return this.phase === 'connect'
      ? new UpstreamFailure('connection', `could not reach the provider (${code})`)
      : new UpstreamFailure('broken-stream', `the connection broke mid-answer (${code})`);
  }
}

function errorCode(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  if (cause && typeof cause.code === 'string') return cause.code;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'network error';
}
