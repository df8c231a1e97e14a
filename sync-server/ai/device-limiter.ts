// Per-device budget for the cloud AI, so one device (or a stolen token) cannot spend the whole
// organisation's provider quota. Owns: a per-minute and a per-day (UTC) count per device; a refused
// request is not counted, and says how long to wait.
import { DailyLimit, SlidingWindowLimit } from './rate-windows.ts';

export interface DeviceLimiterOptions {
  perMinute: number;
  perDay: number;
  clock: () => number;
}

export type DeviceVerdict = { allowed: true } | { allowed: false; retryAfterMs: number; window: 'minute' | 'day' };

/** Devices not seen for this long are dropped when the table grows, so it cannot grow without end. */
const SWEEP_ABOVE_DEVICES = 10_000;
const FORGET_AFTER_MS = 2 * 86_400_000;

export class DeviceLimiter {
  readonly #devices = new Map<string, { minute: SlidingWindowLimit; day: DailyLimit; lastSeen: number }>();
  readonly #options: DeviceLimiterOptions;

  constructor(options: DeviceLimiterOptions) {
    this.#options = options;
  }

  /** Counts one request for the device when it fits; otherwise counts nothing. */
  take(deviceId: string): DeviceVerdict {
    const now = this.#options.clock();
    let entry = this.#devices.get(deviceId);
    if (!entry) {
      this.#sweep(now);
      entry = { minute: new SlidingWindowLimit(this.#options.perMinute, 60_000), day: new DailyLimit(this.#options.perDay), lastSeen: now };
      this.#devices.set(deviceId, entry);
    }
    entry.lastSeen = now;
    const dayWait = entry.day.waitMs(now);
    if (dayWait > 0) return { allowed: false, retryAfterMs: dayWait, window: 'day' };
    const minuteWait = entry.minute.waitMs(now);
    if (minuteWait > 0) return { allowed: false, retryAfterMs: minuteWait, window: 'minute' };
    entry.minute.record(now);
    entry.day.record(now);
    return { allowed: true };
  }

  #sweep(now: number): void {
    if (this.#devices.size < SWEEP_ABOVE_DEVICES) return;
    for (const [id, entry] of this.#devices) if (now - entry.lastSeen > FORGET_AFTER_MS) this.#devices.delete(id);
  }
}
