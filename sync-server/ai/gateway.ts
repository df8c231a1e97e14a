// The cloud AI gateway: one object that answers a device's chat request from the cache, from an
// identical request already in flight, or from the providers in the router's order, failing over
// until one gives a well-formed answer. Owns: that sequence, the restart signal for mid-answer
// failover, and the counters behind stats(). HTTP stays in routes/ai.ts.
import type { ChatCompletionChunk, ChatCompletionRequest, ChatCompletionResponse } from '../protocol/ai-chat.ts';
import { MemoryCounters, type Counters } from '../shared-state/counters.ts';
import { MemoryRateLimiter, type RateLimiter } from '../shared-state/rate-limiter.ts';
import { DEFAULT_BREAKER_COOLDOWN_MS, DEFAULT_FAILURE_THRESHOLD } from './circuit-breaker.ts';
import { ChunkAssembler, completionAsChunk, contentOf, isJsonText, requiresJsonContent } from './completion-content.ts';
import { DeviceLimiter } from './device-limiter.ts';
import { CloudAiUnavailableError, DeviceRateLimitedError } from './gateway-errors.ts';
import type { ProviderConfig } from './provider-config.ts';
import { ProviderRouter, type ProviderStats, type ProviderUsage } from './provider-router.ts';
import { isCacheable, MemoryResponseCache, responseCacheKey, type ResponseCache } from './response-cache.ts';
import { SingleFlight } from './single-flight.ts';
import { CallerAbortedError, requestCompletion, streamCompletion, UpstreamFailure, type UpstreamFailureKind } from './upstream-call.ts';

export const DEFAULT_DEVICE_REQUESTS_PER_MINUTE = 20;
export const DEFAULT_DEVICE_REQUESTS_PER_DAY = 400;
export const DEFAULT_CACHE_MAX_ENTRIES = 500;
export const DEFAULT_CACHE_TTL_MS = 3_600_000;

export interface AiGatewayOptions {
  providers: readonly ProviderConfig[];
  /**
   * Epoch ms. Drives cool-downs, back-offs, and the in-process quotas and cache expiry (not the upstream
   * timeouts). A `limiter`, `counters` or `cache` passed in keeps its own clock (Redis's, for the limiter).
   */
  clock?: () => number;
  breakerCooldownMs?: number;
  breakerFailureThreshold?: number;
  /** Replaces the in-process LRU (e.g. with Redis); then cacheMaxEntries/cacheTtlMs are unused. */
  cache?: ResponseCache;
  /**
   * Counts the per-device limits and the providers' quotas. Pass the shared one (Redis) when several
   * processes serve devices, so they share the limits; in-process on `clock` by default.
   */
  limiter?: RateLimiter;
  /** Counts calls per provider for usage(); shared like `limiter`. In-process on `clock` by default. */
  counters?: Counters;
  cacheMaxEntries?: number;
  cacheTtlMs?: number;
  deviceRequestsPerMinute?: number;
  deviceRequestsPerDay?: number;
  /** Where failovers are reported; console.warn by default. Lines never contain keys. */
  log?: (line: string) => void;
}

/** The value of the x-ib-cache header. */
export type CacheStatus = 'hit' | 'miss' | 'coalesced' | 'bypass';

export interface ChatListener {
  onChunk(chunk: ChatCompletionChunk): void | Promise<void>;
  /** A provider failed after chunks were sent: drop them, another answer follows from scratch. */
  onRestart(reason: string): void | Promise<void>;
}

/** An accepted request. Its cache status is known before any answer, so it can go in a header. */
export interface ChatTicket {
  readonly cache: CacheStatus;
  /**
   * Produces the answer; call it exactly once. With a listener the answer streams (cached and
   * coalesced answers arrive as one chunk). Throws CloudAiUnavailableError when every provider failed,
   * CallerAbortedError when `signal` aborted a request that is not cacheable.
   */
  complete(listener?: ChatListener, signal?: AbortSignal): Promise<ChatCompletionResponse>;
}

export interface AiGatewayStats {
  providers: ProviderStats[];
  cache: { hits: number; misses: number; coalesced: number; bypassed: number };
  /** Requests refused by the per-device limit. */
  deviceRateLimited: number;
  /** Requests answered with cloud_ai_unavailable (none configured, or every provider failed). */
  unavailable: number;
}

type Attempt =
  | { ok: true; completion: ChatCompletionResponse; firstByteMs: number }
  | { ok: false; failure: UpstreamFailure; emitted: boolean }
  | { ok: false; aborted: true };

const RESTART_REASONS: Record<UpstreamFailureKind, string> = {
  timeout: 'The answer stalled, so another AI model starts over.',
  malformed: 'The answer was not in the expected format, so another AI model starts over.',
  'broken-stream': 'The answer broke off, so another AI model starts over.',
  connection: 'The answer broke off, so another AI model starts over.',
  'rate-limited': 'The AI model became busy, so another one starts over.',
  'http-error': 'The AI model failed mid-answer, so another one starts over.',
};

