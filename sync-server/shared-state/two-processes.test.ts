// Two server processes behind a load balancer, each with its own Redis connections, as createSharedState
// makes them: what one counts, caches or publishes, the other sees.
import { afterAll, expect, it } from 'vitest';
import { Inbox } from './event-bus.contract.ts';
import { perMinute, perUtcDay } from './rate-limiter.ts';
import { deleteKeys, describeWithRedis, inspector, randomKeyPrefix } from './redis-test-support.ts';
import { createSharedState } from './shared-state.ts';

describeWithRedis('two processes sharing one Redis', (url) => {
  const keyPrefix = randomKeyPrefix();
  const logs: string[] = [];
  const log = (line: string) => logs.push(line);
  const first = createSharedState({ redisUrl: url, keyPrefix, log });
  const second = createSharedState({ redisUrl: url, keyPrefix, log });

  afterAll(async () => {
    await Promise.all([first.close(), second.close()]);
    const redis = inspector(url);
    await deleteKeys(redis, keyPrefix);
    await redis.quit();
    expect(logs).toEqual([]);
  });

  it('both reach Redis', async () => {
    expect(await first.ping()).toBe('ok');
    expect(await second.ping()).toBe('ok');
  });

  it('share a rate limit: of many concurrent requests through both, exactly the limit gets through', async () => {
    const rules = [perMinute(7), perUtcDay(1_000)];
    const verdicts = await Promise.all(Array.from({ length: 30 }, (_, index) => (index % 2 ? first : second).limiter.take('device:d1', rules)));
    expect(verdicts.filter((verdict) => verdict.allowed)).toHaveLength(7);
    expect((await first.limiter.take('device:d1', rules)).allowed).toBe(false);
    expect((await second.limiter.take('device:d1', rules)).allowed).toBe(false);
    // Another key is untouched.
    expect(await second.limiter.take('device:d2', rules)).toEqual({ allowed: true, remaining: 6 });
  });

  it('add to the same counters', async () => {
    await Promise.all([first.counters.increment('ai-provider-calls:a'), second.counters.increment('ai-provider-calls:a', 2), first.counters.increment('ai-provider-calls:a')]);
    expect(await second.counters.read('ai-provider-calls:a')).toMatchObject({ day: 4 });
    expect(await first.counters.read('ai-provider-calls:a')).toMatchObject({ day: 4 });
  });

  it('share the AI response cache', async () => {
    const completion = { id: 'c1', object: 'chat.completion' as const, created: 1, model: 'm', choices: [{ index: 0, message: { role: 'assistant' as const, content: 'cached' }, finish_reason: 'stop' }] };
    await first.responseCache({ ttlMs: 60_000, maxEntries: 100 }).set('request-hash', completion);
    expect(await second.responseCache({ ttlMs: 60_000, maxEntries: 100 }).get('request-hash')).toEqual(completion);
  });

  it('deliver a message published by one to subscribers of the other, and back', async () => {
    const inSecond = new Inbox();
    const inFirst = new Inbox();
    const stopSecond = await second.bus.subscribe('interview:01J', inSecond.handler);
    await first.bus.subscribe('interview:01J', inFirst.handler);
    await first.bus.publish('interview:01J', '{"type":"interview.changed"}');
    expect(await inSecond.received(1)).toEqual(['{"type":"interview.changed"}']);
    await stopSecond();
    await second.bus.publish('interview:01J', 'from the second');
    expect(await inFirst.received(2)).toEqual(['{"type":"interview.changed"}', 'from the second']);
    expect(inSecond.messages).toEqual(['{"type":"interview.changed"}']);
  });
});
