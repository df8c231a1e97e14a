import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { countersContract } from './counters.contract.ts';
import { RedisConnection } from './redis-connection.ts';
import { RedisCounters } from './redis-counters.ts';
import { deleteKeys, describeWithRedis, inspector, randomKeyPrefix } from './redis-test-support.ts';

describeWithRedis('RedisCounters', (url) => {
  const prefix = randomKeyPrefix();
  const redis = inspector(url);
  const logs: string[] = [];
  const connection = new RedisConnection({ url, role: 'commands', log: (line) => logs.push(line) });
  let test = 0;

  afterEach(() => expect(logs).toEqual([]));
  afterAll(async () => {
    await connection.close();
    await deleteKeys(redis, prefix);
    await redis.quit();
  });

  describe('with a test clock', () => {
    countersContract((clock) => new RedisCounters({ connection, keyPrefix: `${prefix}${++test}:`, clock }));
  });

  it('keeps each window in its own key, expiring a little after the window ends', async () => {
    const keyPrefix = `${prefix}keys:`;
    const counters = new RedisCounters({ connection, keyPrefix, clock: () => Date.UTC(2026, 10, 20, 12, 34, 56) });
    await counters.increment('ai-provider-calls:a');
    const keys = counters.redisKeys('ai-provider-calls:a');
    expect(keys).toEqual({
      minute: `${keyPrefix}count:{ai-provider-calls:a}:minute:2026-11-20T12:34`,
      day: `${keyPrefix}count:{ai-provider-calls:a}:day:2026-11-20`,
    });
    expect(await redis.get(keys.minute)).toBe('1');
    expect(await redis.pttl(keys.minute)).toBeGreaterThan(60_000);
    expect(await redis.pttl(keys.minute)).toBeLessThanOrEqual(120_000);
    expect(await redis.pttl(keys.day)).toBeGreaterThan(24 * 3_600_000);
    expect(await redis.pttl(keys.day)).toBeLessThanOrEqual(25 * 3_600_000);
  });
});
