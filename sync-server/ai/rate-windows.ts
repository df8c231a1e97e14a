// Counting windows shared by the provider quotas and the per-device limit. Owns: "how many in the last
// minute" (a sliding log) and "how many today" (a UTC calendar-day counter). Times come from the
// caller, so tests move a clock instead of sleeping.

const DAY_MS = 86_400_000;

/** At most `limit` events in any rolling window of `windowMs`. Keeps only the last `limit` times. */
export class SlidingWindowLimit {
  readonly #times: number[] = [];
  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** 0 when one more event fits now, else how long until the oldest one leaves the window. */
  waitMs(now: number): number {
    this.#prune(now);
    if (this.#times.length < this.limit) return 0;
    return this.#times[0]! + this.windowMs - now;
  }

  record(now: number): void {
    this.#prune(now);
    this.#times.push(now);
    if (this.#times.length > this.limit) this.#times.shift();
  }

  count(now: number): number {
    this.#prune(now);
    return this.#times.length;
  }

  #prune(now: number): void {
    while (this.#times.length && this.#times[0]! + this.windowMs <= now) this.#times.shift();
  }
}

/**
 * At most `limit` events per UTC calendar day. A fixed day rather than a rolling 24 hours, because
 * that is how providers' daily quotas reset and it is easy to explain to a candidate.
 */
export class DailyLimit {
  #day = -1;
  #used = 0;
  constructor(readonly limit: number) {}

  waitMs(now: number): number {
    return this.count(now) < this.limit ? 0 : msUntilNextUtcDay(now);
  }

  record(now: number): void {
    this.count(now);
    this.#used++;
  }

  count(now: number): number {
    const day = Math.floor(now / DAY_MS);
    if (day !== this.#day) {
      this.#day = day;
      this.#used = 0;
    }
    return this.#used;
  }
}

export function msUntilNextUtcDay(now: number): number {
  return (Math.floor(now / DAY_MS) + 1) * DAY_MS - now;
}
