import { afterAll, describe, expect, it } from 'vitest';
import { Inbox, eventBusContract } from './event-bus.contract.ts';
import { RedisConnection } from './redis-connection.ts';
import { RedisEventBus } from './redis-event-bus.ts';
import { describeWithRedis, inspector, randomKeyPrefix } from './redis-test-support.ts';

describeWithRedis('RedisEventBus', (url) => {
  const prefix = randomKeyPrefix();
  const closers: (() => Promise<unknown>)[] = [];
  const redis = inspector(url);

  function makeBus(logs: string[], keyPrefix = prefix) {
    const log = (line: string) => logs.push(line);
    const connection = new RedisConnection({ url, role: 'commands', log });
    const bus = new RedisEventBus({ connection, openSubscriber: () => new RedisConnection({ url, role: 'subscriber', log }), keyPrefix, log });
    closers.push(() => bus.close(), () => connection.close());
    return bus;
  }

  afterAll(async () => {
    for (const close of closers) await close();
    await redis.quit();
  });

  describe('one bus', () => {
    let test = 0;
    eventBusContract(() => {
      const logs: string[] = [];
      return { bus: makeBus(logs, `${prefix}${++test}:`), logs };
    });
  });

  it('publishes on the prefixed channel, where any Redis client can hear it', async () => {
    const logs: string[] = [];
    const bus = makeBus(logs);
    const listener = redis.duplicate();
    closers.push(() => listener.quit());
    const inbox = new Inbox();
    listener.on('message', (channel: string, message: string) => inbox.handler(`${channel} ${message}`));
    await listener.subscribe(`${prefix}bus:interview:9`);
    expect(bus.redisChannel('interview:9')).toBe(`${prefix}bus:interview:9`);
    await bus.publish('interview:9', '{"changed":true}');
    expect(await inbox.received(1)).toEqual([`${prefix}bus:interview:9 {"changed":true}`]);
    expect(logs).toEqual([]);
  });

  it('holds one Redis subscription per channel however many follow it, and ends it with the last', async () => {
    const bus = makeBus([]);
    const channel = bus.redisChannel('interview:many');
    const subscribers = async () => Number(((await redis.pubsub('NUMSUB', channel)) as [string, number])[1]);
    const unsubscribes = await Promise.all([bus.subscribe('interview:many', () => undefined), bus.subscribe('interview:many', () => undefined)]);
    expect(await subscribers()).toBe(1);
    await unsubscribes[0]!();
    expect(await subscribers()).toBe(1);
    await unsubscribes[1]!();
    expect(await subscribers()).toBe(0);
  });
});
