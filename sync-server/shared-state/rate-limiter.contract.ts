// What every RateLimiter must do, run against the in-process one (rate-limiter.test.ts) and the Redis
// one (redis-rate-limiter.test.ts), so both keep the same semantics. Time is a clock the tests move.
import { expect, it } from 'vitest';
import { perMinute, perUtcDay, perWindow, type RateLimiter } from './rate-limiter.ts';

/** Noon UTC, so a day rule's wait is 12 hours. */
export const CONTRACT_NOON = Date.UTC(2026, 10, 20, 12);

export interface LimiterUnderTest {
  limiter: RateLimiter;
  advance: (ms: number) => void;
}

export function rateLimiterContract(make: (clock: () => number) => LimiterUnderTest | Promise<LimiterUnderTest>): void {
  async function setUp() {
    let now = CONTRACT_NOON;
    const made = await make(() => now);
    return { limiter: made.limiter, advance: (ms: number) => (now += ms) };
  }

  it('allows N in any rolling window, counts down what remains, and says exactly how long to wait', async () => {
    const { limiter, advance } = await setUp();
    expect(await limiter.take('k', perMinute(2))).toEqual({ allowed: true, remaining: 1 });
    advance(20_000);
    expect(await limiter.take('k', perMinute(2))).toEqual({ allowed: true, remaining: 0 });
    advance(1_000);
    expect(await limiter.take('k', perMinute(2))).toEqual({ allowed: false, retryAfterMs: 39_000, rule: perMinute(2) });
    advance(38_999);
    expect((await limiter.take('k', perMinute(2))).allowed).toBe(false);
    advance(1);
    expect(await limiter.take('k', perMinute(2))).toEqual({ allowed: true, remaining: 0 });
  });

  it('does not count refusals, so hammering does not push the wait out', async () => {
    const { limiter, advance } = await setUp();
    await limiter.take('k', perWindow(1, 1_000));
    for (let index = 0; index < 20; index++) expect((await limiter.take('k', perWindow(1, 1_000))).allowed).toBe(false);
    advance(1_000);
    expect((await limiter.take('k', perWindow(1, 1_000))).allowed).toBe(true);
  });

  it('counts a UTC day from midnight to midnight, waiting until the next midnight', async () => {
    const { limiter, advance } = await setUp();
    await limiter.take('k', perUtcDay(2));
    advance(11 * 3_600_000);
    await limiter.take('k', perUtcDay(2));
    expect(await limiter.take('k', perUtcDay(2))).toEqual({ allowed: false, retryAfterMs: 3_600_000, rule: perUtcDay(2) });
    advance(3_600_000);
    expect(await limiter.take('k', perUtcDay(2))).toEqual({ allowed: true, remaining: 1 });
  });

  it('with several rules, counts in all or in none, and reports the longest wait', async () => {
    const { limiter, advance } = await setUp();
    const rules = [perUtcDay(3), perMinute(1)];
    expect(await limiter.take('k', rules)).toEqual({ allowed: true, remaining: 0 });
    // Refused by the minute: the day must not count these.
    for (let index = 0; index < 5; index++) expect(await limiter.take('k', rules)).toMatchObject({ allowed: false, rule: perMinute(1) });
    advance(60_000);
    expect(await limiter.take('k', rules)).toEqual({ allowed: true, remaining: 0 });
    advance(60_000);
    expect(await limiter.take('k', rules)).toEqual({ allowed: true, remaining: 0 });
    // Both full now: the day's wait is the longer one.
    expect(await limiter.take('k', rules)).toEqual({ allowed: false, retryAfterMs: 12 * 3_600_000 - 120_000, rule: perUtcDay(3) });
  });

  it('keeps keys apart, and rules of different windows apart, while the same window shares its count', async () => {
    const { limiter } = await setUp();
    expect((await limiter.take('a', perMinute(1))).allowed).toBe(true);
    expect((await limiter.take('b', perMinute(1))).allowed).toBe(true);
    expect((await limiter.take('a', perWindow(1, 1_000))).allowed).toBe(true);
    expect((await limiter.take('a', perMinute(1))).allowed).toBe(false);
    // Same window, a higher limit: the one event already counted is seen.
    expect(await limiter.take('a', perMinute(3))).toEqual({ allowed: true, remaining: 1 });
  });

  it('after a limit is lowered, waits until enough old events have left the window', async () => {
    const { limiter, advance } = await setUp();
    for (let index = 0; index < 4; index++) {
      await limiter.take('k', perMinute(10));
      advance(1_000);
    }
    // Four events at 0, 1, 2 and 3 s; now is 4 s. Under a limit of 2, three must leave: the third leaves at 62 s.
    expect(await limiter.take('k', perMinute(2))).toMatchObject({ allowed: false, retryAfterMs: 58_000 });
    advance(57_999);
    expect((await limiter.take('k', perMinute(2))).allowed).toBe(false);
    advance(1);
    expect((await limiter.take('k', perMinute(2))).allowed).toBe(true);
  });

  it('lets exactly N of many concurrent callers through', async () => {
    const { limiter } = await setUp();
    const verdicts = await Promise.all(Array.from({ length: 25 }, () => limiter.take('k', [perMinute(7), perUtcDay(100)])));
    expect(verdicts.filter((verdict) => verdict.allowed)).toHaveLength(7);
  });

  it('refuses rules that cannot be met, saying what is wrong', async () => {
    const { limiter } = await setUp();
    await expect(async () => limiter.take('k', perMinute(0))).rejects.toThrow(/at least 1/);
    await expect(async () => limiter.take('k', [])).rejects.toThrow(/at least one rule/);
  });
}
