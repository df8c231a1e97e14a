// The read caches as the app uses them, on a real database (SQLite here, PostgreSQL in the
// server-postgres project): nothing an interviewer reads is ever older than the last write the server
// answered, and no revoked session gets through. Each check reads first (so the text or the session is
// cached), then writes, then reads again at once.
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { monotonicFactory } from 'ulid';
import { hashPassword } from '../auth/password.ts';
import type { InterviewDetail, InterviewListItem, SyncEvent } from '../protocol/index.ts';
import { createTestServer, interviewEvents, json, orgWithDevice, PASSWORD, push, signIn, type TestServer } from '../test-support/fixtures.ts';

const nextUlid = monotonicFactory();
let server: TestServer;
beforeEach(async () => {
  server = await createTestServer();
});
afterEach(() => server.cleanup());

const get = (path: string, cookie: string, headers: Record<string, string> = {}) => server.app.request(`/api/interviewer${path}`, { headers: { cookie, ...headers } });
const listIds = async (cookie: string) => ((await (await get('/interviews', cookie)).json()) as { interviews: InterviewListItem[] }).interviews.map((item) => item.id);
const detailOf = async (cookie: string, id: string) => (await (await get(`/interviews/${id}`, cookie)).json()) as InterviewDetail;

async function pushOk(token: string, deviceId: string, events: SyncEvent[]): Promise<void> {
  const response = await push(server, token, deviceId, events);
  expect(response.status).toBe(200);
}

function consent(seq: number, transcript: boolean): SyncEvent {
  return {
    id: nextUlid(),
    seq,
    at: '2026-11-20T10:05:00.000Z',
    type: 'consent.changed',
    payload: { consent: { transcript, scores: true, speechMetrics: true, cameraMetrics: true, audio: true } },
  };
}

describe('the interviewer read cache in the app', () => {
  it('shows a pushed interview, a revoked transcript and a shared recording on the very next read', async () => {
    const { cookie, token, deviceId } = await orgWithDevice(server);
    await pushOk(token, deviceId, [consent(1, true), ...interviewEvents('iv-1', 2, 1)]);
    expect(await listIds(cookie)).toEqual(['iv-1']);
    expect(await listIds(cookie)).toEqual(['iv-1']);

    await pushOk(token, deviceId, interviewEvents('iv-2', 10, 1));
    expect(await listIds(cookie)).toEqual(expect.arrayContaining(['iv-1', 'iv-2']));

    expect((await detailOf(cookie, 'iv-1')).turns[0]!.answer).not.toBe('');
    await pushOk(token, deviceId, [consent(20, false)]);
    expect((await detailOf(cookie, 'iv-1')).turns[0]!.answer).toBe('');

    expect((await detailOf(cookie, 'iv-1')).turns[0]!.recordings).toEqual([]);
    const stored = await server.app.request('/api/sync/recordings/iv-1/iv-1-t0/rec-1', {
      method: 'PUT',
      body: new Blob([new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 1, 2])]),
      headers: { authorization: `Bearer ${token}`, 'content-type': 'audio/webm' },
    });
    expect(stored.status).toBe(201);
    expect((await detailOf(cookie, 'iv-1')).turns[0]!.recordings).toEqual(['rec-1']);
  });

  it("never serves one organisation's text to another, even for the same interview id", async () => {
    const acme = await orgWithDevice(server, 'Acme', 'device-a');
    const globex = await orgWithDevice(server, 'Globex', 'device-b');
    await pushOk(acme.token, acme.deviceId, interviewEvents('same-id', 1, 1));
    expect((await detailOf(acme.cookie, 'same-id')).interview.id).toBe('same-id');
    expect((await get('/interviews/same-id', globex.cookie)).status).toBe(404);
    expect(await listIds(globex.cookie)).toEqual([]);
  });

  it('gzips for a browser, the same JSON as without, with the security and no-store headers', async () => {
    const { cookie, token, deviceId } = await orgWithDevice(server);
    for (let i = 0; i < 8; i++) await pushOk(token, deviceId, interviewEvents(`iv-${i}`, 1 + i * 10, 2));
    const plain = await get('/interviews', cookie);
    const plainText = await plain.text();
    for (let round = 0; round < 2; round++) {
      const zipped = await get('/interviews', cookie, { 'accept-encoding': 'gzip, deflate, br, zstd' });
      expect(zipped.status).toBe(200);
      expect(zipped.headers.get('content-encoding')).toBe('gzip');
      expect(zipped.headers.get('vary')).toBe('Accept-Encoding');
      expect(zipped.headers.get('cache-control')).toBe('no-store');
      expect(zipped.headers.get('x-content-type-options')).toBe('nosniff');
      expect(zipped.headers.get('content-type')).toBe('application/json');
      expect(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString('utf8')).toBe(plainText);
    }
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('cache-control')).toBe('no-store');
  });

  it('still refuses a bad query and an unknown interview, and caches neither', async () => {
    const { cookie } = await orgWithDevice(server);
    for (let i = 0; i < 2; i++) {
      expect((await get('/interviews?sort=nonsense', cookie)).status).toBe(400);
      expect((await get('/interviews/nope', cookie)).status).toBe(404);
    }
  });
});

describe('the session cache in the app', () => {
  async function withInterviewer() {
    const { cookie: admin } = await orgWithDevice(server);
    const org = (await server.store.findUserByEmail('acme@example.test'))!;
    const bob = await server.store.createUser({ orgId: org.orgId, email: 'bob@acme.test', name: 'Bob', role: 'interviewer', passwordHash: await hashPassword(PASSWORD) });
    const cookie = await signIn(server, 'bob@acme.test');
    expect((await get('/me', cookie)).status).toBe(200);
    expect((await get('/me', cookie)).status).toBe(200);
    return { admin, bob, cookie };
  }

  const codeOf = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

  it('refuses an access token on the request right after its sign-out', async () => {
    const { cookie } = await withInterviewer();
    expect((await server.app.request('/api/interviewer/sign-out', json({ v: 1 }, { cookie }))).status).toBe(200);
    const after = await get('/me', cookie);
    expect(after.status).toBe(401);
    expect(await codeOf(after)).toBe('signed_out');
  });

  it('refuses a member on the request right after an admin disables them, and after they are deleted', async () => {
    const { admin, bob, cookie } = await withInterviewer();
    expect((await server.app.request(`/api/interviewer/users/${bob.id}/disable`, json({ v: 1 }, { cookie: admin }))).status).toBe(200);
    expect((await get('/interviews', cookie)).status).toBe(401);
    expect((await server.app.request(`/api/interviewer/users/${bob.id}/enable`, json({ v: 1 }, { cookie: admin }))).status).toBe(200);
    const again = await signIn(server, 'bob@acme.test');
    expect((await get('/interviews', again)).status).toBe(200);
    expect((await server.app.request(`/api/interviewer/users/${bob.id}`, json({ v: 1 }, { cookie: admin }, 'DELETE'))).status).toBe(200);
    expect((await get('/interviews', again)).status).toBe(401);
  });

  it('refuses the access token of a session revoked for a reused refresh token', async () => {
    const { cookie } = await withInterviewer();
    const refresh = (jar: string) => server.app.request('/api/interviewer/refresh', json({ v: 1 }, { cookie: jar }));
    expect((await refresh(cookie)).status).toBe(200);
    // The refresh token in `cookie` is spent: sending it again is a replay, which revokes the session.
    expect((await refresh(cookie)).status).toBe(401);
    expect((await get('/me', cookie)).status).toBe(401);
  });
});
