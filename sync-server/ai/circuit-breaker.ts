// One provider's circuit breaker. Owns: closed → open after N consecutive failures → half-open after a
// cool-down, where exactly one trial request may pass; its outcome closes or re-opens the circuit.
// Time comes from an injected clock, so tests step over the cool-down instead of sleeping.

export type BreakerState = 'closed' | 'open' | 'half-open';

export const DEFAULT_FAILURE_THRESHOLD = 3;
export const DEFAULT_BREAKER_COOLDOWN_MS = 30_000;

export interface CircuitBreakerOptions {
  clock: () => number;
  failureThreshold?: number;
  cooldownMs?: number;
}

export class CircuitBreaker {
  readonly #clock: () => number;
  readonly #threshold: number;
  readonly #cooldownMs: number;
  #consecutiveFailures = 0;
  #openedAt: number | null = null;
  #trialInFlight = false;

  constructor(options: CircuitBreakerOptions) {
    this.#clock = options.clock;
    this.#threshold = options.failureThreshold ?? DEFAULT_FAILURE_THRESHOLD;
    this.#cooldownMs = options.cooldownMs ?? DEFAULT_BREAKER_COOLDOWN_MS;
  }

  state(): BreakerState {
    if (this.#openedAt === null) return 'closed';
    return this.#clock() - this.#openedAt >= this.#cooldownMs ? 'half-open' : 'open';
  }

  /** Whether a request may be sent now. Does not claim anything: call `onSend` when it is sent. */
  canPass(): boolean {
    const state = this.state();
    return state === 'closed' || (state === 'half-open' && !this.#trialInFlight);
  }

  /** In half-open, the request sent now is the one trial; others wait for its verdict. */
  onSend(): void {
    if (this.state() === 'half-open') this.#trialInFlight = true;
  }

  onSuccess(): void {
    this.#consecutiveFailures = 0;
    this.#openedAt = null;
    this.#trialInFlight = false;
  }

  onFailure(): void {
    this.#trialInFlight = false;
    if (this.#openedAt !== null) {
      // A failed trial (or a late failure of a request sent before opening): another full cool-down.
      this.#openedAt = this.#clock();
      return;
    }
    this.#consecutiveFailures++;
    if (this.#consecutiveFailures >= this.#threshold) this.#openedAt = this.#clock();
  }

  /** The caller went away before the provider answered: no verdict, but the trial slot is free again. */
  onAbandon(): void {
    this.#trialInFlight = false;
  }
}
