// The AI gateway's ResponseCache in Redis, so an answer paid for by one process serves them all.
// Owns: the key name, the time-to-live and reading entries back safely. Implements the interface from
// ai/response-cache.ts (which owns what is cacheable and the cache key) and imports nothing else from ai/.
//
// Key: <prefix>ai-response:<sha-256 of the normalised request>, a JSON chat completion, SET with PX ttl.
// No entry cap: Redis forgets entries after their TTL, and a Redis with maxmemory-policy allkeys-lru
// (or volatile-lru) evicts the least recently used first, like the in-process LRU.
// Redis unreachable: a read is a miss and a write is skipped (the connection logs once), so the
// gateway answers from a provider as if the cache were empty.
import type { ResponseCache } from '../ai/response-cache.ts';
import { chatCompletionResponse, type ChatCompletionResponse } from '../protocol/ai-chat.ts';
import type { RedisConnection } from './redis-connection.ts';

export interface RedisResponseCacheOptions {
  connection: RedisConnection;
  keyPrefix: string;
  ttlMs: number;
}

export class RedisResponseCache implements ResponseCache {
  readonly #connection: RedisConnection;
  readonly #prefix: string;
  readonly #ttlMs: number;

  constructor(options: RedisResponseCacheOptions) {
    if (!Number.isFinite(options.ttlMs) || options.ttlMs <= 0) throw new RangeError(`The AI response cache's time-to-live must be a positive number of milliseconds, not ${options.ttlMs}.`);
    this.#connection = options.connection;
    this.#prefix = options.keyPrefix;
    this.#ttlMs = Math.ceil(options.ttlMs);
  }

  async get(key: string): Promise<ChatCompletionResponse | undefined> {
    let text: string | null;
    try {
      text = await this.#connection.run((client) => client.get(this.redisKey(key)));
    } catch {
      return undefined;
    }
    if (text === null) return undefined;
    // What Redis holds is input like any other: an entry written by an older version, or by something
    // else under this prefix, is a miss, and goes.
    const parsed = chatCompletionResponse.safeParse(parseJson(text));
    if (parsed.success) return parsed.data;
    await this.#connection.run((client) => client.del(this.redisKey(key))).catch(() => undefined);
    return undefined;
  }

  async set(key: string, value: ChatCompletionResponse): Promise<void> {
    await this.#connection.run((client) => client.set(this.redisKey(key), JSON.stringify(value), 'PX', this.#ttlMs)).catch(() => undefined);
  }

  redisKey(key: string): string {
    return `${this.#prefix}ai-response:${key}`;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
