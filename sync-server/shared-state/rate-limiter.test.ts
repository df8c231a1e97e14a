import { describe, expect, it } from 'vitest';
import { rateLimiterContract } from './rate-limiter.contract.ts';
import { MemoryRateLimiter, msUntilNextUtcDay, perMinute, perUtcDay } from './rate-limiter.ts';

describe('MemoryRateLimiter', () => {
  rateLimiterContract((clock) => ({ limiter: new MemoryRateLimiter({ clock }), advance: () => undefined }));

  it('forgets keys whose windows have passed once it holds many, so it cannot grow without end', async () => {
    let now = Date.UTC(2026, 0, 1, 8);
    const limiter = new MemoryRateLimiter({ clock: () => now });
    for (let index = 0; index < 10_000; index++) await limiter.take(`device-${index}`, perMinute(5));
    await limiter.take('recent', perUtcDay(5));
    expect(limiter.size).toBe(10_001);
    now += 60_000;
    await limiter.take('newcomer', perMinute(5));
    // The minute-old keys went; today's day count stays, or a device could start its day again.
    expect(limiter.size).toBe(2);
    expect(await limiter.take('recent', perUtcDay(5))).toEqual({ allowed: true, remaining: 3 });
  });
});

describe('msUntilNextUtcDay', () => {
  it('counts to the next UTC midnight, a whole day at midnight itself', () => {
    expect(msUntilNextUtcDay(Date.UTC(2026, 0, 1, 23, 59, 59, 999))).toBe(1);
    expect(msUntilNextUtcDay(Date.UTC(2026, 0, 2))).toBe(86_400_000);
  });
});
