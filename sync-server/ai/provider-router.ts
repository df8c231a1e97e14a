// Chooses which provider answers next. Owns each provider's health and budget: circuit breaker, daily
// quota, per-minute window, 429 back-off and first-byte latency. A provider is eligible when all of
// those allow a call; among the eligible, lower priority wins, then lower latency (an EWMA of
// successful calls; untried providers count as 0 so each gets measured), then config order.
// The quotas are counted by a RateLimiter and the calls by Counters, which Redis shares between server
// processes; health (breaker, back-off, latency) is this process's own view.
import { MemoryCounters, type Counters } from '../shared-state/counters.ts';
import { MemoryRateLimiter, perMinute, perUtcDay, type RateLimiter, type RateRule } from '../shared-state/rate-limiter.ts';
import { CircuitBreaker, type BreakerState } from './circuit-breaker.ts';
import type { ProviderConfig } from './provider-config.ts';
import { UPSTREAM_FAILURE_KINDS, type UpstreamFailure, type UpstreamFailureKind } from './upstream-call.ts';

/** A 429 without Retry-After still means "not now". */
export const DEFAULT_RATE_LIMIT_BACKOFF_MS = 10_000;
/** A Retry-After of days is a misconfigured provider, not a plan. */
const MAX_RATE_LIMIT_BACKOFF_MS = 3_600_000;
const LATENCY_EWMA_WEIGHT = 0.3;

export interface ProviderRouterOptions {
  clock: () => number;
  breakerCooldownMs?: number;
  breakerFailureThreshold?: number;
  /** Counts each provider's per-minute and daily quota; an in-process one on `clock` by default. */
  limiter?: RateLimiter;
  /** Counts calls per provider for usage(); in-process on `clock` by default. */
  counters?: Counters;
}

/** One claimed call to one provider. Settle it exactly once; later calls are ignored. */
export interface ProviderLease {
  readonly provider: ProviderConfig;
  succeed(firstByteMs: number): void;
  fail(failure: UpstreamFailure): void;
  /** The device went away: the call counted against the quota but says nothing about the provider. */
  abandon(): void;
}

export interface ProviderStats {
  name: string;
  priority: number;
  breaker: BreakerState;
  ok: number;
  failed: number;
  failures: Record<UpstreamFailureKind, number>;
  /** EWMA of first-byte latency of successful calls; null before the first success. */
  latencyMs: number | null;
  /** Epoch ms until which a 429 keeps this provider out; null when none. */
  backoffUntil: number | null;
  /** Epoch ms until which its quota is known to be used up (as last seen by this process); null when not. */
  quotaWaitUntil: number | null;
}

/** Calls made to a provider, by every process sharing the counters. */
export interface ProviderUsage {
  name: string;
  requestsPerMinute: number;
  dailyQuota: number;
  /** Calls in the current UTC calendar minute (the limit itself is a rolling minute). */
  callsThisMinute: number;
  /** Calls in the current UTC day, which is what the daily quota counts. */
  callsToday: number;
}

interface ProviderState {
  config: ProviderConfig;
  order: number;
  breaker: CircuitBreaker;
  quota: readonly RateRule[];
  backoffUntil: number;
  /** A refusal's wait holds for every process: slots free up only as time passes. Saves asking again. */
  quotaWaitUntil: number;
  latencyMs: number | null;
  ok: number;
  failed: number;
  failures: Record<UpstreamFailureKind, number>;
}

export class ProviderRouter {
  readonly #states: ProviderState[];
  readonly #clock: () => number;
  readonly #limiter: RateLimiter;
  readonly #counters: Counters;

