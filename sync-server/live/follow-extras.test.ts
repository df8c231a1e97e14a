// The live follow's extras through the app on a real database (SQLite, or PostgreSQL in the
// server-postgres project, where the event bus is Redis at TEST_REDIS_URL when set): another
// interviewer's comments and overrides arrive as events, made on a second app instance that shares
// only the database and the bus; and a stream ends, saying why, when the session that opened it ends.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import type { Store } from '../db/store.ts';
import { interviewDetail } from '../protocol/index.ts';
import { liveComment, liveOverride, liveSessionEnded, LIVE_FOLLOW_EVENTS } from '../protocol/live-follow.ts';
import { MemoryEventBus, type EventBus } from '../shared-state/event-bus.ts';
import { RedisConnection } from '../shared-state/redis-connection.ts';
import { RedisEventBus } from '../shared-state/redis-event-bus.ts';
import { randomKeyPrefix, TEST_REDIS_URL } from '../shared-state/redis-test-support.ts';
import { cookiesOf, createOrg, interviewEvents, joinDevice, createInvite, json, push, signIn, type AppUnderTest } from '../test-support/fixtures.ts';
import { SseReader } from '../test-support/sse-reader.ts';
import { openTestStore, TEST_STORE_KIND, type TestDatabase } from '../test-support/test-store.ts';

const SESSION_TTL_MS = 3_600_000;
const ACCESS_TTL_MS = 15 * 60_000;
const useRedis = TEST_STORE_KIND === 'postgres' && Boolean(TEST_REDIS_URL);

let now: Date;
let db: TestDatabase & { store: Store; cleanup: () => Promise<void> };
let closers: (() => Promise<unknown>)[];
/** Two app instances on one database and one bus, as two server processes behind a load balancer. */
let first: AppUnderTest;
let second: AppUnderTest;
/** Another instance on the same database and bus, checking idle streams every `liveSessionCheckMs`. */
let instance: (liveSessionCheckMs: number) => AppUnderTest;

const warn = (line: string) => console.warn(line);

function makeBus(shared: MemoryEventBus, keyPrefix: string): EventBus {
  if (!useRedis) return shared;
  const connection = new RedisConnection({ url: TEST_REDIS_URL!, role: 'commands', log: warn });
  const bus = new RedisEventBus({ connection, openSubscriber: () => new RedisConnection({ url: TEST_REDIS_URL!, role: 'subscriber', log: warn }), keyPrefix, log: warn });
  closers.push(() => bus.close(), () => connection.close());
  return bus;
}

beforeEach(async () => {
  now = new Date('2026-11-23T10:00:00Z');
  closers = [];
  db = (await openTestStore()) as typeof db;
  const memory = new MemoryEventBus();
  const keyPrefix = randomKeyPrefix();
  instance = (liveSessionCheckMs) => ({
    app: createApp({ store: db.store, clock: () => now, maxBodyBytes: 1_048_576, sessionTtlMs: SESSION_TTL_MS, accessTtlMs: ACCESS_TTL_MS, bus: makeBus(memory, keyPrefix), liveSessionCheckMs }),
    store: db.store,
  });
  first = instance(20);
  second = instance(20);
});

afterEach(async () => {
  for (const close of closers) await close();
  await db.cleanup();
});

/** Acme with its admin signed in, a second interviewer (Bob) signed in, and an interview under way: two of its three answers are in. */
async function acmeWithInterview() {
  await createOrg(first, 'Acme', 'ada@acme.test');
  const admin = await signIn(first, 'ada@acme.test');
  const invited = await first.app.request('/api/interviewer/users/invitations', json({ v: 1, email: 'bob@acme.test', role: 'interviewer' }, { cookie: admin }));
  expect(invited.status).toBe(201);
  const { token } = (await invited.json()) as { token: string };
  const accepted = await first.app.request('/api/interviewer/invitations/accept', json({ v: 1, token, name: 'Bob Builder', password: 'a long enough password' }));
  expect(accepted.status).toBe(201);
  const bob = cookiesOf(accepted);
  const bobId = ((await (await first.app.request('/api/interviewer/me', { headers: { cookie: bob } })).json()) as { user: { id: string } }).user.id;
  const deviceToken = await joinDevice(first, await createInvite(first, admin), 'device-a');
  const events = interviewEvents('iv-1', 1, 3);
  expect((await push(first, deviceToken, 'device-a', events.slice(0, 3))).status).toBe(200);
  return { admin, bob, bobId, deviceToken, rest: events.slice(3) };
}

