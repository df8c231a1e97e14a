// Answers to deterministic requests (temperature 0), kept so the same prompt is not paid for twice.
// Owns: which requests are cacheable, the cache key, the ResponseCache interface (async, so a Redis
// implementation, shared-state/redis-response-cache.ts, can replace the in-process one), and that
// in-process LRU with a time-to-live.
import { createHash } from 'node:crypto';
import type { ChatCompletionRequest, ChatCompletionResponse } from '../protocol/ai-chat.ts';

export interface ResponseCache {
  get(key: string): Promise<ChatCompletionResponse | undefined>;
  set(key: string, value: ChatCompletionResponse): Promise<void>;
}

/** Only temperature 0 promises the same answer for the same prompt; anything else is a fresh draw. */
export function isCacheable(request: ChatCompletionRequest): boolean {
  return request.temperature === 0;
}

/**
 * What makes two requests "the same": the prompt and the knobs that shape the answer. Not `model`
 * (the router picks that), not `stream` (a cached answer can be streamed), not `task` (metrics only).
 */
export function responseCacheKey(request: ChatCompletionRequest): string {
  const normalised = {
    messages: request.messages.map(({ role, content }) => ({ role, content })),
    response_format: request.response_format ?? null,
    max_tokens: request.max_tokens ?? null,
    temperature: request.temperature ?? null,
  };
  return createHash('sha256').update(stableJson(normalised)).digest('hex');
}

/** JSON with object keys sorted, so a JSON schema written in another key order hits the same entry. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export interface MemoryResponseCacheOptions {
  /** 0 turns caching off (single-flight still applies). */
  maxEntries: number;
  ttlMs: number;
  clock: () => number;
}

/** A Map in recency order: reads move an entry to the end, and the oldest entry is evicted first. */
export class MemoryResponseCache implements ResponseCache {
  readonly #entries = new Map<string, { value: ChatCompletionResponse; expiresAt: number }>();
  readonly #options: MemoryResponseCacheOptions;

  constructor(options: MemoryResponseCacheOptions) {
    this.#options = options;
  }

  get size(): number {
    return this.#entries.size;
  }

  async get(key: string): Promise<ChatCompletionResponse | undefined> {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    if (entry.expiresAt <= this.#options.clock()) return undefined;
    this.#entries.set(key, entry);
    return structuredClone(entry.value);
  }

  async set(key: string, value: ChatCompletionResponse): Promise<void> {
    if (this.#options.maxEntries <= 0) return;
    this.#entries.delete(key);
    this.#entries.set(key, { value: structuredClone(value), expiresAt: this.#options.clock() + this.#options.ttlMs });
    while (this.#entries.size > this.#options.maxEntries) {
      const oldest = this.#entries.keys().next().value as string;
      this.#entries.delete(oldest);
    }
  }
}
