import { afterAll, expect, it } from 'vitest';
import type { ChatCompletionResponse } from '../protocol/ai-chat.ts';
import { RedisConnection } from './redis-connection.ts';
import { RedisResponseCache } from './redis-response-cache.ts';
import { deleteKeys, describeWithRedis, inspector, randomKeyPrefix } from './redis-test-support.ts';

function completion(content: string): ChatCompletionResponse {
  return { id: 'c1', object: 'chat.completion', created: 1, model: 'm', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] };
}

describeWithRedis('RedisResponseCache', (url) => {
  const keyPrefix = randomKeyPrefix();
  const redis = inspector(url);
  const logs: string[] = [];
  const connection = new RedisConnection({ url, role: 'commands', log: (line) => logs.push(line) });
  const cache = new RedisResponseCache({ connection, keyPrefix, ttlMs: 90_000 });

  afterAll(async () => {
    await connection.close();
    await deleteKeys(redis, keyPrefix);
    await redis.quit();
    expect(logs).toEqual([]);
  });

  it('gives back what was stored, as a copy, and nothing for a key never stored', async () => {
    const original = completion('A');
    await cache.set('k1', original);
    original.choices[0]!.message.content = 'changed';
    expect(await cache.get('k1')).toEqual(completion('A'));
    expect(await cache.get('never')).toBeUndefined();
  });

  it('stores under the prefix with the time-to-live, so Redis forgets it', async () => {
    await cache.set('k2', completion('B'));
    expect(cache.redisKey('k2')).toBe(`${keyPrefix}ai-response:k2`);
    const ttl = await redis.pttl(cache.redisKey('k2'));
    expect(ttl).toBeGreaterThan(80_000);
    expect(ttl).toBeLessThanOrEqual(90_000);
    await redis.pexpire(cache.redisKey('k2'), 1);
    await expect.poll(() => cache.get('k2')).toBeUndefined();
  });

  it('treats an entry that is not a chat completion as a miss, and removes it', async () => {
    await redis.set(cache.redisKey('bad-json'), '{"choices": [');
    await redis.set(cache.redisKey('wrong-shape'), JSON.stringify({ hello: 'world' }));
    expect(await cache.get('bad-json')).toBeUndefined();
    expect(await cache.get('wrong-shape')).toBeUndefined();
    expect(await redis.exists(cache.redisKey('bad-json'), cache.redisKey('wrong-shape'))).toBe(0);
  });

  it('refuses a time-to-live that is not positive', () => {
    expect(() => new RedisResponseCache({ connection, keyPrefix, ttlMs: 0 })).toThrow(/positive number of milliseconds/);
  });
});
