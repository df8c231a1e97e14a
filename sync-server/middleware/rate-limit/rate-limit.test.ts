import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { handleError } from '../../errors.ts';
import { MemoryRateLimiter, perMinute, perWindow, type RateLimiter, type RateRule } from '../../shared-state/rate-limiter.ts';
import { deleteKeys, describeWithRedis, inspector, randomKeyPrefix } from '../../shared-state/redis-test-support.ts';
import { createSharedState } from '../../shared-state/shared-state.ts';
import { rateLimit, retryAfterSeconds } from './rate-limit.ts';

function appWith(limiter: RateLimiter, rule: RateRule | RateRule[], message?: (seconds: number) => string) {
  const app = new Hono()
    .use(
      '/limited/*',
      rateLimit({
        limiter,
        rule,
        keyOf: (c) => {
          const user = c.req.header('x-user');
          return user ? `test-route:user:${user}` : null;
        },
        ...(message ? { message } : {}),
      }),
    )
    .get('/limited/thing', (c) => c.json({ ok: true }));
  app.onError(handleError);
  return app;
}

const as = (user: string): RequestInit => ({ headers: { 'x-user': user } });

describe('rateLimit', () => {
  it('lets requests through up to the limit, then answers 429 with Retry-After in whole seconds and a JSON error', async () => {
    let now = Date.UTC(2026, 10, 20, 12);
    const app = appWith(new MemoryRateLimiter({ clock: () => now }), perWindow(2, 10_500));
    expect((await app.request('/limited/thing', as('ada'))).status).toBe(200);
    now += 1;
    expect((await app.request('/limited/thing', as('ada'))).status).toBe(200);
    const refused = await app.request('/limited/thing', as('ada'));
    expect(refused.status).toBe(429);
    // 10.499 s to wait: rounded up, never down, so a client that obeys is not refused again.
    expect(refused.headers.get('retry-after')).toBe('11');
    expect(await refused.json()).toEqual({ error: { code: 'rate_limited', message: 'Too many requests. Wait 11 seconds, then try again.' } });
    now += 10_499;
    expect((await app.request('/limited/thing', as('ada'))).status).toBe(200);
  });

  it('counts each key apart, and lets a request without a key through uncounted', async () => {
    const app = appWith(new MemoryRateLimiter(), perMinute(1));
    expect((await app.request('/limited/thing', as('ada'))).status).toBe(200);
    expect((await app.request('/limited/thing', as('grace'))).status).toBe(200);
    expect((await app.request('/limited/thing', as('ada'))).status).toBe(429);
    for (let index = 0; index < 5; index++) expect((await app.request('/limited/thing')).status).toBe(200);
  });

  it('takes its own message', async () => {
    const app = appWith(new MemoryRateLimiter(), perMinute(1), (seconds) => `Too many sign-in attempts. Try again in ${seconds} s.`);
    await app.request('/limited/thing', as('ada'));
    const refused = await app.request('/limited/thing', as('ada'));
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe('Too many sign-in attempts. Try again in 60 s.');
  });

  it('rounds Retry-After up to at least one second', () => {
    expect(retryAfterSeconds(1)).toBe(1);
    expect(retryAfterSeconds(1_000)).toBe(1);
    expect(retryAfterSeconds(1_001)).toBe(2);
    expect(retryAfterSeconds(0)).toBe(1);
  });
});

describeWithRedis('rateLimit on two processes sharing Redis', (url) => {
  const keyPrefix = randomKeyPrefix();
  const first = createSharedState({ redisUrl: url, keyPrefix });
  const second = createSharedState({ redisUrl: url, keyPrefix });

  afterAll(async () => {
    await Promise.all([first.close(), second.close()]);
    const redis = inspector(url);
    await deleteKeys(redis, keyPrefix);
    await redis.quit();
  });

  it('refuses on one process what the other already let through', async () => {
    const one = appWith(first.limiter, perMinute(2));
    const other = appWith(second.limiter, perMinute(2));
    expect((await one.request('/limited/thing', as('ada'))).status).toBe(200);
    expect((await other.request('/limited/thing', as('ada'))).status).toBe(200);
    const refused = await one.request('/limited/thing', as('ada'));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect((await other.request('/limited/thing', as('ada'))).status).toBe(429);
  });
});
