import { describe, expect, it } from 'vitest';
import type { AccessLookup, User } from '../db/store.ts';
import { MemoryEventBus, type EventBus } from '../shared-state/event-bus.ts';
import { MAX_AGE_MS, SessionCache } from './session-cache.ts';

const user: User = { id: 'u1', orgId: 'o1', email: 'ada@acme.test', name: 'Ada', role: 'admin', passwordHash: 'x', disabledAt: null };
const T0 = Date.parse('2026-11-23T10:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A store's lookup over one token whose state the test changes; counts its calls. */
function tokenStore(accessExpiresAt = at(60_000), sessionExpiresAt = at(3_600_000)) {
  const state = { revoked: false, calls: 0 };
  const lookup = async (hash: string, now: string): Promise<AccessLookup> => {
    state.calls++;
    if (hash !== 'hash-1') return { ok: false, reason: 'unknown' };
    if (state.revoked) return { ok: false, reason: 'revoked' };
    if (accessExpiresAt <= now || sessionExpiresAt <= now) return { ok: false, reason: 'expired' };
    return { ok: true, session: { id: 's1', user, csrfHash: 'c', expiresAt: sessionExpiresAt }, accessExpiresAt };
  };
  return { state, lookup };
}

async function started(lookup: (hash: string, now: string) => Promise<AccessLookup>, bus: EventBus = new MemoryEventBus()) {
  const cache = new SessionCache({ lookup, bus, log: () => undefined });
  await cache.start();
  return cache;
}

describe('SessionCache', () => {
  it('answers a passing token from memory for a moment, then asks the store again', async () => {
    const { state, lookup } = tokenStore();
    const cache = await started(lookup);
    expect(await cache.find('hash-1', at(0))).toMatchObject({ ok: true, session: { id: 's1' } });
    expect(await cache.find('hash-1', at(MAX_AGE_MS - 1))).toMatchObject({ ok: true });
    expect(state.calls).toBe(1);
    await cache.find('hash-1', at(MAX_AGE_MS));
    expect(state.calls).toBe(2);
  });

  it('says expired exactly when the access token runs out, and when the session does', async () => {
    const token = tokenStore(at(1_000));
    const cache = await started(token.lookup);
    expect((await cache.find('hash-1', at(999))).ok).toBe(true);
    expect(await cache.find('hash-1', at(1_000))).toEqual({ ok: false, reason: 'expired' });
    const session = tokenStore(at(60_000), at(500));
    const other = await started(session.lookup);
    expect((await other.find('hash-1', at(0))).ok).toBe(true);
    expect(await other.find('hash-1', at(500))).toEqual({ ok: false, reason: 'expired' });
  });

  it('lets nothing through after forgetAll(): a revocation here is seen by the next request', async () => {
    const { state, lookup } = tokenStore();
    const cache = await started(lookup);
    await cache.find('hash-1', at(0));
    state.revoked = true;
    await cache.forgetAll();
    expect(await cache.find('hash-1', at(1))).toEqual({ ok: false, reason: 'revoked' });
    expect(await cache.find('hash-1', at(2))).toEqual({ ok: false, reason: 'revoked' });
    expect(state.calls).toBe(3);
  });

  it("forgets when another process (another cache on the bus) revokes", async () => {
    const bus = new MemoryEventBus();
    const { state, lookup } = tokenStore();
    const here = await started(lookup, bus);
    const there = await started(lookup, bus);
    await here.find('hash-1', at(0));
    state.revoked = true;
    await there.forgetAll();
    await settle();
    expect(await here.find('hash-1', at(1))).toEqual({ ok: false, reason: 'revoked' });
  });

  it('does not keep a passing answer read while a revocation happened', async () => {
    const { state, lookup } = tokenStore();
    let release!: () => void;
    const cache = await started(async (hash, now) => {
      const answer = await lookup(hash, now);
      await new Promise<void>((resolve) => (release = resolve));
      return answer;
    });
    const racing = cache.find('hash-1', at(0));
    await settle();
    state.revoked = true;
    await cache.forgetAll();
    release();
    expect((await racing).ok).toBe(true);
    const next = cache.find('hash-1', at(1));
    await settle();
    release();
    expect(await next).toEqual({ ok: false, reason: 'revoked' });
  });

  it('never keeps a failing answer, and goes to the store before it is started', async () => {
    const { state, lookup } = tokenStore();
    const idle = new SessionCache({ lookup, bus: new MemoryEventBus() });
    await idle.find('hash-1', at(0));
    await idle.find('hash-1', at(1));
    expect(state.calls).toBe(2);
    const cache = await started(lookup);
    expect(await cache.find('unknown', at(0))).toEqual({ ok: false, reason: 'unknown' });
    expect(await cache.find('unknown', at(1))).toEqual({ ok: false, reason: 'unknown' });
    expect(cache.size).toBe(0);
  });

  it('asks the store again when the clock goes backwards', async () => {
    const { state, lookup } = tokenStore();
    const cache = await started(lookup);
    await cache.find('hash-1', at(10_000));
    await cache.find('hash-1', at(5_000));
    expect(state.calls).toBe(2);
  });
});
