import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_EVENTS_PER_PUSH, syncEvent, type InterviewSpec, type PlannedQuestion } from '../../sync-server/protocol/index.ts';
import { closeDb, DB_NAME, getDb } from '../data/db.ts';
import { createInterview } from '../data/interviews.ts';
import { countOutbox, listRejectedEvents } from '../data/outbox.ts';
import { getPullCursor, getSyncIdentity, saveSyncIdentity } from '../data/settings.ts';
import { backoffDelay } from './backoff.ts';
import { fitToBody, interpretPush, SyncClient } from './sync-client.ts';
import { createSyncStore } from './sync-state.ts';

const spec: InterviewSpec = { role: 'Engineer', seniority: 'mid', type: 'behavioural', questionCount: 1, language: 'en', minutes: 10 };
const question: PlannedQuestion = { id: 'q', kind: 'behavioural', text: 'Tell me about a time.', talkingPoints: [], rubricHint: '', expectedSeconds: 60 };
const engine = { kind: 'basic' as const, label: 'basic scoring', reason: 'test' };

interface Call {
  method: string;
  path: string;
  auth: string | null;
  body: unknown;
}

/** A stand-in for the sync server that records calls and answers like the real one. */
function fakeServer(handlers: { push?: (body: { events: Array<{ id: string; seq: number }> }, call: number) => Response; pull?: () => Response } = {}) {
  const calls: Call[] = [];
  let pushes = 0;
  const serverFetch = (async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input), 'http://test');
    const headers = new Headers(init?.headers);
    const body = init?.body ? JSON.parse(String(init.body)) : null;
    calls.push({ method: init?.method ?? 'GET', path: url.pathname + url.search, auth: headers.get('authorization'), body });
    if (url.pathname === '/api/devices/redeem') {
      if (body.inviteCode === 'BADCODE1') return json(404, { error: { code: 'invite_not_found', message: 'That invite code is not valid. Check it and try again.' } });
      return json(200, { v: 1, deviceToken: 'token-1', org: { id: 'org-1', name: 'Acme Hiring' } });
    }
    if (url.pathname === '/api/sync/push') {
      pushes += 1;
      if (handlers.push) return handlers.push(body, pushes);
      return acceptAll(body);
    }
    if (url.pathname === '/api/sync/pull') return handlers.pull?.() ?? json(200, { v: 1, changes: [], cursor: 'c-1' });
    return json(404, { error: { code: 'not_found', message: 'Not found' } });
  }) as typeof globalThis.fetch;
  return { fetch: serverFetch, calls };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function acceptAll(body: { events: Array<{ id: string; seq: number }> }): Response {
  return json(200, { v: 1, acked: Math.max(...body.events.map((e) => e.seq)), accepted: body.events.map((e) => e.id), duplicates: [], rejected: [] });
}

function makeClient(fetch: typeof globalThis.fetch, extra: Partial<ConstructorParameters<typeof SyncClient>[0]> = {}) {
  const timers: Array<{ callback: () => void; ms: number }> = [];
  const store = createSyncStore();
  const client = new SyncClient({
    fetch,
    store,
    random: () => 0.5,
    isOnline: () => true,
    setTimeout: (callback, ms) => {
      const timer = { callback, ms };
      timers.push(timer);
      return timer;
    },
    clearTimeout: (handle) => {
      const index = timers.indexOf(handle as (typeof timers)[number]);
      if (index >= 0) timers.splice(index, 1);
    },
    ...extra,
  });
  return { client, store, timers };
}

async function makeInterviews(count: number) {
  for (let i = 0; i < count; i++) await createInterview({ spec, questions: [question], engine });
}

async function join() {
  await saveSyncIdentity({ deviceToken: 'token-1', org: { id: 'org-1', name: 'Acme Hiring' }, candidateName: 'Grace' });
}

beforeEach(async () => {
  closeDb();
  await Dexie.delete(DB_NAME);
});

afterEach(() => closeDb());