  constructor(providers: readonly ProviderConfig[], options: ProviderRouterOptions) {
    this.#clock = options.clock;
    this.#limiter = options.limiter ?? new MemoryRateLimiter({ clock: options.clock });
    this.#counters = options.counters ?? new MemoryCounters({ clock: options.clock });
    this.#states = providers.map((config, order) => ({
      config,
      order,
      breaker: new CircuitBreaker({ clock: options.clock, cooldownMs: options.breakerCooldownMs, failureThreshold: options.breakerFailureThreshold }),
      quota: [perUtcDay(config.dailyQuota), perMinute(config.requestsPerMinute)],
      backoffUntil: 0,
      quotaWaitUntil: 0,
      latencyMs: null,
      ok: 0,
      failed: 0,
      failures: Object.fromEntries(UPSTREAM_FAILURE_KINDS.map((kind) => [kind, 0])) as Record<UpstreamFailureKind, number>,
    }));
  }

  get size(): number {
    return this.#states.length;
  }

  /**
   * Claims the best provider not in `tried` for one call, or null when none may be called now. The call
   * counts against the provider's quota (every process's share of it) whatever its outcome.
   */
  async acquire(tried: ReadonlySet<string> = new Set()): Promise<ProviderLease | null> {
    const outOfQuota = new Set<string>();
    for (;;) {
      const now = this.#clock();
      const eligible = this.#states.filter((state) => !tried.has(state.config.name) && !outOfQuota.has(state.config.name) && this.#isAvailable(state, now));
      eligible.sort(
        (a, b) => a.config.priority - b.config.priority || (a.latencyMs ?? 0) - (b.latencyMs ?? 0) || a.order - b.order,
      );
      const chosen = eligible[0];
      if (!chosen) return null;
      // A half-open breaker's one trial is claimed before waiting on the limiter, so that a request
      // arriving meanwhile cannot claim it too; it is given back if the quota refuses.
      const trial = chosen.breaker.state() === 'half-open';
      chosen.breaker.onSend();
      const verdict = await this.#limiter.take(`ai-provider:${chosen.config.name}`, chosen.quota);
      if (verdict.allowed) {
        // A report, not a decision: a lost count is not worth failing the call (Redis outages are logged there).
        this.#counters.increment(callsCounter(chosen.config.name)).catch(() => undefined);
        return this.#lease(chosen);
      }
      if (trial) chosen.breaker.onAbandon();
      chosen.quotaWaitUntil = Math.max(chosen.quotaWaitUntil, now + verdict.retryAfterMs);
      outOfQuota.add(chosen.config.name);
    }
  }

  stats(): ProviderStats[] {
    const now = this.#clock();
    return this.#states.map((state) => ({
      name: state.config.name,
      priority: state.config.priority,
      breaker: state.breaker.state(),
      ok: state.ok,
      failed: state.failed,
      failures: { ...state.failures },
      latencyMs: state.latencyMs === null ? null : Math.round(state.latencyMs),
      backoffUntil: state.backoffUntil > now ? state.backoffUntil : null,
      quotaWaitUntil: state.quotaWaitUntil > now ? state.quotaWaitUntil : null,
    }));
  }

  /** Calls per provider this minute and today, across every process that shares the counters. */
  async usage(): Promise<ProviderUsage[]> {
    return Promise.all(
      this.#states.map(async ({ config }) => {
        const counts = await this.#counters.read(callsCounter(config.name));
        return { name: config.name, requestsPerMinute: config.requestsPerMinute, dailyQuota: config.dailyQuota, callsThisMinute: counts.minute, callsToday: counts.day };
      }),
    );
  }

  #isAvailable(state: ProviderState, now: number): boolean {
    return state.breaker.canPass() && now >= state.backoffUntil && now >= state.quotaWaitUntil;
  }

  #lease(state: ProviderState): ProviderLease {
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      action();
    };
    return {
      provider: state.config,
      succeed: (firstByteMs) =>
        settle(() => {
          state.ok++;
          state.breaker.onSuccess();
          state.latencyMs = state.latencyMs === null ? firstByteMs : state.latencyMs + LATENCY_EWMA_WEIGHT * (firstByteMs - state.latencyMs);
        }),
      fail: (failure) =>
        settle(() => {
          state.failed++;
          state.failures[failure.kind]++;
          state.breaker.onFailure();
          if (failure.kind === 'rate-limited') {
            const backoff = Math.min(failure.retryAfterMs ?? DEFAULT_RATE_LIMIT_BACKOFF_MS, MAX_RATE_LIMIT_BACKOFF_MS);
            state.backoffUntil = Math.max(state.backoffUntil, this.#clock() + backoff);
          }
        }),
      abandon: () => settle(() => state.breaker.onAbandon()),
    };
  }
}

function callsCounter(provider: string): string {
  return `ai-provider-calls:${provider}`;
}
