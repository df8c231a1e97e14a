// Rate limits as one interface, kept in this process (MemoryRateLimiter, here) or in Redis
// (redis-rate-limiter.ts) so several server processes share them. Owns: the rule shapes, the verdict,
// and the in-process implementation. Imports nothing from Hono, the store or the AI gateway.
//
// Rules are "at most N in any rolling window" (a sliding log of the last N times) or "at most N per UTC
// calendar day". A sliding log rather than GCRA or a fixed window: it is exact (never N+1 in any window,
// and never refuses when fewer than N are in it), its wait is exactly "until the oldest one leaves",
// and it is what the AI gateway's limits always meant, so the numbers candidates were told do not
// change. It keeps N times per key, which is cheap for the limits we set (tens to hundreds); GCRA would
// keep one number per key, but lets the Nth request through only after a steady drip, not as a burst.

export type RateRule =
  /** At most `limit` in any rolling `windowMs`. */
  | { readonly kind: 'sliding'; readonly limit: number; readonly windowMs: number }
  /** At most `limit` per UTC calendar day: how providers' daily quotas reset, and easy to explain. */
  | { readonly kind: 'utc-day'; readonly limit: number };

export type RateVerdict =
  | { readonly allowed: true; /** How many more fit now under the tightest rule. */ readonly remaining: number }
  | { readonly allowed: false; readonly retryAfterMs: number; /** The rule that refused (the one with the longest wait). */ readonly rule: RateRule };

export interface RateLimiter {
  /**
   * Counts one event for `key` when every rule allows it, atomically (across processes for Redis);
   * when any rule refuses, counts nothing, so hammering does not push the wait further out. Rules
   * with the same kind and window share their count for a key.
   */
  take(key: string, rules: RateRule | readonly RateRule[]): Promise<RateVerdict>;
}

export const DAY_MS = 86_400_000;

export function perWindow(limit: number, windowMs: number): RateRule {
  return checkRule({ kind: 'sliding', limit, windowMs });
}

export function perMinute(limit: number): RateRule {
  return perWindow(limit, 60_000);
}

export function perUtcDay(limit: number): RateRule {
  return checkRule({ kind: 'utc-day', limit });
}

export function msUntilNextUtcDay(now: number): number {
  return (Math.floor(now / DAY_MS) + 1) * DAY_MS - now;
}

export function windowMsOf(rule: RateRule): number {
  return rule.kind === 'sliding' ? rule.windowMs : DAY_MS;
}

/** Names the count a rule keeps for a key: rules of one kind and window share it. */
export function ruleSlot(rule: RateRule): string {
  return rule.kind === 'sliding' ? `${rule.windowMs}ms` : 'utc-day';
}

export function asRuleList(rules: RateRule | readonly RateRule[]): readonly RateRule[] {
  const list = Array.isArray(rules) ? (rules as readonly RateRule[]) : [rules as RateRule];
  if (list.length === 0) throw new RangeError('A rate limit needs at least one rule, e.g. perMinute(20).');
  list.forEach(checkRule);
  return list;
}

function checkRule(rule: RateRule): RateRule {
  if (!Number.isSafeInteger(rule.limit) || rule.limit < 1) {
    throw new RangeError(`A rate rule's limit must be a whole number of at least 1, not ${rule.limit}; leave the limit out to allow everything.`);
  }
  if (rule.kind === 'sliding' && (!Number.isSafeInteger(rule.windowMs) || rule.windowMs < 1)) {
    throw new RangeError(`A rate rule's window must be a whole number of milliseconds of at least 1, not ${rule.windowMs}.`);
  }
  return rule;
}

export interface MemoryRateLimiterOptions {
  /** Epoch ms; tests move it instead of sleeping. */
  clock?: () => number;
}

type Slot = { kind: 'sliding'; times: number[]; lastSeen: number; windowMs: number } | { kind: 'utc-day'; day: number; used: number; lastSeen: number };

/** Keys not seen for a whole window are dropped once the table grows past this, so it cannot grow without end. */
const SWEEP_ABOVE_SLOTS = 10_000;

/** One process's limits. Every call runs to completion before the next starts, so it is atomic. */
export class MemoryRateLimiter implements RateLimiter {
  readonly #slots = new Map<string, Slot>();
  readonly #clock: () => number;

  constructor(options: MemoryRateLimiterOptions = {}) {
    this.#clock = options.clock ?? Date.now;
  }

  /** How many keys × windows are held; for tests of the sweep. */
  get size(): number {
    return this.#slots.size;
  }

  async take(key: string, rules: RateRule | readonly RateRule[]): Promise<RateVerdict> {
    const list = asRuleList(rules);
    const now = this.#clock();
    const slots = list.map((rule) => this.#slot(key, rule, now));
    let refusal: { retryAfterMs: number; rule: RateRule } | null = null;
    for (const [index, rule] of list.entries()) {
      const wait = waitMs(slots[index]!, rule.limit, now);
      if (wait > 0 && (!refusal || wait > refusal.retryAfterMs)) refusal = { retryAfterMs: wait, rule };
    }
    if (refusal) return { allowed: false, ...refusal };
    let remaining = Number.POSITIVE_INFINITY;
    for (const [index, rule] of list.entries()) {
      const slot = slots[index]!;
      record(slot, rule.limit, now);
      remaining = Math.min(remaining, rule.limit - count(slot, now));
    }
    return { allowed: true, remaining };
  }

  #slot(key: string, rule: RateRule, now: number): Slot {
    const id = `${key}\u0000${ruleSlot(rule)}`;
    let slot = this.#slots.get(id);
    if (!slot) {
      this.#sweep(now);
      slot = rule.kind === 'sliding' ? { kind: 'sliding', times: [], lastSeen: now, windowMs: rule.windowMs } : { kind: 'utc-day', day: Math.floor(now / DAY_MS), used: 0, lastSeen: now };
      this.#slots.set(id, slot);
    }
    slot.lastSeen = now;
    return slot;
  }

  #sweep(now: number): void {
    if (this.#slots.size < SWEEP_ABOVE_SLOTS) return;
    for (const [id, slot] of this.#slots) {
      const stale = slot.kind === 'sliding' ? now - slot.lastSeen >= slot.windowMs : Math.floor(now / DAY_MS) !== Math.floor(slot.lastSeen / DAY_MS);
      if (stale) this.#slots.delete(id);
    }
  }
}

/** 0 when one more fits now; else how long until it does (the oldest time leaves, or the day turns). */
function waitMs(slot: Slot, limit: number, now: number): number {
  const used = count(slot, now);
  if (used < limit) return 0;
  if (slot.kind === 'utc-day') return msUntilNextUtcDay(now);
  // With a limit lowered since these were recorded, more than `limit` may be held: wait until enough leave.
  return slot.times[used - limit]! + slot.windowMs - now;
}

function record(slot: Slot, limit: number, now: number): void {
  count(slot, now);
  if (slot.kind === 'utc-day') {
    slot.used++;
    return;
  }
  slot.times.push(now);
  while (slot.times.length > limit) slot.times.shift();
}

function count(slot: Slot, now: number): number {
  if (slot.kind === 'utc-day') {
    const day = Math.floor(now / DAY_MS);
    if (day !== slot.day) {
      slot.day = day;
      slot.used = 0;
    }
    return slot.used;
  }
  while (slot.times.length && slot.times[0]! + slot.windowMs <= now) slot.times.shift();
  return slot.times.length;
}
