import { describe, expect, it } from 'vitest';
import { DeviceLimiter } from './device-limiter.ts';

const NOON = Date.UTC(2026, 10, 20, 12);

function limiter(perMinute: number, perDay: number) {
  let now = NOON;
  return { limiter: new DeviceLimiter({ perMinute, perDay, clock: () => now }), advance: (ms: number) => (now += ms) };
}

describe('DeviceLimiter', () => {
  it('allows perMinute requests in any rolling minute and says how long to wait for the next', () => {
    const { limiter: devices, advance } = limiter(2, 100);
    expect(devices.take('d1')).toEqual({ allowed: true });
    advance(20_000);
    expect(devices.take('d1')).toEqual({ allowed: true });
    advance(1_000);
    expect(devices.take('d1')).toEqual({ allowed: false, retryAfterMs: 39_000, window: 'minute' });
    advance(39_000);
    expect(devices.take('d1')).toEqual({ allowed: true });
  });

  it('does not count refused requests, so hammering does not push the wait further out', () => {
    const { limiter: devices, advance } = limiter(1, 100);
    devices.take('d1');
    for (let index = 0; index < 10; index++) devices.take('d1');
    advance(60_000);
    expect(devices.take('d1').allowed).toBe(true);
  });

  it('allows perDay requests per UTC day', () => {
    const { limiter: devices, advance } = limiter(100, 2);
    devices.take('d1');
    devices.take('d1');
    expect(devices.take('d1')).toEqual({ allowed: false, retryAfterMs: 12 * 3_600_000, window: 'day' });
    advance(12 * 3_600_000);
    expect(devices.take('d1').allowed).toBe(true);
  });

  it('keeps each device apart', () => {
    const { limiter: devices } = limiter(1, 1);
    expect(devices.take('d1').allowed).toBe(true);
    expect(devices.take('d2').allowed).toBe(true);
    expect(devices.take('d1').allowed).toBe(false);
  });
});
