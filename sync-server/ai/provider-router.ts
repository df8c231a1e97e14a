// Chooses which provider answers next. Owns each provider's health and budget: circuit breaker, daily
// quota, per-minute window, 429 back-off and first-byte latency. A provider is eligible when all of
// those allow a call; among the eligible, lower priority wins, then lower latency (an EWMA of
// successful calls; untried providers count as 0 so each gets measured), then config order.
import { CircuitBreaker, type BreakerState } from './circuit-breaker.ts';
import type { ProviderConfig } from './provider-config.ts';
import { DailyLimit, SlidingWindowLimit } from './rate-windows.ts';
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
  usedToday: number;
  usedLastMinute: number;
  /** Epoch ms until which a 429 keeps this provider out; null when none. */
  backoffUntil: number | null;
}

interface ProviderState {
  config: ProviderConfig;
  order: number;
  breaker: CircuitBreaker;
  minute: SlidingWindowLimit;
  day: DailyLimit;
  backoffUntil: number;
  latencyMs: number | null;
  ok: number;
  failed: number;
  failures: Record<UpstreamFailureKind, number>;
}

export class ProviderRouter {
  readonly #states: ProviderState[];
  readonly #clock: () => number;

  constructor(providers: readonly ProviderConfig[], options: ProviderRouterOptions) {
    this.#clock = options.clock;
    this.#states = providers.map((config, order) => ({
      config,
      order,
      breaker: new CircuitBreaker({ clock: options.clock, cooldownMs: options.breakerCooldownMs, failureThreshold: options.breakerFailureThreshold }),
      minute: new SlidingWindowLimit(config.requestsPerMinute, 60_000),
      day: new DailyLimit(config.dailyQuota),
      backoffUntil: 0,
      latencyMs: null,
      ok: 0,
      failed: 0,
      failures: Object.fromEntries(UPSTREAM_FAILURE_KINDS.map((kind) => [kind, 0])) as Record<UpstreamFailureKind, number>,
    }));
  }

  get size(): number {
    return this.#states.length;
  }

  /** Claims the best provider not in `tried` for one call, or null when none may be called now. */
  acquire(tried: ReadonlySet<string> = new Set()): ProviderLease | null {
    const now = this.#clock();
    const eligible = this.#states.filter((state) => !tried.has(state.config.name) && this.#isAvailable(state, now));
    eligible.sort(
      (a, b) => a.config.priority - b.config.priority || (a.latencyMs ?? 0) - (b.latencyMs ?? 0) || a.order - b.order,
    );
    const chosen = eligible[0];
    if (!chosen) return null;
    chosen.breaker.onSend();
    chosen.minute.record(now);
    chosen.day.record(now);
    return this.#lease(chosen);
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
      usedToday: state.day.count(now),
      usedLastMinute: state.minute.count(now),
      backoffUntil: state.backoffUntil > now ? state.backoffUntil : null,
    }));
  }

  #isAvailable(state: ProviderState, now: number): boolean {
    return state.breaker.canPass() && now >= state.backoffUntil && state.minute.waitMs(now) === 0 && state.day.waitMs(now) === 0;
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