async function follow(server: AppUnderTest, cookie: string, interviewId = 'iv-1') {
  const response = await server.app.request(`/api/interviewer/interviews/${interviewId}/live`, { headers: { cookie, accept: 'text/event-stream' } });
  expect(response.status).toBe(200);
  const live = new SseReader(response.body!);
  const snapshot = await live.next();
  expect(snapshot.event).toBe('snapshot');
  return live;
}

describe(`live follow extras (${TEST_STORE_KIND}, ${useRedis ? 'Redis' : 'in-process'} event bus)`, () => {
  describe("another interviewer's additions", () => {
    it('a comment and a score override made on the other instance arrive as events, once each, in order', async () => {
      const { admin, bob, deviceToken, rest } = await acmeWithInterview();
      // Made before the stream opens: already on the page, so not sent again.
      expect((await second.app.request('/api/interviewer/interviews/iv-1/comments', json({ v: 1, body: 'Seen before.' }, { cookie: bob }))).status).toBe(201);
      const live = await follow(second, admin);
      try {
        const posted = await first.app.request('/api/interviewer/interviews/iv-1/comments', json({ v: 1, body: 'Strong opening.', turnId: 'iv-1-t0' }, { cookie: bob }));
        expect(posted.status).toBe(201);
        const comment = await live.next();
        expect(comment.event).toBe(LIVE_FOLLOW_EVENTS.comment);
        expect(liveComment.parse(JSON.parse(comment.data))).toMatchObject({ interviewId: 'iv-1', turnId: 'iv-1-t0', body: 'Strong opening.', authorName: 'Bob Builder' });

        const overridden = await first.app.request(
          '/api/interviewer/interviews/iv-1/overrides',
          json({ v: 1, turnId: 'iv-1-t1', dimensionKey: 'coverage', score: 2, reason: 'Missed the rollback.' }, { cookie: bob }),
        );
        expect(overridden.status).toBe(201);
        const override = await live.next();
        expect(override.event).toBe(LIVE_FOLLOW_EVENTS.override);
        expect(liveOverride.parse(JSON.parse(override.data))).toMatchObject({ turnId: 'iv-1-t1', dimensionKey: 'coverage', from: 4, to: 2, reason: 'Missed the rollback.', authorName: 'Bob Builder' });

        // The interview's own updates still flow on the same stream, and nothing is repeated.
        expect((await push(first, deviceToken, 'device-a', rest.slice(0, 1))).status).toBe(200);
        const update = await live.next();
        expect(update.event).toBe('update');
        expect(interviewDetail.parse(JSON.parse(update.data)).turns).toHaveLength(3);
      } finally {
        await live.close();
      }
    });

    it("a follower of another organisation's interview gets none of them", async () => {
      const { bob } = await acmeWithInterview();
      await createOrg(first, 'Globex', 'gus@globex.test');
      const globex = await signIn(first, 'gus@globex.test');
      const globexDevice = await joinDevice(first, await createInvite(first, globex), 'device-g', 'Gina');
      expect((await push(first, globexDevice, 'device-g', interviewEvents('iv-g', 1, 1))).status).toBe(200);
      const live = await follow(second, globex, 'iv-g');
      try {
        expect((await first.app.request('/api/interviewer/interviews/iv-1/comments', json({ v: 1, body: 'Acme only.' }, { cookie: bob }))).status).toBe(201);
        // Globex's own comment is the next event: Acme's never came.
        expect((await first.app.request('/api/interviewer/interviews/iv-g/comments', json({ v: 1, body: 'Globex note.' }, { cookie: globex }))).status).toBe(201);
        const next = await live.next();
        expect(next.event).toBe(LIVE_FOLLOW_EVENTS.comment);
        expect(liveComment.parse(JSON.parse(next.data)).body).toBe('Globex note.');
      } finally {
        await live.close();
      }
    });
  });

  describe('the end of the session', () => {
    async function expectEnded(live: SseReader, reason: string) {
      const last = await live.next();
      expect(last.event).toBe(LIVE_FOLLOW_EVENTS.sessionEnded);
      expect(liveSessionEnded.parse(JSON.parse(last.data))).toEqual({ reason });
      await expect(live.next()).rejects.toThrow(/ended/);
    }

    it('keeps a stream whose session holds flowing, check after check', async () => {
      const { bob, deviceToken, rest } = await acmeWithInterview();
      const live = await follow(first, bob);
      try {
        // Several checks pass (one every 20 ms) before the push; its update still arrives.
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect((await push(first, deviceToken, 'device-a', rest.slice(0, 1))).status).toBe(200);
        const update = await live.next();
        expect(update.event).toBe('update');
        expect(interviewDetail.parse(JSON.parse(update.data)).turns).toHaveLength(3);
      } finally {
        await live.close();
      }
    });

    it('ends with signed_out when the interviewer signs out (in another tab)', async () => {
      const { bob } = await acmeWithInterview();
      const live = await follow(second, bob);
      expect((await first.app.request('/api/interviewer/sign-out', json({ v: 1 }, { cookie: bob }))).status).toBe(200);
      await expectEnded(live, 'signed_out');
    });

    it('ends with signed_out when the session is revoked because its refresh token was used twice', async () => {
      const { bob } = await acmeWithInterview();
      const live = await follow(first, bob);
      const refresh = () => first.app.request('/api/interviewer/refresh', json({ v: 1 }, { cookie: bob }));
      expect((await refresh()).status).toBe(200);
      expect((await refresh()).status).toBe(401);
      await expectEnded(live, 'signed_out');
    });

    it('ends with disabled when an admin disables the account', async () => {
      const { admin, bob, bobId } = await acmeWithInterview();
      const live = await follow(first, bob);
      expect((await first.app.request(`/api/interviewer/users/${bobId}/disable`, json({ v: 1 }, { cookie: admin }))).status).toBe(200);
      await expectEnded(live, 'disabled');
    });

    it('ends with deleted when an admin deletes the account', async () => {
      const { admin, bob, bobId } = await acmeWithInterview();
      const live = await follow(first, bob);
      expect((await first.app.request(`/api/interviewer/users/${bobId}`, json({ v: 1 }, { cookie: admin }, 'DELETE'))).status).toBe(200);
      await expectEnded(live, 'deleted');
    });

    it('sends nothing more after the session ended: the next update or comment finds it over, even before the timer would', async () => {
      const { admin, bob, deviceToken, rest } = await acmeWithInterview();
      // Its timer would not check for an hour: what ends these streams is the check before each event.
      const slow = instance(3_600_000);
      const signOut = async (cookie: string) => expect((await first.app.request('/api/interviewer/sign-out', json({ v: 1 }, { cookie }))).status).toBe(200);

      const beforeUpdate = await follow(slow, bob);
      await signOut(bob);
      expect((await push(first, deviceToken, 'device-a', rest.slice(0, 1))).status).toBe(200);
      await expectEnded(beforeUpdate, 'signed_out');

      const again = await signIn(first, 'bob@acme.test');
      const beforeComment = await follow(slow, again);
      await signOut(again);
      expect((await first.app.request('/api/interviewer/interviews/iv-1/comments', json({ v: 1, body: 'After the sign-out.' }, { cookie: admin }))).status).toBe(201);
      await expectEnded(beforeComment, 'signed_out');
    });

    it('ends with renew when only the access token ran out, and with expired when the session did', async () => {
      const { bob } = await acmeWithInterview();
      const live = await follow(first, bob);
      now = new Date(now.getTime() + ACCESS_TTL_MS + 1_000);
      await expectEnded(live, 'renew');

      // Renewed, the page follows again, until the session itself ends.
      const renewed = await first.app.request('/api/interviewer/refresh', json({ v: 1 }, { cookie: bob }));
      expect(renewed.status).toBe(200);
      const again = await follow(first, jar(bob, renewed));
      now = new Date(now.getTime() + SESSION_TTL_MS);
      await expectEnded(again, 'expired');
    });
  });
});

/** The browser's cookie jar after a response: new values replace old ones, cleared ones go. */
function jar(before: string, response: Response): string {
  const cookies = new Map(before.split(/;\s*/).filter(Boolean).map((pair) => [pair.slice(0, pair.indexOf('=')), pair] as const));
  for (const line of response.headers.getSetCookie()) {
    const pair = line.split(';')[0]!;
    const name = pair.slice(0, pair.indexOf('='));
    if (pair.endsWith('=')) cookies.delete(name);
    else cookies.set(name, pair);
  }
  return [...cookies.values()].join('; ');
}