describe('sync client', () => {
  it('sends nothing before the candidate joins an organisation', async () => {
    await makeInterviews(2);
    const server = fakeServer();
    const { client, store } = makeClient(server.fetch);
    await client.syncNow();
    expect(server.calls).toEqual([]);
    expect(store.get()).toMatchObject({ phase: 'not-joined', pending: 2 });
  });

  it('joins with an invite code, stores the token, and pushes what was waiting', async () => {
    await makeInterviews(2);
    const server = fakeServer();
    const { client, store } = makeClient(server.fetch);
    const org = await client.join({ inviteCode: ' ABCD1234 ', candidateName: 'Grace Candidate' });
    await client.syncNow();

    expect(org).toEqual({ id: 'org-1', name: 'Acme Hiring' });
    expect(await getSyncIdentity()).toMatchObject({ deviceToken: 'token-1', candidateName: 'Grace Candidate' });
    const redeem = server.calls[0]!;
    expect(redeem).toMatchObject({ path: '/api/devices/redeem', auth: null, body: { v: 1, inviteCode: 'ABCD1234', candidateName: 'Grace Candidate' } });
    const push = server.calls.find((c) => c.path === '/api/sync/push')!;
    expect(push.auth).toBe('Bearer token-1');
    expect(store.get()).toMatchObject({ phase: 'up-to-date', pending: 0, orgName: 'Acme Hiring' });
    expect(await countOutbox()).toEqual({ pending: 0, rejected: 0 });
    expect(await getPullCursor()).toBe('c-1');
  });

  it("shows the server's message when an invite code is refused", async () => {
    const { client } = makeClient(fakeServer().fetch);
    await expect(client.join({ inviteCode: 'BADCODE1', candidateName: 'Grace' })).rejects.toThrow('That invite code is not valid');
    expect(await getSyncIdentity()).toBeNull();
  });

  it('pushes in seq order, in batches no larger than the protocol allows, each event valid', async () => {
    await join();
    await makeInterviews(MAX_EVENTS_PER_PUSH + 20);
    const server = fakeServer();
    const { client } = makeClient(server.fetch);
    await client.syncNow();
    const pushes = server.calls.filter((c) => c.path === '/api/sync/push').map((c) => c.body as { events: Array<{ seq: number }> });
    expect(pushes.map((p) => p.events.length)).toEqual([MAX_EVENTS_PER_PUSH, 20]);
    const seqs = pushes.flatMap((p) => p.events.map((e) => e.seq));
    expect(seqs).toEqual(Array.from({ length: MAX_EVENTS_PER_PUSH + 20 }, (_, i) => i + 1));
    expect(syncEvent.safeParse(pushes[0]!.events[0]).success).toBe(true);
  });

  it('keeps rejected events with their reason and never resends them', async () => {
    await join();
    await makeInterviews(3);
    const server = fakeServer({
      push: (body) => {
        const [first, second, third] = body.events;
        return json(200, { v: 1, acked: third!.seq, accepted: [first!.id], duplicates: [third!.id], rejected: [{ id: second!.id, reason: 'payload.spec.role: too long' }] });
      },
    });
    const { client, store } = makeClient(server.fetch);
    await client.syncNow();
    await client.syncNow();
    expect(server.calls.filter((c) => c.path === '/api/sync/push')).toHaveLength(1);
    const rejected = await listRejectedEvents();
    expect(rejected.map((r) => [r.seq, r.rejectReason])).toEqual([[2, 'payload.spec.role: too long']]);
    expect(store.get()).toMatchObject({ phase: 'up-to-date', pending: 0, rejected: 1 });
  });

  it('backs off with jitter after a failure, keeps the events, and succeeds on retry', async () => {
    await join();
    await makeInterviews(1);
    let failing = true;
    const server = fakeServer({ push: (body) => (failing ? json(503, { error: { code: 'unavailable', message: 'The server is busy. Try again in a minute.' } }) : acceptAll(body)) });
    const { client, store, timers } = makeClient(server.fetch);

    await client.syncNow();
    expect(store.get()).toMatchObject({ phase: 'error', message: 'The server is busy. Try again in a minute.', pending: 1 });
    expect(timers.map((t) => t.ms)).toEqual([backoffDelay(1, () => 0.5)]);

    timers.shift()!.callback();
    await client.whenIdle();
    expect(timers.map((t) => t.ms)).toEqual([backoffDelay(2, () => 0.5)]);

    failing = false;
    timers.shift()!.callback();
    await client.whenIdle();
    expect(store.get()).toMatchObject({ phase: 'up-to-date', pending: 0 });
    expect(timers).toEqual([]);
  });

  it('says the server cannot be reached when the network fails', async () => {
    await join();
    await makeInterviews(1);
    const { client, store } = makeClient((async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch);
    await client.syncNow();
    expect(store.get()).toMatchObject({ phase: 'error', message: "Can't reach the server. It will try again shortly.", pending: 1 });
  });

  it('does not try while offline', async () => {
    await join();
    await makeInterviews(1);
    const server = fakeServer();
    const { client, store } = makeClient(server.fetch, { isOnline: () => false });
    await client.syncNow();
    expect(server.calls).toEqual([]);
    expect(store.get()).toMatchObject({ phase: 'offline', pending: 1 });
  });

  it('asks the candidate to join again after a 401, and stops trying until they do', async () => {
    await join();
    await makeInterviews(1);
    const server = fakeServer({
      push: (body, call) => (call === 1 ? json(401, { error: { code: 'unauthorized', message: 'Unknown device token' } }) : acceptAll(body)),
    });
    const { client, store, timers } = makeClient(server.fetch);
    await client.syncNow();
    expect(store.get()).toMatchObject({ phase: 'needs-rejoin', pending: 1 });
    expect(store.get().message).toMatch(/join again/);
    expect(timers).toEqual([]);
    await client.syncNow();
    expect(server.calls).toHaveLength(1);

    await client.join({ inviteCode: 'NEWCODE1', candidateName: 'Grace' });
    await client.syncNow();
    expect(store.get().phase).toBe('up-to-date');
  });

  it('resumes after a reload: a fresh client sends what the last one could not', async () => {
    await join();
    await makeInterviews(2);
    const down = makeClient((async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch);
    await down.client.syncNow();
    expect(await countOutbox()).toEqual({ pending: 2, rejected: 0 });

    const server = fakeServer();
    const { client } = makeClient(server.fetch);
    await client.syncNow();
    expect(await countOutbox()).toEqual({ pending: 0, rejected: 0 });
  });

  it('syncs again right after a write made during a sync', async () => {
    await join();
    await makeInterviews(1);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const server = fakeServer();
    // The first push hangs until released, so the second write lands while a sync is running.
    const slowFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).includes('push')) await gate;
      return server.fetch(input, init);
    }) as typeof fetch;
    const { client } = makeClient(slowFetch);
    const first = client.syncNow();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await makeInterviews(1);
    const second = client.syncNow();
    release();
    await Promise.all([first, second]);
    expect(await countOutbox()).toEqual({ pending: 0, rejected: 0 });
  });

  it('applies pulled changes and stores the cursor', async () => {
    await join();
    const server = fakeServer({ pull: () => json(200, { v: 1, changes: [{ cursor: 'c-9', type: 'org.joined', payload: { orgId: 'org-1', orgName: 'Acme Talent' } }], cursor: 'c-9' }) });
    const { client } = makeClient(server.fetch);
    await client.syncNow();
    expect((await getSyncIdentity())?.org.name).toBe('Acme Talent');
    expect(await getPullCursor()).toBe('c-9');
    expect(server.calls.filter((c) => c.path.startsWith('/api/sync/pull')).map((c) => c.path)).toEqual(['/api/sync/pull', '/api/sync/pull?cursor=c-9']);
  });

  it('leaving stops syncing and keeps unsent events', async () => {
    await join();
    await makeInterviews(1);
    const server = fakeServer({ push: () => json(503, {}) });
    const { client, store } = makeClient(server.fetch);
    await client.syncNow();
    await client.leave();
    expect(store.get()).toMatchObject({ phase: 'not-joined', pending: 1 });
    expect(await getDb().settings.get('deviceToken')).toBeUndefined();
  });
});

