import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MemoryEventBus, type EventBus } from '../shared-state/event-bus.ts';
import { encodedFor, InterviewReadCache, MAX_AGE_MS, READ_CACHE_CHANNEL, searchOf, type CachedJson } from './interview-read-cache.ts';

const text = (json: CachedJson) => Buffer.from(json.utf8).toString('utf8');
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

async function started(options: { bus?: EventBus; now?: () => number; maxEntries?: number; maxBytes?: number } = {}) {
  const cache = new InterviewReadCache({ bus: options.bus ?? new MemoryEventBus(), ...options, log: () => undefined });
  await cache.start();
  return cache;
}

/** A producer that counts its calls and answers with the current `value`. */
function source(initial: string) {
  const state = { value: initial, calls: 0 };
  return { state, produce: async () => (state.calls++, state.value) };
}

describe('InterviewReadCache', () => {
  it('serves the stored text until the organisation is invalidated, then reads again', async () => {
    const cache = await started();
    const { state, produce } = source('{"v":1}');
    expect(text(await cache.serve('org-a', 'list', produce))).toBe('{"v":1}');
    expect(text(await cache.serve('org-a', 'list', produce))).toBe('{"v":1}');
    expect(state.calls).toBe(1);
    state.value = '{"v":2}';
    await cache.invalidate('org-a');
    expect(text(await cache.serve('org-a', 'list', produce))).toBe('{"v":2}');
    expect(state.calls).toBe(2);
    expect(cache.counts).toEqual({ hits: 1, misses: 2 });
  });

  it("keeps organisations apart: one organisation's write leaves another's texts, and keys never mix", async () => {
    const cache = await started();
    const a = source('a');
    const b = source('b');
    await cache.serve('org-a', 'detail/1', a.produce);
    await cache.serve('org-b', 'detail/1', b.produce);
    expect(text(await cache.serve('org-b', 'detail/1', b.produce))).toBe('b');
    await cache.invalidate('org-a');
    await cache.serve('org-a', 'detail/1', a.produce);
    await cache.serve('org-b', 'detail/1', b.produce);
    expect([a.state.calls, b.state.calls]).toEqual([2, 1]);
  });

  it('does not keep a text read while a write to its organisation finished', async () => {
    const cache = await started();
    let release!: () => void;
    const slow = async () => {
      await new Promise<void>((resolve) => (release = resolve));
      return 'read before the write';
    };
    const racing = cache.serve('org-a', 'list', slow);
    await settle();
    await cache.invalidate('org-a');
    release();
    expect(text(await racing)).toBe('read before the write');
    const after = source('read after the write');
    expect(text(await cache.serve('org-a', 'list', after.produce))).toBe('read after the write');
    expect(after.state.calls).toBe(1);
  });

  it('drops its texts when another process (another cache on the bus) invalidates the organisation', async () => {
    const bus = new MemoryEventBus();
    const here = await started({ bus });
    const there = await started({ bus });
    const { state, produce } = source('old');
    await here.serve('org-a', 'list', produce);
    state.value = 'new';
    await there.invalidate('org-a');
    await settle();
    expect(text(await here.serve('org-a', 'list', produce))).toBe('new');
  });

  it('ignores a malformed message on its channel', async () => {
    const bus = new MemoryEventBus();
    const lines: string[] = [];
    const cache = new InterviewReadCache({ bus, log: (line) => lines.push(line) });
    await cache.start();
    const { state, produce } = source('x');
    await cache.serve('org-a', 'list', produce);
    await bus.publish(READ_CACHE_CHANNEL, 'not json');
    await bus.publish(READ_CACHE_CHANNEL, JSON.stringify({ orgId: 42 }));
    await settle();
    await cache.serve('org-a', 'list', produce);
    expect(state.calls).toBe(1);
    expect(lines).toHaveLength(2);
  });

  it(`serves a text for at most ${MAX_AGE_MS / 1000} s, in case an invalidation was lost`, async () => {
    let now = 1_000_000;
    const cache = await started({ now: () => now });
    const { state, produce } = source('x');
    await cache.serve('org-a', 'list', produce);
    now += MAX_AGE_MS - 1;
    await cache.serve('org-a', 'list', produce);
    expect(state.calls).toBe(1);
    now += 1;
    await cache.serve('org-a', 'list', produce);
    expect(state.calls).toBe(2);
  });

  it('serves nothing from memory before its subscription is live, or after stop()', async () => {
    const cache = new InterviewReadCache({ bus: new MemoryEventBus() });
    const { state, produce } = source('x');
    await cache.serve('org-a', 'list', produce);
    await cache.serve('org-a', 'list', produce);
    expect(state.calls).toBe(2);
    await cache.start();
    await cache.serve('org-a', 'list', produce);
    await cache.serve('org-a', 'list', produce);
    expect(state.calls).toBe(3);
    await cache.stop();
    await cache.serve('org-a', 'list', produce);
    expect(state.calls).toBe(4);
  });

  it('stores nothing when the producer throws, and throws on', async () => {
    const cache = await started();
    await expect(cache.serve('org-a', 'detail/x', async () => Promise.reject(new Error('not found')))).rejects.toThrow('not found');
    expect(cache.size.entries).toBe(0);
  });

  it('holds at most maxEntries texts and maxBytes bytes, dropping the oldest', async () => {
    const cache = await started({ maxEntries: 3 });
    for (const key of ['1', '2', '3', '4']) await cache.serve('org-a', key, async () => key);
    expect(cache.size.entries).toBe(3);
    const first = source('1 again');
    expect(text(await cache.serve('org-a', '1', first.produce))).toBe('1 again');
    const small = await started({ maxBytes: 1_000 });
    for (const key of ['a', 'b', 'c', 'd']) await small.serve('org-a', key, async () => 'x'.repeat(240));
    expect(small.size).toEqual({ entries: 4, bytes: 960 });
    await small.serve('org-a', 'e', async () => 'y'.repeat(240));
    expect(small.size).toEqual({ entries: 4, bytes: 960 });
    const a = source('a again');
    expect(text(await small.serve('org-a', 'a', a.produce))).toBe('a again');
    // One text over a quarter of the budget is served but not kept: it would push out all the others.
    const before = small.size;
    expect(text(await small.serve('org-a', 'huge', async () => 'z'.repeat(251)))).toHaveLength(251);
    expect(small.size).toEqual(before);
  });

  it('keeps a long text gzipped once, and hands it to a client that accepts gzip only', async () => {
    const cache = await started();
    const long = JSON.stringify({ v: 1, interviews: Array.from({ length: 40 }, (_, i) => ({ id: `iv-${i}`, candidateName: 'Grace Hopper', role: 'Engineer' })) });
    const json = await cache.serve('org-a', 'list', async () => long);
    expect(json.gzip).not.toBeNull();
    expect(gunzipSync(json.gzip!).toString('utf8')).toBe(long);
    expect(json.gzip!.length).toBeLessThan(json.utf8.length / 3);

    for (const accept of ['gzip, deflate, br, zstd', 'br;q=1.0, gzip;q=0.8', 'GZIP']) {
      const sent = encodedFor(json, accept);
      expect(sent.headers, accept).toMatchObject({ 'content-type': 'application/json', 'content-encoding': 'gzip', vary: 'Accept-Encoding' });
      expect(sent.body).toBe(json.gzip);
    }
    for (const accept of [undefined, '', 'identity', 'br', 'gzip;q=0', 'x-gzip2']) {
      const sent = encodedFor(json, accept);
      expect(sent.headers['content-encoding'], String(accept)).toBeUndefined();
      expect(Buffer.from(sent.body).toString('utf8')).toBe(long);
    }
    const short = await cache.serve('org-a', 'detail/1', async () => '{"v":1}');
    expect(short.gzip).toBeNull();
    expect(encodedFor(short, 'gzip').headers).toEqual({ 'content-type': 'application/json' });
  });
});

describe('searchOf', () => {
  it("is a URL's query string with its ?, or nothing", () => {
    expect(searchOf('http://x.test/api/interviewer/interviews?sort=overall&limit=5')).toBe('?sort=overall&limit=5');
    expect(searchOf('http://x.test/api/interviewer/interviews')).toBe('');
  });
});
