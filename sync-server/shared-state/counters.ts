// Counts per UTC minute and per UTC day (calls made to a provider, calls against a budget), kept in
// this process (MemoryCounters, here) or in Redis (redis-counters.ts) so several processes add to the
// same numbers. Owns: the interface, the calendar windows, and the in-process implementation.
// Counting only: deciding whether something may happen is the RateLimiter's job, atomically.
import { DAY_MS } from './rate-limiter.ts';

export const MINUTE_MS = 60_000;

/** The counts in the current UTC minute and UTC day. */
export interface WindowCounts {
  readonly minute: number;
  readonly day: number;
}

export interface Counters {
  /** Adds `by` (default 1) to this minute's and today's count of `name`; returns both after adding. */
  increment(name: string, by?: number): Promise<WindowCounts>;
  /** This minute's and today's count of `name`; 0 for a name never counted in them. */
  read(name: string): Promise<WindowCounts>;
}

/** The UTC minute and day `now` falls in, as ISO text: readable Redis keys, and the same in every process. */
export function windowLabels(now: number): { minute: string; day: string } {
  const iso = new Date(Math.floor(now / MINUTE_MS) * MINUTE_MS).toISOString();
  return { minute: iso.slice(0, 16), day: iso.slice(0, 10) };
}

export function checkIncrement(by: number): number {
  if (!Number.isSafeInteger(by) || by < 0) throw new RangeError(`A counter grows by a whole number of at least 0, not ${by}.`);
  return by;
}

export interface MemoryCountersOptions {
  clock?: () => number;
}

interface Entry {
  minute: number;
  minuteCount: number;
  day: number;
  dayCount: number;
}

const SWEEP_ABOVE_NAMES = 10_000;

export class MemoryCounters implements Counters {
  readonly #entries = new Map<string, Entry>();
  readonly #clock: () => number;

  constructor(options: MemoryCountersOptions = {}) {
    this.#clock = options.clock ?? Date.now;
  }

  async increment(name: string, by = 1): Promise<WindowCounts> {
    checkIncrement(by);
    const now = this.#clock();
    let entry = this.#entries.get(name);
    if (!entry) {
      this.#sweep(now);
      entry = { minute: 0, minuteCount: 0, day: 0, dayCount: 0 };
      this.#entries.set(name, entry);
    }
    roll(entry, now);
    entry.minuteCount += by;
    entry.dayCount += by;
    return { minute: entry.minuteCount, day: entry.dayCount };
  }

  async read(name: string): Promise<WindowCounts> {
    const entry = this.#entries.get(name);
    if (!entry) return { minute: 0, day: 0 };
    roll(entry, this.#clock());
    return { minute: entry.minuteCount, day: entry.dayCount };
  }

  #sweep(now: number): void {
    if (this.#entries.size < SWEEP_ABOVE_NAMES) return;
    const today = Math.floor(now / DAY_MS);
    for (const [name, entry] of this.#entries) if (entry.day !== today) this.#entries.delete(name);
  }
}

function roll(entry: Entry, now: number): void {
  const minute = Math.floor(now / MINUTE_MS);
  const day = Math.floor(now / DAY_MS);
  if (minute !== entry.minute) {
    entry.minute = minute;
    entry.minuteCount = 0;
  }
  if (day !== entry.day) {
    entry.day = day;
    entry.dayCount = 0;
  }
}
