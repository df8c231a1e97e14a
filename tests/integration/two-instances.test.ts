// Two real server processes (sync-server/main.ts) on one PostgreSQL schema and one Redis, as behind a
// load balancer, act as one: a device's cloud AI rate limit and a provider's daily quota are counted
// across both, so requests split between them stop at exactly the limit; and an interviewer following
// an interview live on one process sees the answer a device pushes, and the comment another interviewer
// makes, on the other (Redis pub/sub); and neither serves a cached interview or session that a write
// on the other made stale.
// Needs TEST_DATABASE_URL and TEST_REDIS_URL; CI sets both, and there the test fails without them.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interviewDetail, PROTOCOL_VERSION } from '../../sync-server/protocol/index.ts';
import { liveComment, LIVE_FOLLOW_EVENTS } from '../../sync-server/protocol/live-follow.ts';
import { SseReader } from '../../sync-server/test-support/sse-reader.ts';
import { startFakeOpenAiProvider, type FakeOpenAiProvider } from '../helpers/fake-openai-provider.ts';
import { interviewEvents, joinDevices, pushBody, type PushingDevice } from '../helpers/interview-push.ts';
import { signInOverHttp, type InterviewerHttpSession } from '../helpers/interviewer-session.ts';
import { createServerDatabase, type ServerDatabase } from '../helpers/server-database.ts';
import { createOrgWithAdmin, startSyncServer, type RunningServer } from '../helpers/sync-server-process.ts';

const DATABASE_URL = process.env.TEST_DATABASE_URL;
const REDIS_URL = process.env.TEST_REDIS_URL;
const configured = Boolean(DATABASE_URL && REDIS_URL);
if (!configured) {
  const missing = [DATABASE_URL ? '' : 'TEST_DATABASE_URL', REDIS_URL ? '' : 'TEST_REDIS_URL'].filter(Boolean).join(' and ');
  const message = `two-instances test: ${missing} not set (e.g. TEST_DATABASE_URL=postgres://ib:ib@127.0.0.1:5432/ib_test TEST_REDIS_URL=redis://127.0.0.1:6379).`;
  // CI sets both: there a missing one is a broken setup, not a reason to skip.
  if (process.env.CI === 'true') throw new Error(`${message} CI must set them.`);
  console.warn(`SKIPPING ${message}`);
}

const ADMIN = { name: 'Twin Org', email: 'twin@twin.test', adminName: 'Twin', password: 'twin password 123' };
const DEVICE_PER_MINUTE = 4;
const PROVIDER_DAILY_QUOTA = 6;
const API_KEY = 'sk-two-instances';

