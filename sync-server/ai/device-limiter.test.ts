import { describe, expect, it } from 'vitest';
import { MemoryRateLimiter } from '../shared-state/rate-limiter.ts';
import { DeviceLimiter } from './device-limiter.ts';

const NOON = Date.UTC(2026, 10, 20, 12);

function limiter(perMinute: number, perDay: number) {
  let now = NOON;
  const shared = new MemoryRateLimiter({ clock: () => now });
  return { limiter: new DeviceLimiter({ perMinute, perDay, limiter: shared }), shared, advance: (ms: number) => (now += ms) };
}

describe('DeviceLimiter', () => {
  it('allows perMinute requests in any rolling minute and says how long to wait for the next', async () => {
    const { limiter: devices, advance } = limiter(2, 100);
    expect(await devices.take('d1')).toEqual({ allowed: true });
    advance(20_000);
    expect(await devices.take('d1')).toEqual({ allowed: true });
    advance(1_000);
    expect(await devices.take('d1')).toEqual({ allowed: false, retryAfterMs: 39_000, window: 'minute' });
    advance(39_000);
    expect(await devices.take('d1')).toEqual({ allowed: true });
  });

  it('does not count refused requests, in either window, so hammering does not push the wait further out', async () => {
    const { limiter: devices, advance } = limiter(1, 3);
    await devices.take('d1');
    for (let index = 0; index < 10; index++) expect((await devices.take('d1')).allowed).toBe(false);
    advance(60_000);
    expect((await devices.take('d1')).allowed).toBe(true);
    advance(60_000);
    // Had the ten refusals counted against the day, this third request of the day would be refused.
    expect((await devices.take('d1')).allowed).toBe(true);
  });

  it('allows perDay requests per UTC day', async () => {
    const { limiter: devices, advance } = limiter(100, 2);
    await devices.take('d1');
    await devices.take('d1');
    expect(await devices.take('d1')).toEqual({ allowed: false, retryAfterMs: 12 * 3_600_000, window: 'day' });
    advance(12 * 3_600_000);
    expect((await devices.take('d1')).allowed).toBe(true);
  });

  it('names the day when both windows are full, since that is the longer wait', async () => {
    const { limiter: devices } = limiter(1, 1);
    await devices.take('d1');
    expect(await devices.take('d1')).toMatchObject({ allowed: false, window: 'day' });
  });

  it('keeps each device apart', async () => {
    const { limiter: devices } = limiter(1, 1);
    expect((await devices.take('d1')).allowed).toBe(true);
    expect((await devices.take('d2')).allowed).toBe(true);
    expect((await devices.take('d1')).allowed).toBe(false);
  });

  it('shares one limiter between two gateways (as two processes share Redis)', async () => {
    const { limiter: first, shared } = limiter(2, 100);
    const second = new DeviceLimiter({ perMinute: 2, perDay: 100, limiter: shared });
    expect((await first.take('d1')).allowed).toBe(true);
    expect((await second.take('d1')).allowed).toBe(true);
    expect((await first.take('d1')).allowed).toBe(false);
    expect((await second.take('d1')).allowed).toBe(false);
  });
});
