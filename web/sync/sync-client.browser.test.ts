// The sync client in real Chromium (real IndexedDB, real fetch) against the real sync server, which
// the chromium project's globalSetup starts and Vite proxies at /api. Failures the server cannot be
// made to produce on demand (a 503, a dropped connection, a corrupted event) are injected on the wire
// by wrapping fetch; every other answer is the server's own.
import Dexie from 'dexie';
import { afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import {
  errorResponse,
  interviewListItem,
  MAX_EVENTS_PER_PUSH,
  pullResponse,
  pushResponse,
  redeemResponse,
  syncEvent,
  type InterviewListItem,
  type InterviewSpec,
  type PlannedQuestion,
} from '../../sync-server/protocol/index.ts';
import { closeDb, DB_NAME, getDb } from '../data/db.ts';
import { createInterview } from '../data/interviews.ts';
import { countOutbox, listRejectedEvents } from '../data/outbox.ts';
import { getDeviceId, getPullCursor, getSyncIdentity, saveSyncIdentity } from '../data/settings.ts';
import { backoffDelay } from './backoff.ts';
import { fitToBody, interpretPush, SyncClient } from './sync-client.ts';
import { createSyncStore } from './sync-state.ts';
import { recordingFetch } from '../test-support/recording-fetch.ts';

const admin = inject('syncAdmin');

const spec: InterviewSpec = { role: 'Engineer', seniority: 'mid', type: 'behavioural', questionCount: 1, language: 'en', minutes: 10 };
const question: PlannedQuestion = { id: 'q', kind: 'behavioural', text: 'Tell me about a time.', talkingPoints: [], rubricHint: '', expectedSeconds: 60 };
const engine = { kind: 'basic' as const, label: 'basic scoring', reason: 'test' };

const realFetch: typeof fetch = (input, init) => globalThis.fetch(input, init);

/** Passes every request on to `next` (the real server by default) and records it with the reply. */
function recording(next: typeof fetch = realFetch) {
  const wire = recordingFetch(next);
  return { ...wire, pushes: () => wire.calls.filter((c) => c.path === '/api/sync/push') };
}

function isPush(input: RequestInfo | URL): boolean {
  return new URL(String(input), location.origin).pathname === '/api/sync/push';
}

/** A 503 as a busy server or proxy would send it, for the next `count` pushes; the rest reach the server. */
function busyForPushes(count: number, next: typeof fetch = realFetch): typeof fetch {
  let left = count;
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    if (isPush(input) && left > 0) {
      left -= 1;
      return Response.json({ error: { code: 'unavailable', message: 'The server is busy. Try again in a minute.' } }, { status: 503 });
    }
    return next(input, init);
  }) as typeof fetch;
}

const unreachable = (async () => {
  throw new TypeError('Failed to fetch');
}) as typeof fetch;

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

async function makeInterviews(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push((await createInterview({ spec, questions: [question], engine })).id);
  return ids;
}

// --- The interviewer's side of the real server (session cookie, path /api) ---

