import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { perMinute, perUtcDay } from './rate-limiter.ts';
import { rateLimiterContract } from './rate-limiter.contract.ts';
import { RedisConnection } from './redis-connection.ts';
import { RedisRateLimiter } from './redis-rate-limiter.ts';
import { deleteKeys, describeWithRedis, inspector, randomKeyPrefix } from './redis-test-support.ts';

describeWithRedis('RedisRateLimiter', (url) => {
  const prefix = randomKeyPrefix();
  const redis = inspector(url);
  const connections: RedisConnection[] = [];
  const logs: string[] = [];

  function connection(): RedisConnection {
    const made = new RedisConnection({ url, role: 'commands', log: (line) => logs.push(line) });
    connections.push(made);
    return made;
  }

  let test = 0;
  /** A prefix per test, so each starts from nothing. */
  const nextPrefix = () => `${prefix}${++test}:`;

  afterEach(() => expect(logs).toEqual([]));
  afterAll(async () => {
    await Promise.all(connections.map((made) => made.close()));
    await deleteKeys(redis, prefix);
    await redis.quit();
  });

  describe('with a test clock', () => {
    rateLimiterContract((clock) => ({ limiter: new RedisRateLimiter({ connection: connection(), keyPrefix: nextPrefix(), clock }), advance: () => undefined }));
  });

  describe("on Redis's own clock", () => {
    let keyPrefix = '';
    beforeAll(() => {
      keyPrefix = nextPrefix();
    });

    it('limits, and waits no longer than the window', async () => {
      const limiter = new RedisRateLimiter({ connection: connection(), keyPrefix });
      expect(await limiter.take('k', perMinute(2))).toEqual({ allowed: true, remaining: 1 });
      expect(await limiter.take('k', perMinute(2))).toEqual({ allowed: true, remaining: 0 });
      const refused = await limiter.take('k', perMinute(2));
      expect(refused.allowed).toBe(false);
      if (!refused.allowed) {
        expect(refused.retryAfterMs).toBeGreaterThan(0);
        expect(refused.retryAfterMs).toBeLessThanOrEqual(60_000);
      }
    });

    it('keeps its keys where it says, under the prefix, expiring', async () => {
      const limiter = new RedisRateLimiter({ connection: connection(), keyPrefix });
      await limiter.take('device:d1', [perMinute(5), perUtcDay(50)]);
      const sliding = limiter.redisKey('device:d1', perMinute(5));
      const day = limiter.redisKey('device:d1', perUtcDay(50));
      expect(sliding).toBe(`${keyPrefix}rl:{device:d1}:60000ms`);
      expect(day).toBe(`${keyPrefix}rl:{device:d1}:utc-day`);
      expect(await redis.zcard(sliding)).toBe(1);
      expect(await redis.hget(day, 'n')).toBe('1');
      const slidingTtl = await redis.pttl(sliding);
      expect(slidingTtl).toBeGreaterThan(0);
      expect(slidingTtl).toBeLessThanOrEqual(60_000);
      const dayTtl = await redis.pttl(day);
      expect(dayTtl).toBeGreaterThan(3_600_000);
      expect(dayTtl).toBeLessThanOrEqual(25 * 3_600_000);
    });

    it('hashes long keys and keys with braces, which would break the hash tag', () => {
      const limiter = new RedisRateLimiter({ connection: connection(), keyPrefix });
      expect(limiter.redisKey('x'.repeat(500), perMinute(1))).toMatch(new RegExp(`^${keyPrefix}rl:\\{sha256-[\\w-]{43}\\}:60000ms$`));
      expect(limiter.redisKey('a{b}', perMinute(1))).not.toContain('a{b}');
    });
  });
});