export class AiGateway {
  readonly #router: ProviderRouter;
  readonly #cache: ResponseCache;
  readonly #flights = new SingleFlight<ChatCompletionResponse>();
  readonly #devices: DeviceLimiter;
  readonly #log: (line: string) => void;
  readonly #secrets: string[];
  readonly #counts = { hits: 0, misses: 0, coalesced: 0, bypassed: 0, deviceRateLimited: 0, unavailable: 0 };

  constructor(options: AiGatewayOptions) {
    const clock = options.clock ?? Date.now;
    // One limiter for both uses: device and provider keys never collide (ai-device:…, ai-provider:…).
    const limiter = options.limiter ?? new MemoryRateLimiter({ clock });
    this.#router = new ProviderRouter(options.providers, {
      clock,
      breakerCooldownMs: options.breakerCooldownMs ?? DEFAULT_BREAKER_COOLDOWN_MS,
      breakerFailureThreshold: options.breakerFailureThreshold ?? DEFAULT_FAILURE_THRESHOLD,
      limiter,
      counters: options.counters ?? new MemoryCounters({ clock }),
    });
    this.#cache =
      options.cache ??
      new MemoryResponseCache({ maxEntries: options.cacheMaxEntries ?? DEFAULT_CACHE_MAX_ENTRIES, ttlMs: options.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS, clock });
    this.#devices = new DeviceLimiter({
      perMinute: options.deviceRequestsPerMinute ?? DEFAULT_DEVICE_REQUESTS_PER_MINUTE,
      perDay: options.deviceRequestsPerDay ?? DEFAULT_DEVICE_REQUESTS_PER_DAY,
      limiter,
    });
    this.#log = options.log ?? ((line) => console.warn(line));
    this.#secrets = options.providers.map((provider) => provider.apiKey.reveal()).filter((key) => key.length >= 4);
  }

  /** Whether any provider is configured; without one every request is cloud_ai_unavailable. */
  get hasProviders(): boolean {
    return this.#router.size > 0;
  }

  /**
   * Accepts a request for a device: counts it against the device's limits (cache hits included, so
   * the limit is predictable) and decides where the answer will come from.
   */
  async open(request: ChatCompletionRequest, deviceId: string): Promise<ChatTicket> {
    if (!this.hasProviders) {
      this.#counts.unavailable++;
      throw new CloudAiUnavailableError('not-configured');
    }
    const verdict = await this.#devices.take(deviceId);
    if (!verdict.allowed) {
      this.#counts.deviceRateLimited++;
      throw new DeviceRateLimitedError(verdict.retryAfterMs, verdict.window);
    }
    if (!isCacheable(request)) {
      this.#counts.bypassed++;
      return { cache: 'bypass', complete: (listener, signal) => this.#answer(request, listener, signal) };
    }

    const key = responseCacheKey(request);
    const cached = await this.#readCache(key);
    if (cached) {
      this.#counts.hits++;
      return { cache: 'hit', complete: (listener) => replay(cached, listener) };
    }
    // No await between join and lead: two identical requests cannot both become leaders.
    const flight = this.#flights.join(key);
    if (flight) {
      this.#counts.coalesced++;
      return { cache: 'coalesced', complete: async (listener) => replay(await flight, listener) };
    }
    this.#counts.misses++;
    const lead = this.#flights.lead(key);
    return {
      cache: 'miss',
      complete: async (listener) => {
        // Others may be waiting on this answer, so neither this device's pace nor its leaving may hold
        // it up: its chunks are queued instead of awaited, and its abort signal is not passed on (the
        // answer is cached for the retry that usually follows a dropped connection).
        const queue = listener ? new ListenerQueue(listener) : undefined;
        try {
          const completion = await this.#answer(request, queue, undefined);
          await this.#writeCache(key, completion);
          lead.resolve(completion);
          await queue?.drained();
          return completion;
        } catch (error) {
          lead.reject(error);
          await queue?.drained();
          throw error;
        }
      },
    };
  }

  /** This process's view: provider health, and its own cache and refusal counts. */
  stats(): AiGatewayStats {
    const { hits, misses, coalesced, bypassed, deviceRateLimited, unavailable } = this.#counts;
    return { providers: this.#router.stats(), cache: { hits, misses, coalesced, bypassed }, deviceRateLimited, unavailable };
  }

  /** Calls per provider this minute and today, by every process sharing the counters (Redis). */
  usage(): Promise<ProviderUsage[]> {
    return this.#router.usage();
  }

  async #answer(request: ChatCompletionRequest, listener: ChatListener | undefined, signal: AbortSignal | undefined): Promise<ChatCompletionResponse> {
    const tried = new Set<string>();
    for (;;) {
      const lease = await this.#router.acquire(tried);
      if (!lease) break;
      const { provider } = lease;
      tried.add(provider.name);
      let attempt: Attempt;
      try {
        attempt = listener ? await this.#streamAttempt(provider, request, listener, signal) : await this.#requestAttempt(provider, request, signal);
      } catch (error) {
        // A bug, not a provider failure: free the lease (a half-open trial slot) and let it surface as a 500.
        lease.abandon();
        throw error;
      }
      if (attempt.ok) {
        lease.succeed(attempt.firstByteMs);
        return attempt.completion;
      }
      if ('aborted' in attempt) {
        lease.abandon();
        throw new CallerAbortedError();
      }
      lease.fail(attempt.failure);
      this.#warn(`AI provider "${provider.name}" failed (${attempt.failure.kind}: ${attempt.failure.message}); trying the next available provider.`);
      if (attempt.emitted) await listener?.onRestart(RESTART_REASONS[attempt.failure.kind]);
    }
    this.#counts.unavailable++;
    this.#warn(
      tried.size
        ? `No AI provider answered (tried ${[...tried].map((name) => `"${name}"`).join(', ')}); the device falls back to its basic engine.`
        : 'No AI provider is available (circuit open, quota used up or backing off); the device falls back to its basic engine.',
    );
    throw new CloudAiUnavailableError('all-failed');
  }

  async #requestAttempt(provider: ProviderConfig, request: ChatCompletionRequest, signal: AbortSignal | undefined): Promise<Attempt> {
    try {
      const { completion, firstByteMs } = await requestCompletion(provider, request, { signal });
      if (requiresJsonContent(request) && !isJsonText(contentOf(completion))) {
        return { ok: false, failure: new UpstreamFailure('malformed', 'the answer is not valid JSON'), emitted: false };
      }
      return { ok: true, completion, firstByteMs };
    } catch (error) {
      return failedAttempt(error, false);
    }
  }

  async #streamAttempt(provider: ProviderConfig, request: ChatCompletionRequest, listener: ChatListener, signal: AbortSignal | undefined): Promise<Attempt> {
    const assembler = new ChunkAssembler();
    const started = performance.now();
    let firstByteMs: number | null = null;
    try {
      for await (const chunk of streamCompletion(provider, request, { signal })) {
        firstByteMs ??= performance.now() - started;
        assembler.add(chunk);
        await listener.onChunk(chunk);
      }
    } catch (error) {
      return failedAttempt(error, firstByteMs !== null);
    }
    // Only the whole answer can be checked, so a bad one is found after it was streamed: hence restart.
    if (requiresJsonContent(request) && !isJsonText(assembler.content)) {
      return { ok: false, failure: new UpstreamFailure('malformed', 'the streamed answer is not valid JSON'), emitted: firstByteMs !== null };
    }
    return { ok: true, completion: assembler.completion(), firstByteMs: firstByteMs ?? performance.now() - started };
  }

  async #readCache(key: string): Promise<ChatCompletionResponse | undefined> {
    try {
      return await this.#cache.get(key);
    } catch (error) {
      this.#warn(`AI response cache read failed (${(error as Error).message}); answering from a provider.`);
      return undefined;
    }
  }

  async #writeCache(key: string, completion: ChatCompletionResponse): Promise<void> {
    try {
      await this.#cache.set(key, completion);
    } catch (error) {
      this.#warn(`AI response cache write failed (${(error as Error).message}); the answer was still sent.`);
    }
  }

  /** Every line goes through here, and any key that slipped into it is masked. */
  #warn(line: string): void {
    let safe = line;
    for (const secret of this.#secrets) safe = safe.split(secret).join('[redacted]');
    this.#log(safe);
  }
}

function failedAttempt(error: unknown, emitted: boolean): Attempt {
  if (error instanceof CallerAbortedError) return { ok: false, aborted: true };
  if (error instanceof UpstreamFailure) return { ok: false, failure: error, emitted };
  throw error;
}

async function replay(completion: ChatCompletionResponse, listener: ChatListener | undefined): Promise<ChatCompletionResponse> {
  await listener?.onChunk(completionAsChunk(completion));
  return completion;
}

/** Forwards to a listener in order without making the caller wait for each write. */
class ListenerQueue implements ChatListener {
  #tail: Promise<void> = Promise.resolve();
  readonly #target: ChatListener;
  constructor(target: ChatListener) {
    this.#target = target;
  }

  onChunk(chunk: ChatCompletionChunk): void {
    this.#enqueue(() => this.#target.onChunk(chunk));
  }

  onRestart(reason: string): void {
    this.#enqueue(() => this.#target.onRestart(reason));
  }

  /** Resolves once everything queued so far has been written (or failed to be). */
  drained(): Promise<void> {
    return this.#tail;
  }

  #enqueue(write: () => void | Promise<void>): void {
    this.#tail = this.#tail.then(write).catch(() => undefined);
  }
}