async function interviewerApi(path: string, init: RequestInit = {}): Promise<unknown> {
  // State changes echo the session's CSRF cookie in a header, as the interviewer pages do.
  const csrf = /(?:^|;\s*)ib_csrf=([^;]+)/.exec(document.cookie)?.[1];
  const response = await fetch(`/api/interviewer${path}`, { ...init, headers: { 'content-type': 'application/json', ...(csrf ? { 'x-ib-csrf': csrf } : {}) } });
  const body: unknown = await response.json();
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: HTTP ${response.status} ${JSON.stringify(body)}`);
  return body;
}

/** A fresh invite code for one device, made by the org's admin over the real API. */
async function newInviteCode(): Promise<string> {
  const invite = (await interviewerApi('/invites', { method: 'POST', body: JSON.stringify({ v: 1, maxUses: 1 }) })) as { code: string };
  return invite.code;
}

/** What the organisation's interviewers see on the server. */
async function serverInterviews(): Promise<InterviewListItem[]> {
  const body = (await interviewerApi('/interviews')) as { interviews: unknown[] };
  return body.interviews.map((item) => interviewListItem.parse(item));
}

async function serverIdsAmong(ids: string[]): Promise<string[]> {
  const onServer = new Set((await serverInterviews()).map((i) => i.id));
  return ids.filter((id) => onServer.has(id));
}

/** Joins the org for real (redeems a new invite code), and waits for the sync that joining starts. */
async function join(candidateName = 'Grace') {
  const { client } = makeClient(realFetch);
  const org = await client.join({ inviteCode: await newInviteCode(), candidateName });
  await client.whenIdle();
  return org;
}

beforeAll(async () => {
  await interviewerApi('/sign-in', { method: 'POST', body: JSON.stringify({ v: 1, email: admin.email, password: admin.password }) });
});

beforeEach(async () => {
  closeDb();
  // A closed connection lets go once its last transaction completes, a task later; deleting before
  // then works too, but Dexie warns that the delete was blocked.
  await new Promise((resolve) => setTimeout(resolve));
  await Dexie.delete(DB_NAME);
});

afterEach(() => closeDb());

describe('sync client, against the real sync server', () => {
  it('sends nothing before the candidate joins an organisation', async () => {
    await makeInterviews(2);
    const wire = recording();
    const { client, store } = makeClient(wire.fetch);
    await client.syncNow();
    expect(wire.calls).toEqual([]);
    expect(store.get()).toMatchObject({ phase: 'not-joined', pending: 2 });
  });

  it('joins with an invite code, stores the token, and pushes what was waiting', async () => {
    const ids = await makeInterviews(2);
    const wire = recording();
    const { client, store } = makeClient(wire.fetch);
    const code = await newInviteCode();
    const org = await client.join({ inviteCode: ` ${code} `, candidateName: 'Grace Candidate' });
    await client.syncNow();

    expect(org).toEqual({ id: expect.any(String), name: admin.orgName });
    const redeem = wire.calls[0]!;
    expect(redeem).toMatchObject({
      path: '/api/devices/redeem',
      auth: null,
      status: 200,
      body: { v: 1, inviteCode: code, deviceId: await getDeviceId(), candidateName: 'Grace Candidate' },
    });
    const { deviceToken } = redeemResponse.parse(redeem.reply);
    expect(await getSyncIdentity()).toMatchObject({ deviceToken, org, candidateName: 'Grace Candidate' });

    const push = wire.pushes()[0]!;
    expect(push.auth).toBe(`Bearer ${deviceToken}`);
    expect(pushResponse.parse(push.reply)).toMatchObject({ acked: 2, rejected: [] });
    expect(store.get()).toMatchObject({ phase: 'up-to-date', pending: 0, orgName: admin.orgName });
    expect(await countOutbox()).toEqual({ pending: 0, rejected: 0 });

    const pulls = wire.calls.filter((c) => c.path.startsWith('/api/sync/pull')).map((c) => pullResponse.parse(c.reply));
    expect(pulls[0]!.changes.map((c) => c.type)).toEqual(['org.joined']);
    expect(await getPullCursor()).toBe(pulls[0]!.cursor);

    const onServer = (await serverInterviews()).filter((i) => ids.includes(i.id));
    expect(onServer.map((i) => [i.candidateName, i.role]).sort()).toEqual([
      ['Grace Candidate', 'Engineer'],
      ['Grace Candidate', 'Engineer'],
    ]);
  });

  it("shows the server's message when an invite code is refused", async () => {
    const wire = recording();
    const { client } = makeClient(wire.fetch);
    const failure = await client.join({ inviteCode: 'NOSUCH-CODE1', candidateName: 'Grace' }).catch((error: unknown) => error);
    expect(wire.calls.map((c) => c.status)).toEqual([404]);
    const refusal = errorResponse.parse(wire.calls[0]!.reply).error.message;
    expect(refusal).toMatch(/invite code does not exist/);
    expect(failure).toMatchObject({ name: 'SyncRequestError', message: refusal, status: 404 });
    expect(await getSyncIdentity()).toBeNull();
  });

  it('pushes in seq order, in batches no larger than the protocol allows, each event valid', async () => {
    await join();
    const ids = await makeInterviews(MAX_EVENTS_PER_PUSH + 20);
    const wire = recording();
    const { client, store } = makeClient(wire.fetch);
    await client.syncNow();

    const pushes = wire.pushes();
    const sent = pushes.map((c) => (c.body as { events: unknown[] }).events);
    expect(sent.map((events) => events.length)).toEqual([MAX_EVENTS_PER_PUSH, 20]);
    const events = sent.flat().map((event) => syncEvent.parse(event));
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: MAX_EVENTS_PER_PUSH + 20 }, (_, i) => i + 1));
    const replies = pushes.map((c) => pushResponse.parse(c.reply));
    expect(replies.map((r) => [r.accepted.length, r.rejected.length])).toEqual([
      [MAX_EVENTS_PER_PUSH, 0],
      [20, 0],
    ]);
    expect(store.get()).toMatchObject({ phase: 'up-to-date', pending: 0 });
    // The list shows the newest 500; the oldest is checked on its own.
    expect(await serverIdsAmong(ids.slice(-20))).toEqual(ids.slice(-20));
    await expect(interviewerApi(`/interviews/${ids[0]}`)).resolves.toMatchObject({ interview: { id: ids[0] } });
  });

  it('keeps rejected events with their reason and never resends them', async () => {
    await join();
    const ids = await makeInterviews(3);
    // The second event is damaged on its way to the server, which must refuse it alone.
    const corrupting = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (!isPush(input)) return realFetch(input, init);
      const body = JSON.parse(String(init?.body)) as { events: Array<{ payload: Record<string, unknown> }> };
      body.events[1]!.payload.startedAt = 'yesterday';
      return realFetch(input, { ...init, body: JSON.stringify(body) });
    }) as typeof fetch;
    const wire = recording(corrupting);
    const { client, store } = makeClient(wire.fetch);
    await client.syncNow();
    await client.syncNow();

    expect(wire.pushes()).toHaveLength(1);
    const reply = pushResponse.parse(wire.pushes()[0]!.reply);
    const [refused] = reply.rejected;
    expect(reply.rejected).toHaveLength(1);
    expect(refused!.reason).toMatch(/startedAt/);
    const rejected = await listRejectedEvents();
    expect(rejected.map((r) => [r.id, r.seq, r.rejectReason])).toEqual([[refused!.id, 2, refused!.reason]]);
    expect(store.get()).toMatchObject({ phase: 'up-to-date', pending: 0, rejected: 1 });
    expect(await serverIdsAmong(ids)).toEqual([ids[0], ids[2]]);
  });

  it('backs off with jitter after a failure, keeps the events, and succeeds on retry', async () => {
    await join();
    const ids = await makeInterviews(1);
    const { client, store, timers } = makeClient(busyForPushes(2));

    await client.syncNow();
    expect(store.get()).toMatchObject({ phase: 'error', message: 'The server is busy. Try again in a minute.', pending: 1 });
    expect(timers.map((t) => t.ms)).toEqual([backoffDelay(1, () => 0.5)]);

    timers.shift()!.callback();
    await client.whenIdle();
    expect(timers.map((t) => t.ms)).toEqual([backoffDelay(2, () => 0.5)]);
    expect(await serverIdsAmong(ids)).toEqual([]);

    timers.shift()!.callback();
    await client.whenIdle();
    expect(store.get()).toMatchObject({ phase: 'up-to-date', pending: 0 });
    expect(timers).toEqual([]);
    expect(await serverIdsAmong(ids)).toEqual(ids);
  });

  it('says the server cannot be reached when the network fails', async () => {
    await join();
    await makeInterviews(1);
    const { client, store } = makeClient(unreachable);
    await client.syncNow();
    expect(store.get()).toMatchObject({ phase: 'error', message: "Can't reach the server. It will try again shortly.", pending: 1 });
  });

  it('does not try while offline', async () => {
    await join();
    await makeInterviews(1);
    const wire = recording();
    const { client, store } = makeClient(wire.fetch, { isOnline: () => false });
    await client.syncNow();
    expect(wire.calls).toEqual([]);
    expect(store.get()).toMatchObject({ phase: 'offline', pending: 1 });
  });

  it('asks the candidate to join again after a 401, and stops trying until they do', async () => {
    const code = await newInviteCode();
    const joining = makeClient(realFetch);
    await joining.client.join({ inviteCode: code, candidateName: 'Grace' });
    await joining.client.whenIdle();
    // The same device joins again elsewhere (say, after restoring a backup): the server rotates its
    // token, and the one stored here stops working.
    const again = await fetch('/api/devices/redeem', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ v: 1, inviteCode: code, deviceId: await getDeviceId(), candidateName: 'Grace' }),
    });
    expect(again.status).toBe(200);
    const ids = await makeInterviews(1);

    const wire = recording();
    const { client, store, timers } = makeClient(wire.fetch);
    await client.syncNow();
    expect(wire.calls.map((c) => [c.path, c.status])).toEqual([['/api/sync/push', 401]]);
    expect(store.get()).toMatchObject({ phase: 'needs-rejoin', pending: 1 });
    expect(store.get().message).toMatch(/join again/);
    expect(timers).toEqual([]);
    await client.syncNow();
    expect(wire.calls).toHaveLength(1);

    await client.join({ inviteCode: await newInviteCode(), candidateName: 'Grace' });
    await client.syncNow();
    expect(store.get().phase).toBe('up-to-date');
    expect(await serverIdsAmong(ids)).toEqual(ids);
  });

  it('resumes after a reload: a fresh client sends what the last one could not', async () => {
    await join();
    const ids = await makeInterviews(2);
    const down = makeClient(unreachable);
    await down.client.syncNow();
    expect(await countOutbox()).toEqual({ pending: 2, rejected: 0 });

    const { client } = makeClient(realFetch);
    await client.syncNow();
    expect(await countOutbox()).toEqual({ pending: 0, rejected: 0 });
    expect(await serverIdsAmong(ids)).toEqual(ids);
  });

  it('syncs again right after a write made during a sync', async () => {
    await join();
    const ids = await makeInterviews(1);
    let release: () => void = () => undefined;
    let pushing: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const pushInFlight = new Promise<void>((resolve) => (pushing = resolve));
    // The first push waits until released, so the second write lands while a sync is running.
    const wire = recording(async (input, init) => {
      if (isPush(input)) {
        pushing();
        await gate;
      }
      return realFetch(input, init);
    });
    const { client } = makeClient(wire.fetch);
    const first = client.syncNow();
    await pushInFlight;
    ids.push(...(await makeInterviews(1)));
    const second = client.syncNow();
    release();
    await Promise.all([first, second]);
    expect(await countOutbox()).toEqual({ pending: 0, rejected: 0 });
    expect(wire.pushes().map((c) => (c.body as { events: unknown[] }).events.length)).toEqual([1, 1]);
    expect(await serverIdsAmong(ids)).toEqual(ids);
  });

  it('applies pulled changes and stores the cursor', async () => {
    // Joined, and the connection dropped right after: nothing has been pulled yet.
    let onlineChecks = 0;
    const joining = makeClient(realFetch, { isOnline: () => onlineChecks++ === 0 });
    await joining.client.join({ inviteCode: await newInviteCode(), candidateName: 'Grace' });
    await joining.client.whenIdle();
    expect(joining.store.get().phase).toBe('offline');
    expect(await getPullCursor()).toBeNull();
    // The org's name as this device last knew it differs from the server's (it was renamed since).
    const identity = (await getSyncIdentity())!;
    await saveSyncIdentity({ ...identity, org: { ...identity.org, name: 'Acme (old name)' } });

    const wire = recording();
    const { client } = makeClient(wire.fetch);
    await client.syncNow();
    const pulls = wire.calls.filter((c) => c.path.startsWith('/api/sync/pull'));
    const [first, second] = pulls.map((c) => pullResponse.parse(c.reply));
    expect(first!.changes).toEqual([{ cursor: first!.cursor, type: 'org.joined', payload: { orgId: identity.org.id, orgName: admin.orgName } }]);
    expect(second!.changes).toEqual([]);
    expect(pulls.map((c) => c.path)).toEqual(['/api/sync/pull', `/api/sync/pull?cursor=${first!.cursor}`]);
    expect((await getSyncIdentity())?.org.name).toBe(admin.orgName);
    expect(await getPullCursor()).toBe(first!.cursor);
  });

  it('leaving stops syncing and keeps unsent events', async () => {
    await join();
    const ids = await makeInterviews(1);
    const wire = recording(busyForPushes(Infinity));
    const { client, store } = makeClient(wire.fetch);
    await client.syncNow();
    await client.leave();
    expect(store.get()).toMatchObject({ phase: 'not-joined', pending: 1 });
    expect(await getDb().settings.get('deviceToken')).toBeUndefined();
    const before = wire.calls.length;
    await client.syncNow();
    expect(wire.calls).toHaveLength(before);
    expect(await serverIdsAmong(ids)).toEqual([]);
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
