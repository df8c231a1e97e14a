// What several server processes behind a load balancer must share to act as one: rate limits, quota
// counters, the AI response cache and live fan-out. Owns: choosing Redis (REDIS_URL) or the embedded
// in-process implementations, and the lifetime of the Redis connections. Start-up calls it once and
// hands the parts to whoever needs them. Must not import routes, the store or Hono; from ai/ it takes
// only the ResponseCache interface and its in-process LRU.
import { MemoryResponseCache, type ResponseCache } from '../ai/response-cache.ts';
import { MemoryCounters, type Counters } from './counters.ts';
import { MemoryEventBus, type EventBus } from './event-bus.ts';
import { MemoryRateLimiter, type RateLimiter } from './rate-limiter.ts';
import { isRedisUrl, RedisConnection } from './redis-connection.ts';
import { RedisCounters } from './redis-counters.ts';
import { RedisEventBus } from './redis-event-bus.ts';
import { RedisRateLimiter } from './redis-rate-limiter.ts';
import { RedisResponseCache } from './redis-response-cache.ts';

export const DEFAULT_KEY_PREFIX = 'ib:';

export interface SharedStateOptions {
  /** redis:// or rediss:// URL; without it everything stays in this process. */
  redisUrl?: string;
  /** Put before every Redis key and channel; give each deployment sharing one Redis its own. */
  keyPrefix?: string;
  /**
   * Epoch ms. For tests: the in-process parts follow it, and so do Redis limits and counters
   * (which otherwise use Redis's clock and this process's clock respectively).
   */
  clock?: () => number;
  /** Where outages and recoveries are said; console.warn by default. Never given the URL. */
  log?: (line: string) => void;
}

export interface ResponseCacheOptions {
  ttlMs: number;
  /** The in-process LRU's size; 0 turns caching off. Redis has no count cap (see redis-response-cache.ts). */
  maxEntries: number;
}

export type SharedStateHealth = 'ok' | 'unreachable' | 'not-configured';

export interface SharedState {
  readonly backend: 'memory' | 'redis';
  readonly limiter: RateLimiter;
  readonly counters: Counters;
  /** A response cache with this TTL; one per use (the AI gateway has one). */
  responseCache(options: ResponseCacheOptions): ResponseCache;
  readonly bus: EventBus;
  /** 'not-configured' without REDIS_URL; otherwise whether Redis answers a PING now. For /api/health. */
  ping(): Promise<SharedStateHealth>;
  /** Closes the Redis connections; call once at shutdown. */
  close(): Promise<void>;
}

export function createSharedState(options: SharedStateOptions = {}): SharedState {
  const clock = options.clock;
  const log = options.log ?? ((line: string) => console.warn(line));
  if (!options.redisUrl) return memorySharedState(clock, log);

  const url = options.redisUrl;
  // The URL may hold a password, so the message does not repeat it.
  if (!isRedisUrl(url)) throw new RangeError('REDIS_URL must be a redis:// or rediss:// URL, such as redis://127.0.0.1:6379 or rediss://:password@cache.example.org:6380/0.');
  const keyPrefix = options.keyPrefix ?? DEFAULT_KEY_PREFIX;
  const connection = new RedisConnection({ url, role: 'commands', log });
  const bus = new RedisEventBus({ connection, openSubscriber: () => new RedisConnection({ url, role: 'subscriber', log }), keyPrefix, log });
  let closing: Promise<void> | undefined;
  return {
    backend: 'redis',
    limiter: new RedisRateLimiter({ connection, keyPrefix, ...(clock ? { clock } : {}) }),
    counters: new RedisCounters({ connection, keyPrefix, ...(clock ? { clock } : {}) }),
    responseCache: ({ ttlMs, maxEntries }) =>
      maxEntries <= 0 ? new MemoryResponseCache({ maxEntries: 0, ttlMs, clock: clock ?? Date.now }) : new RedisResponseCache({ connection, keyPrefix, ttlMs }),
    bus,
    ping: async () => ((await connection.ping()) ? 'ok' : 'unreachable'),
    close: () => (closing ??= Promise.all([bus.close(), connection.close()]).then(() => undefined)),
  };
}

function memorySharedState(clock: (() => number) | undefined, log: (line: string) => void): SharedState {
  return {
    backend: 'memory',
    limiter: new MemoryRateLimiter(clock ? { clock } : {}),
    counters: new MemoryCounters(clock ? { clock } : {}),
    responseCache: ({ ttlMs, maxEntries }) => new MemoryResponseCache({ maxEntries, ttlMs, clock: clock ?? Date.now }),
    bus: new MemoryEventBus({ log }),
    ping: async () => 'not-configured',
    close: async () => undefined,
  };
}
