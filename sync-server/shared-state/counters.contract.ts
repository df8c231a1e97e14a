// What every Counters must do, run against the in-process one (counters.test.ts) and the Redis one
// (redis-counters.test.ts). Time is a clock the tests move.
import { expect, it } from 'vitest';
import type { Counters } from './counters.ts';

export function countersContract(make: (clock: () => number) => Counters | Promise<Counters>): void {
  async function setUp() {
    let now = Date.UTC(2026, 10, 20, 23, 58, 30);
    const counters = await make(() => now);
    return { counters, advance: (ms: number) => (now += ms) };
  }

  it('counts per UTC minute and per UTC day, each starting again at its boundary', async () => {
    const { counters, advance } = await setUp();
    expect(await counters.read('calls')).toEqual({ minute: 0, day: 0 });
    expect(await counters.increment('calls')).toEqual({ minute: 1, day: 1 });
    expect(await counters.increment('calls', 2)).toEqual({ minute: 3, day: 3 });
    advance(30_000); // 23:59:00: a new minute, the same day
    expect(await counters.read('calls')).toEqual({ minute: 0, day: 3 });
    expect(await counters.increment('calls')).toEqual({ minute: 1, day: 4 });
    advance(60_000); // 00:00:00 the next day
    expect(await counters.read('calls')).toEqual({ minute: 0, day: 0 });
    expect(await counters.increment('calls')).toEqual({ minute: 1, day: 1 });
  });

  it('keeps names apart and adds concurrent increments without losing any', async () => {
    const { counters } = await setUp();
    await Promise.all(Array.from({ length: 30 }, () => counters.increment('a')));
    await counters.increment('b', 5);
    expect(await counters.read('a')).toEqual({ minute: 30, day: 30 });
    expect(await counters.read('b')).toEqual({ minute: 5, day: 5 });
  });

  it('refuses an increment that is not a whole number of at least 0', async () => {
    const { counters } = await setUp();
    await expect(async () => counters.increment('a', -1)).rejects.toThrow(/whole number/);
    await expect(async () => counters.increment('a', 0.5)).rejects.toThrow(/whole number/);
    expect(await counters.read('a')).toEqual({ minute: 0, day: 0 });
  });
}