describe('push helpers', () => {
  it('maps positional rejections to event ids and treats acked events as handled', () => {
    const batch = [
      { id: 'A', seq: 5, type: 'interview.deleted' as const, at: '', payload: {} },
      { id: 'B', seq: 6, type: 'interview.deleted' as const, at: '', payload: {} },
      { id: 'C', seq: 7, type: 'interview.deleted' as const, at: '', payload: {} },
    ];
    expect(interpretPush(batch, { acked: 6, accepted: [], duplicates: ['A'], rejected: [{ id: '#1', reason: 'bad' }] })).toEqual({
      sent: ['A'],
      rejected: [{ id: 'B', reason: 'bad' }],
    });
  });

  it('splits a batch that would exceed the body limit', () => {
    const big = 'x'.repeat(400_000);
    const events = [1, 2, 3, 4].map((seq) => ({ id: String(seq), seq, type: 'interview.deleted' as const, at: '', payload: { big } }));
    expect(fitToBody(events, 'device').map((e) => e.seq)).toEqual([1, 2]);
  });

  it('backs off exponentially with jitter up to a cap', () => {
    expect(backoffDelay(1, () => 0)).toBe(500);
    expect(backoffDelay(1, () => 1)).toBe(1_000);
    expect(backoffDelay(4, () => 0.5)).toBe(6_000);
    expect(backoffDelay(50, () => 1)).toBe(60_000);
    expect(backoffDelay(50, () => 0)).toBe(30_000);
  });
});
