// Rate limits through the app: per client IP before there is an identity (sign-in, redeeming invite
// codes, invitation links), per device for sync, per user for the interviewer API. A refusal is a 429
// with Retry-After in seconds and a JSON error that says when to try again; other callers are not
// affected, and the wait ends when the window has passed.
import { afterEach, describe, expect, it } from 'vitest';
import { createInvite, createOrg, createTestServer, interviewEvents, joinDevice, json, push, signIn, type TestServer } from '../test-support/fixtures.ts';

let server: TestServer;
let now: Date;
afterEach(() => server?.cleanup());

async function start(app: NonNullable<Parameters<typeof createTestServer>[0]>['app'] = {}) {
  now = new Date('2026-11-20T10:00:00Z');
  server = await createTestServer({ now: () => now, app: { trustProxy: 1, ...app } });
}

const from = (ip: string) => ({ 'x-forwarded-for': ip });

async function expectLimited(response: Response, message: RegExp): Promise<number> {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(0);
  expect(await response.json()).toEqual({ error: { code: 'rate_limited', message: expect.stringMatching(message) } });
  return retryAfter;
}

describe('rate limits', () => {
  it('limits sign-in attempts per client IP (X-Forwarded-For only because TRUST_PROXY is set)', async () => {
    await start();
    const attempt = (i: number, ip: string) => server.app.request('/api/interviewer/sign-in', json({ v: 1, email: `guess-${i}@acme.test`, password: 'guessing away' }, from(ip)));
    for (let i = 0; i < 30; i++) expect((await attempt(i, '203.0.113.7')).status).toBe(401);
    const retryAfter = await expectLimited(await attempt(30, '203.0.113.7'), /Too many sign-in attempts from your network\. Wait \d+ seconds/);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Someone else is not affected.
    expect((await attempt(31, '198.51.100.2')).status).toBe(401);
    now = new Date(now.getTime() + 60_000);
    expect((await attempt(32, '203.0.113.7')).status).toBe(401);
  });

  it('limits redeeming invite codes per client IP', async () => {
    await start();
    const guess = (ip: string) => server.app.request('/api/devices/redeem', json({ v: 1, inviteCode: 'ZZZZZ-ZZZZZ', deviceId: 'guesser', candidateName: 'G' }, from(ip)));
    for (let i = 0; i < 60; i++) expect((await guess('203.0.113.8')).status).toBe(404);
    await expectLimited(await guess('203.0.113.8'), /Too many invite codes tried from your network/);
    expect((await guess('198.51.100.3')).status).toBe(404);
  });

  it('limits invitation links per client IP', async () => {
    await start();
    const look = () => server.app.request('/api/interviewer/invitations/inspect', json({ v: 1, token: `inv_${'B'.repeat(43)}` }, from('203.0.113.9')));
    for (let i = 0; i < 20; i++) expect((await look()).status).toBe(404);
    await expectLimited(await look(), /Too many tries with invitation links/);
  });

  it('limits sync per device, not per organisation', async () => {
    await start({ deviceSyncPerMinute: 3 });
    await createOrg(server, 'Acme', 'ada@acme.test');
    const cookie = await signIn(server, 'ada@acme.test');
    const first = await joinDevice(server, await createInvite(server, cookie), 'device-1');
    const second = await joinDevice(server, await createInvite(server, cookie), 'device-2');
    for (let i = 0; i < 3; i++) expect((await push(server, first, 'device-1', interviewEvents(`iv-${i}`, 1 + i * 10, 1))).status).toBe(200);
    const retryAfter = await expectLimited(await push(server, first, 'device-1', interviewEvents('iv-x', 100, 1)), /syncing faster than the server allows/);
    expect(retryAfter).toBe(60);
    expect((await push(server, second, 'device-2', interviewEvents('iv-y', 1, 1))).status).toBe(200);
    // Pulls have their own count.
    expect((await server.app.request('/api/sync/pull', { headers: { authorization: `Bearer ${first}` } })).status).toBe(200);
    now = new Date(now.getTime() + 60_000);
    expect((await push(server, first, 'device-1', interviewEvents('iv-x', 100, 1))).status).toBe(200);
  });

  it('limits the interviewer API per user', async () => {
    await start();
    await createOrg(server, 'Acme', 'ada@acme.test');
    const ada = await signIn(server, 'ada@acme.test');
    const me = (cookie: string) => server.app.request('/api/interviewer/me', { headers: { cookie } });
    // Signing in used none of this user's budget.
    for (let i = 0; i < 600; i++) {
      const response = await me(ada);
      if (response.status !== 200) throw new Error(`request ${i}: ${response.status}`);
    }
    await expectLimited(await me(ada), /faster than the server allows/);
    await createOrg(server, 'Globex', 'gus@globex.test');
    expect((await me(await signIn(server, 'gus@globex.test'))).status).toBe(200);
  });
});
