// How often each kind of caller may use each area of the API, and the middlewares that enforce it
// (middleware/rate-limit over the shared RateLimiter, so with REDIS_URL every server process shares the
// counts). Per client IP where there is no identity yet (sign-in, refresh, redeeming an invite code,
// invitation links), per device for sync, per user for the interviewer API. The AI gateway limits
// devices itself (ai/device-limiter.ts). Repeated failed sign-ins for one email are locked out
// separately, with a growing wait (auth/sign-in-lockout.ts).
// Owns: the numbers and the keys. Must not import: the store.
import type { Context } from 'hono';
import { clientIpOf } from '../middleware/client-ip/client-ip.ts';
import { rateLimit } from '../middleware/rate-limit/rate-limit.ts';
import type { RateLimiter, RateRule } from '../shared-state/rate-limiter.ts';
import { perMinute, perWindow } from '../shared-state/rate-limiter.ts';
import type { DeviceEnv } from '../middleware/device-auth/device-auth.ts';
import type { SessionEnv } from '../middleware/session-auth/session-auth.ts';

const HOUR_MS = 3_600_000;

/**
 * Generous for people (an office behind one address, a class joining at once), tight for scripts:
 * guessing a 10-character invite code or a password at these rates takes longer than the code or the
 * lockout lasts.
 */
export const ROUTE_LIMITS = {
  signInPerIp: [perMinute(30), perWindow(300, HOUR_MS)],
  refreshPerIp: [perMinute(60)],
  invitationPerIp: [perMinute(20), perWindow(100, HOUR_MS)],
  redeemPerIp: [perMinute(60), perWindow(600, HOUR_MS)],
  interviewerPerUser: [perMinute(600)],
} satisfies Record<string, RateRule[]>;

/** Pushes and pulls per device per minute by default (DEVICE_SYNC_REQUESTS_PER_MINUTE). */
export const DEFAULT_DEVICE_SYNC_PER_MINUTE = 120;

/** Requests without a known address (tests through app.request(), odd sockets) share one count. */
const ipKey = (c: Context) => clientIpOf(c) ?? 'unknown';

const wait = (seconds: number) => (seconds < 90 ? `${seconds} ${seconds === 1 ? 'second' : 'seconds'}` : `${Math.ceil(seconds / 60)} minutes`);

export function routeLimits(limiter: RateLimiter, options: { deviceSyncPerMinute?: number } = {}) {
  const deviceSync = [perMinute(options.deviceSyncPerMinute ?? DEFAULT_DEVICE_SYNC_PER_MINUTE)];
  return {
    signIn: rateLimit({
      limiter,
      rule: ROUTE_LIMITS.signInPerIp,
      keyOf: (c) => `sign-in:ip:${ipKey(c)}`,
      message: (s) => `Too many sign-in attempts from your network. Wait ${wait(s)}, then try again.`,
    }),
    refresh: rateLimit({
      limiter,
      rule: ROUTE_LIMITS.refreshPerIp,
      keyOf: (c) => `refresh:ip:${ipKey(c)}`,
      message: (s) => `Too many sign-in renewals from your network. Wait ${wait(s)}, then reload the page.`,
    }),
    invitation: rateLimit({
      limiter,
      rule: ROUTE_LIMITS.invitationPerIp,
      keyOf: (c) => `invitation:ip:${ipKey(c)}`,
      message: (s) => `Too many tries with invitation links from your network. Wait ${wait(s)}, then open the link again.`,
    }),
    redeem: rateLimit({
      limiter,
      rule: ROUTE_LIMITS.redeemPerIp,
      keyOf: (c) => `redeem:ip:${ipKey(c)}`,
      message: (s) => `Too many invite codes tried from your network. Wait ${wait(s)}, then try your code again.`,
    }),
    perUser: rateLimit<SessionEnv>({
      limiter,
      rule: ROUTE_LIMITS.interviewerPerUser,
      keyOf: (c) => `interviewer:user:${c.get('user').id}`,
      message: (s) => `You are making requests faster than the server allows. Wait ${wait(s)}, then try again.`,
    }),
    push: rateLimit<DeviceEnv>({
      limiter,
      rule: deviceSync,
      keyOf: (c) => `push:device:${c.get('device').id}`,
      message: (s) => `This device is syncing faster than the server allows. It will try again in ${wait(s)}.`,
    }),
    pull: rateLimit<DeviceEnv>({
      limiter,
      rule: deviceSync,
      keyOf: (c) => `pull:device:${c.get('device').id}`,
      message: (s) => `This device is syncing faster than the server allows. It will try again in ${wait(s)}.`,
    }),
  };
}

export type RouteLimits = ReturnType<typeof routeLimits>;
