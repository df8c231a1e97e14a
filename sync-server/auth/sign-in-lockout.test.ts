import { describe, expect, it } from 'vitest';
import { FIRST_LOCKOUT_MS, FREE_FAILURES, lockoutMs, MAX_LOCKOUT_MS } from './sign-in-lockout.ts';

describe('sign-in lockout policy', () => {
  it('allows a few failures, then locks for longer after each one, up to a cap', () => {
    const waits = Array.from({ length: 12 }, (_, index) => lockoutMs(index + 1));
    expect(waits.slice(0, FREE_FAILURES - 1)).toEqual(Array(FREE_FAILURES - 1).fill(0));
    expect(waits[FREE_FAILURES - 1]).toBe(FIRST_LOCKOUT_MS);
    expect(waits[FREE_FAILURES]).toBe(2 * FIRST_LOCKOUT_MS);
    for (let index = FREE_FAILURES; index < waits.length; index++) expect(waits[index]).toBeGreaterThanOrEqual(waits[index - 1]!);
    expect(Math.max(...waits)).toBe(MAX_LOCKOUT_MS);
    expect(lockoutMs(10_000)).toBe(MAX_LOCKOUT_MS);
  });
});