describe.skipIf(!configured)('two server processes on one PostgreSQL and one Redis', () => {
  const keyPrefix = `ib-two-${randomBytes(4).toString('hex')}:`;
  let database: ServerDatabase;
  let provider: FakeOpenAiProvider;
  let first: RunningServer;
  let second: RunningServer;
  let session: InterviewerHttpSession;
  let devices: PushingDevice[];

  beforeAll(async () => {
    database = await createServerDatabase('postgres');
    provider = await startFakeOpenAiProvider({ apiKey: API_KEY });
    const env = {
      ...database.env,
      REDIS_URL: REDIS_URL!,
      REDIS_KEY_PREFIX: keyPrefix,
      AI_PROVIDERS: JSON.stringify([
        { name: 'only', baseUrl: provider.url, apiKey: API_KEY, model: 'fake-model', dailyQuota: PROVIDER_DAILY_QUOTA, requestsPerMinute: 600, priority: 1, timeoutMs: 10_000 },
      ]),
      AI_DEVICE_REQUESTS_PER_MINUTE: String(DEVICE_PER_MINUTE),
      // Every request different anyway; no cache, so each allowed request is one provider call.
      AI_CACHE_MAX_ENTRIES: '0',
    };
    // The first process creates the schema's tables; then the admin and the second process use them.
    first = await startSyncServer(env);
    createOrgWithAdmin(first.dataDir, ADMIN, database.env);
    second = await startSyncServer(env);
    session = await signInOverHttp(first.url, ADMIN);
    devices = await joinDevices(first.url, session, 3, { prefix: 'twin' });
  }, 120_000);

  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
    await provider?.close();
    await database?.drop();
    if (REDIS_URL) {
      const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
      try {
        let cursor = '0';
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', `${keyPrefix}*`, 'COUNT', 500);
          cursor = next;
          if (keys.length) await redis.del(...keys);
        } while (cursor !== '0');
      } finally {
        redis.disconnect();
      }
    }
  });

  const chat = (server: RunningServer, device: PushingDevice, text: string) =>
    fetch(`${server.url}/api/ai/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
      body: JSON.stringify({ messages: [{ role: 'user', content: text }] }),
    });

  it('both report Redis as reachable', async () => {
    for (const server of [first, second]) {
      const health = await fetch(`${server.url}/api/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ ok: true, db: 'ok', redis: 'ok' });
    }
  });

  it("share a device's rate limit: requests alternating between them stop at exactly the limit, with 429 and Retry-After on either", async () => {
    const device = devices[0]!;
    for (let n = 0; n < DEVICE_PER_MINUTE; n++) {
      const response = await chat(n % 2 ? second : first, device, `question ${n}`);
      expect(response.status, `request ${n + 1} of ${DEVICE_PER_MINUTE}`).toBe(200);
    }
    for (const server of [first, second]) {
      const refused = await chat(server, device, 'one too many');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('device_rate_limited');
    }
    // Another device has its own allowance.
    expect((await chat(second, devices[1]!, 'another device')).status).toBe(200);
    expect(provider.requests).toHaveLength(DEVICE_PER_MINUTE + 1);
  });

  it("share a provider's daily quota and its count: calls through both stop at the quota, and both report the same total", async () => {
    const before = provider.requests.length;
    const device = devices[2]!;
    const left = PROVIDER_DAILY_QUOTA - before;
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(DEVICE_PER_MINUTE);
    for (let n = 0; n < left; n++) expect((await chat(n % 2 ? first : second, device, `quota ${n}`)).status).toBe(200);
    // The quota is used up across both processes: neither calls the provider again.
    const exhausted = await chat(first, devices[1]!, 'over quota');
    expect(exhausted.status).toBe(503);
    expect(((await exhausted.json()) as { error: { code: string } }).error.code).toBe('cloud_ai_unavailable');
    expect(provider.requests).toHaveLength(PROVIDER_DAILY_QUOTA);
    for (const server of [first, second]) {
      const metrics = await (await fetch(`${server.url}/metrics`)).text();
      expect(metrics).toMatch(new RegExp(`^ib_cloud_calls_today ${PROVIDER_DAILY_QUOTA}$`, 'm'));
    }
  });

  it('a live follower on one process sees an answer pushed to the other', async () => {
    const device = devices[1]!;
    const events = interviewEvents(device);
    const interviewId = (events[0]!.payload as { interviewId: string }).interviewId;
    const pushTo = async (server: RunningServer, batch: typeof events) => {
      const response = await fetch(`${server.url}/api/sync/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
        body: pushBody(device, batch),
      });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { v: number; rejected: unknown[] })).toMatchObject({ v: PROTOCOL_VERSION, rejected: [] });
    };
    await pushTo(first, events.slice(0, 2));

    const response = await fetch(`${second.url}/api/interviewer/interviews/${interviewId}/live`, { headers: { cookie: session.cookie, accept: 'text/event-stream' } });
    expect(response.status).toBe(200);
    const live = new SseReader(response.body!);
    try {
      const snapshot = await live.next();
      expect(snapshot.event).toBe('snapshot');
      expect(interviewDetail.parse(JSON.parse(snapshot.data)).turns).toHaveLength(1);

      await pushTo(first, events.slice(2, 3));
      const update = await live.next();
      expect(update.event).toBe('update');
      const detail = interviewDetail.parse(JSON.parse(update.data));
      expect(detail.turns).toHaveLength(2);
      expect(detail.turns[1]!.answer).toBe((events[2]!.payload as { answer: string }).answer);
    } finally {
      await live.close();
    }
  });

  it('a live follower on one process sees a comment made on the other', async () => {
    const device = devices[2]!;
    const events = interviewEvents(device);
    const interviewId = (events[0]!.payload as { interviewId: string }).interviewId;
    const pushed = await fetch(`${first.url}/api/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
      body: pushBody(device, events.slice(0, 2)),
    });
    expect(pushed.status).toBe(200);
    const response = await fetch(`${second.url}/api/interviewer/interviews/${interviewId}/live`, { headers: { cookie: session.cookie, accept: 'text/event-stream' } });
    expect(response.status).toBe(200);
    const live = new SseReader(response.body!);
    try {
      expect((await live.next()).event).toBe('snapshot');
      const commented = await fetch(`${first.url}/api/interviewer/interviews/${interviewId}/comments`, {
        method: 'POST',
        headers: session.headers,
        body: JSON.stringify({ v: 1, body: 'Made on the first process.' }),
      });
      expect(commented.status).toBe(201);
      const comment = await live.next();
      expect(comment.event).toBe(LIVE_FOLLOW_EVENTS.comment);
      expect(liveComment.parse(JSON.parse(comment.data))).toMatchObject({ interviewId, body: 'Made on the first process.', authorName: ADMIN.adminName });
    } finally {
      await live.close();
    }
  });

  it("keeps no stale copy: one process's cached list and interview show a push to the other, and a sign-out on one refuses the token on the other", async () => {
    const device = devices[0]!;
    const events = interviewEvents(device);
    const interviewId = (events[0]!.payload as { interviewId: string }).interviewId;
    const push = async (batch: typeof events) => {
      const response = await fetch(`${first.url}/api/sync/push`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` }, body: pushBody(device, batch) });
      expect(response.status).toBe(200);
    };
    const read = async <T,>(path: string, cookie = session.cookie) => {
      const response = await fetch(`${second.url}/api/interviewer${path}`, { headers: { cookie } });
      return { status: response.status, body: (await response.json()) as T };
    };
    const listed = async () => (await read<{ interviews: { id: string }[] }>('/interviews')).body.interviews.map((item) => item.id);
    const turns = async () => interviewDetail.parse((await read('/interviews/' + interviewId)).body).turns.length;
    await push(events.slice(0, 2));
    // Read twice on the second process, so both texts are cached there.
    for (let i = 0; i < 2; i++) {
      expect(await listed()).toContain(interviewId);
      expect(await turns()).toBe(1);
    }
    await push(events.slice(2, 3));
    // Redis delivers the first process's invalidation in well under a second; the caches' own limit
    // (MAX_AGE_MS, 5 s) would take longer, so this fails if the message did not arrive.
    await expect.poll(turns, { timeout: 1_000, interval: 20 }).toBe(2);

    const other = await signInOverHttp(first.url, ADMIN);
    for (let i = 0; i < 2; i++) expect((await read('/me', other.cookie)).status).toBe(200);
    const signedOut = await fetch(`${first.url}/api/interviewer/sign-out`, { method: 'POST', headers: other.headers, body: JSON.stringify({ v: 1 }) });
    expect(signedOut.status).toBe(200);
    await expect.poll(async () => (await read('/me', other.cookie)).status, { timeout: 1_000, interval: 20 }).toBe(401);
  });

  it('ends its live streams when stopped, so SIGTERM finishes at once and cleanly', async () => {
    const device = devices[1]!;
    const events = interviewEvents(device);
    const interviewId = (events[0]!.payload as { interviewId: string }).interviewId;
    const pushed = await fetch(`${first.url}/api/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
      body: pushBody(device, events.slice(0, 1)),
    });
    expect(pushed.status).toBe(200);
    const response = await fetch(`${second.url}/api/interviewer/interviews/${interviewId}/live`, { headers: { cookie: session.cookie } });
    const live = new SseReader(response.body!);
    expect((await live.next()).event).toBe('snapshot');
    await second.stop();
    expect(second.process.exitCode).toBe(0);
    await expect(live.next()).rejects.toThrow(/ended/);
  });
});
