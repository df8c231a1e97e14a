// The factory without Redis, and with a Redis that cannot be reached (no Redis server needed for either).
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryResponseCache } from '../ai/response-cache.ts';
import { Inbox } from './event-bus.contract.ts';
import { perMinute } from './rate-limiter.ts';
import { SharedStateUnavailableError } from './redis-connection.ts';
import { createSharedState, type SharedState } from './shared-state.ts';

const completion = { id: 'c1', object: 'chat.completion' as const, created: 1, model: 'm', choices: [{ index: 0, message: { role: 'assistant' as const, content: 'A' }, finish_reason: 'stop' }] };

const opened: SharedState[] = [];
afterEach(async () => {
  while (opened.length) await opened.pop()!.close();
});

function open(options: Parameters<typeof createSharedState>[0]): SharedState {
  const state = createSharedState(options);
  opened.push(state);
  return state;
}

describe('createSharedState without REDIS_URL', () => {
  it('keeps everything in this process, on the given clock', async () => {
    let now = Date.UTC(2026, 10, 20, 12);
    const state = open({ clock: () => now });
    expect(state.backend).toBe('memory');
    expect(await state.ping()).toBe('not-configured');

    expect((await state.limiter.take('k', perMinute(1))).allowed).toBe(true);
    expect(await state.limiter.take('k', perMinute(1))).toMatchObject({ allowed: false, retryAfterMs: 60_000 });
    now += 60_000;
    expect((await state.limiter.take('k', perMinute(1))).allowed).toBe(true);

    expect(await state.counters.increment('calls')).toEqual({ minute: 1, day: 1 });

    const cache = state.responseCache({ ttlMs: 1_000, maxEntries: 10 });
    expect(cache).toBeInstanceOf(MemoryResponseCache);
    await cache.set('k', completion);
    expect(await cache.get('k')).toEqual(completion);
    now += 1_000;
    expect(await cache.get('k')).toBeUndefined();

    const inbox = new Inbox();
    await state.bus.subscribe('interview:1', inbox.handler);
    await state.bus.publish('interview:1', 'changed');
    expect(await inbox.received(1)).toEqual(['changed']);
  });

  it('refuses a REDIS_URL that is not redis:// or rediss://, without repeating it', () => {
    expect(() => createSharedState({ redisUrl: 'http://user:hunter2@cache.example.org' })).toThrow(/redis:\/\/ or rediss:\/\//);
    expect(() => createSharedState({ redisUrl: 'http://user:hunter2@cache.example.org' })).not.toThrow(/hunter2/);
  });
});

describe('createSharedState with a Redis that cannot be reached', () => {
  // Port 1 on this machine refuses connections at once; the password must never be logged.
  const url = 'redis://:hunter2@127.0.0.1:1';

  it('keeps serving: pings say unreachable, limits hold per process, the cache misses, events are dropped; each connection says so once', async () => {
    const logs: string[] = [];
    const state = open({ redisUrl: url, keyPrefix: 'ib-test-unreachable:', log: (line) => logs.push(line) });
    expect(state.backend).toBe('redis');
    expect(await state.ping()).toBe('unreachable');
    expect(await state.ping()).toBe('unreachable');

    // Fail open to this process's own limiter: the limit still holds here.
    expect(await state.limiter.take('device:d1', perMinute(2))).toEqual({ allowed: true, remaining: 1 });
    expect(await state.limiter.take('device:d1', perMinute(2))).toEqual({ allowed: true, remaining: 0 });
    expect((await state.limiter.take('device:d1', perMinute(2))).allowed).toBe(false);

    await expect(state.counters.increment('calls')).rejects.toBeInstanceOf(SharedStateUnavailableError);
    await expect(state.counters.read('calls')).rejects.toThrow(/REDIS_URL.*check that it is running/);

    const cache = state.responseCache({ ttlMs: 60_000, maxEntries: 10 });
    await cache.set('k', completion);
    expect(await cache.get('k')).toBeUndefined();

    await state.bus.publish('interview:1', 'changed');
    await expect(state.bus.subscribe('interview:1', () => undefined)).rejects.toBeInstanceOf(SharedStateUnavailableError);

    expect(logs).toEqual([
      expect.stringMatching(/^Shared state: Redis failed \(commands connection: ECONNREFUSED\)\. Until it is back, each process limits on its own/),
      expect.stringMatching(/^Shared state: Redis failed \(subscriber connection: ECONNREFUSED\)/),
    ]);
    expect(logs.join('\n')).not.toContain('hunter2');
  });

  it('closes without waiting for Redis', async () => {
    const state = createSharedState({ redisUrl: url, log: () => undefined });
    expect(await state.ping()).toBe('unreachable');
    await state.close();
    await state.close();
    expect(await state.ping()).toBe('unreachable');
  });
});
