// Rate limits on HTTP routes: per device, per user, per IP, whatever `keyOf` names. Owns: asking the
// limiter, and the 429 answer (Retry-After in whole seconds, rounded up, and the API's JSON error).
// The limiter decides where counts live (this process or Redis: shared-state/); this only speaks HTTP.
//
//   app.use('/api/interviewer/sign-in', rateLimit({ limiter, rule: perMinute(10), keyOf: (c) => `sign-in:ip:${clientIp(c)}` }))
import type { Context, Env } from 'hono';
import { createMiddleware } from 'hono/factory';
import { ApiError } from '../../errors.ts';
import type { RateLimiter, RateRule } from '../../shared-state/rate-limiter.ts';

export interface RateLimitOptions<E extends Env> {
  limiter: RateLimiter;
  /** One rule, or several that must all allow (e.g. per minute and per day). */
  rule: RateRule | readonly RateRule[];
  /**
   * The key the limit counts under, or null to let the request through uncounted (e.g. no user yet).
   * Keys from different routes share a count when equal, so start them with the route's name.
   */
  keyOf: (c: Context<E>) => string | null | Promise<string | null>;
  /** The error message; by default one that says how long to wait. */
  message?: (retryAfterSeconds: number) => string;
}

export function retryAfterSeconds(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / 1000));
}

export function rateLimit<E extends Env = Env>(options: RateLimitOptions<E>) {
  const message = options.message ?? ((seconds: number) => `Too many requests. Wait ${seconds} ${seconds === 1 ? 'second' : 'seconds'}, then try again.`);
  return createMiddleware<E>(async (c, next) => {
    const key = await options.keyOf(c);
    if (key === null) return next();
    const verdict = await options.limiter.take(key, options.rule);
    if (!verdict.allowed) {
      const seconds = retryAfterSeconds(verdict.retryAfterMs);
      c.header('Retry-After', String(seconds));
      throw new ApiError(429, 'rate_limited', message(seconds));
    }
    await next();
  });
}
