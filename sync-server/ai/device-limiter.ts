// Per-device budget for the cloud AI, so one device (or a stolen token) cannot spend the whole
// organisation's provider quota. Owns: the per-minute (rolling) and per-day (UTC) rules and their key
// per device; the counting is the RateLimiter's (in this process, or shared through Redis). A refused
// request is not counted, and says how long to wait.
import type { RateLimiter } from '../shared-state/rate-limiter.ts';
import { perMinute, perUtcDay } from '../shared-state/rate-limiter.ts';

export interface DeviceLimiterOptions {
  perMinute: number;
  perDay: number;
  limiter: RateLimiter;
}

export type DeviceVerdict = { allowed: true } | { allowed: false; retryAfterMs: number; window: 'minute' | 'day' };

export class DeviceLimiter {
  readonly #limiter: RateLimiter;
  readonly #rules;

  constructor(options: DeviceLimiterOptions) {
    this.#limiter = options.limiter;
    this.#rules = [perUtcDay(options.perDay), perMinute(options.perMinute)] as const;
  }

  /** Counts one request for the device when both windows have room; otherwise counts nothing. */
  async take(deviceId: string): Promise<DeviceVerdict> {
    const verdict = await this.#limiter.take(`ai-device:${deviceId}`, this.#rules);
    if (verdict.allowed) return { allowed: true };
    return { allowed: false, retryAfterMs: verdict.retryAfterMs, window: verdict.rule.kind === 'utc-day' ? 'day' : 'minute' };
  }
}
