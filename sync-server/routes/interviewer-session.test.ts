// Interviewer sessions end to end through the app on a real database: refresh rotation, reuse
// detection, CSRF on every state change, lockout after repeated failed sign-ins, disabled accounts,
// and purging what has expired.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHousekeeping } from '../housekeeping.ts';
import { CSRF_HEADER } from '../protocol/index.ts';
import { cookiesOf, cookieValue, createOrg, createTestServer, json, PASSWORD, queryRaw, signIn, type TestServer } from '../test-support/fixtures.ts';
import { FIRST_LOCKOUT_MS, FREE_FAILURES } from '../auth/sign-in-lockout.ts';

let now: Date;
let server: TestServer;
beforeEach(async () => {
  now = new Date('2026-11-20T10:00:00Z');
  server = await createTestServer({ now: () => now });
  await createOrg(server, 'Acme', 'ada@acme.test');
});
afterEach(() => server.cleanup());

const minutes = (n: number) => (now = new Date(now.getTime() + n * 60_000));

async function errorOf(response: Response): Promise<{ code: string; message: string }> {
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

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

const refresh = (cookie: string, headers: Record<string, string> = {}) => server.app.request('/api/interviewer/refresh', json({ v: 1 }, { cookie, ...headers }));
const me = (cookie: string) => server.app.request('/api/interviewer/me', { headers: { cookie } });
const signInAttempt = (email: string, password: string) => server.app.request('/api/interviewer/sign-in', json({ v: 1, email, password }));

describe('refresh rotation', () => {
  it('trades a refresh token for new tokens, each refresh token once', async () => {
    const first = await signIn(server, 'ada@acme.test');
    minutes(16);
    expect((await errorOf(await me(first))).code).toBe('expired');
    const rotated = await refresh(first);
    expect(rotated.status).toBe(200);
    expect(rotated.headers.get('cache-control')).toBe('no-store');
    const second = jar(first, rotated);
    expect(cookieValue(second, 'ib_access')).not.toBe(cookieValue(first, 'ib_access'));
    expect(cookieValue(second, 'ib_refresh')).not.toBe(cookieValue(first, 'ib_refresh'));
    // The CSRF token belongs to the session and stays.
    expect(cookieValue(second, 'ib_csrf')).toBe(cookieValue(first, 'ib_csrf'));
    expect((await me(second)).status).toBe(200);
    // Only hashes are stored.
    const stored = JSON.stringify(await queryRaw(server, 'SELECT * FROM auth_tokens'));
    for (const name of ['ib_access', 'ib_refresh']) expect(stored).not.toContain(cookieValue(second, name)!);
  });

  it('revokes the whole session when a used refresh token comes back, and logs it', async () => {
    const stolen = await signIn(server, 'ada@acme.test');
    // The real user refreshes; later someone replays the copy they took before.
    const legit = jar(stolen, await refresh(stolen));
    const replay = await refresh(stolen);
    expect(replay.status).toBe(401);
    expect(await errorOf(replay)).toMatchObject({ code: 'session_revoked', message: expect.stringMatching(/used twice/) });
    expect(replay.headers.getSetCookie().map((line) => line.split('=')[0])).toEqual(['ib_access', 'ib_refresh', 'ib_csrf']);
    // Both the thief's and the real user's tokens are now dead: the family is revoked.
    expect((await me(legit)).status).toBe(401);
    expect((await refresh(legit)).status).toBe(401);
    const entries = await queryRaw<{ action: string; actor_type: string; detail: string }>(server, "SELECT action, actor_type, detail FROM audit_log WHERE action = 'session.refresh_reused'");
    expect(entries).toHaveLength(1);
    expect(entries[0]!.actor_type).toBe('user');
    expect(await queryRaw(server, "SELECT revoked_reason FROM auth_sessions WHERE revoked_at IS NOT NULL")).toEqual([{ revoked_reason: 'refresh_reused' }]);
    // A new sign-in is a new, unaffected session.
    expect((await me(await signIn(server, 'ada@acme.test'))).status).toBe(200);
  });

  it('refuses a refresh without the session CSRF token and does not spend the token', async () => {
    const cookie = await signIn(server, 'ada@acme.test');
    const bare = await server.app.request('/api/interviewer/refresh', {
      method: 'POST',
      body: JSON.stringify({ v: 1 }),
      headers: { cookie, 'content-type': 'application/json' },
    });
    expect(bare.status).toBe(403);
    expect((await errorOf(bare)).code).toBe('csrf_failed');
    const wrong = await refresh(cookie, { [CSRF_HEADER]: 'csrf_guessed' });
    expect(wrong.status).toBe(403);
    expect((await refresh(cookie)).status).toBe(200);
  });

  it('answers signed_out without a refresh cookie', async () => {
    const response = await server.app.request('/api/interviewer/refresh', json({ v: 1 }));
    expect(response.status).toBe(401);
    expect((await errorOf(response)).code).toBe('signed_out');
  });
});

describe('CSRF', () => {
  it('refuses a state change in a session without the X-IB-CSRF header, or with a wrong one', async () => {
    const cookie = await signIn(server, 'ada@acme.test');
    const post = (headers: Record<string, string>) =>
      server.app.request('/api/interviewer/invites', { method: 'POST', body: JSON.stringify({ v: 1 }), headers: { 'content-type': 'application/json', cookie, ...headers } });
    const attempts: Record<string, string>[] = [{}, { [CSRF_HEADER]: 'csrf_not-the-one' }];
    for (const headers of attempts) {
      const response = await post(headers);
      expect(response.status).toBe(403);
      expect(await errorOf(response)).toMatchObject({ code: 'csrf_failed', message: expect.stringMatching(/Reload the page/) });
    }
    expect((await post({ [CSRF_HEADER]: cookieValue(cookie, 'ib_csrf')! })).status).toBe(201);
    expect(await queryRaw(server, 'SELECT count(*) AS n FROM invites')).toEqual([{ n: 1 }]);
  });

  it('refuses cross-site state changes, sign-in included, whatever tokens they carry', async () => {
    const cookie = await signIn(server, 'ada@acme.test');
    const crossSite = await server.app.request('/api/interviewer/invites', json({ v: 1 }, { cookie, 'sec-fetch-site': 'cross-site' }));
    expect(crossSite.status).toBe(403);
    expect((await errorOf(crossSite)).code).toBe('cross_site');
    const foreignOrigin = await server.app.request('http://ib.example/api/interviewer/sign-in', json({ v: 1, email: 'ada@acme.test', password: PASSWORD }, { origin: 'https://evil.example' }));
    expect(foreignOrigin.status).toBe(403);
    const ownOrigin = await server.app.request('http://ib.example/api/interviewer/sign-in', json({ v: 1, email: 'ada@acme.test', password: PASSWORD }, { origin: 'http://ib.example', 'sec-fetch-site': 'same-origin' }));
    expect(ownOrigin.status).toBe(200);
  });
});

describe('sign-in lockout', () => {
  it('locks an email out after repeated failures, with a growing Retry-After, and a success clears the count', async () => {
    for (let attempt = 1; attempt < FREE_FAILURES; attempt++) expect((await signInAttempt('ada@acme.test', 'wrong password')).status).toBe(401);
    const locking = await signInAttempt('ada@acme.test', 'wrong password');
    expect(locking.status).toBe(429);
    expect(locking.headers.get('retry-after')).toBe(String(FIRST_LOCKOUT_MS / 1000));
    expect(await errorOf(locking)).toMatchObject({ code: 'sign_in_locked', message: expect.stringMatching(/Try again in 30 seconds/) });
    // While locked, even the right password is refused.
    const locked = await signInAttempt('ada@acme.test', PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);

    now = new Date(now.getTime() + FIRST_LOCKOUT_MS);
    const again = await signInAttempt('ada@acme.test', 'still wrong');
    expect(again.status).toBe(429);
    expect(again.headers.get('retry-after')).toBe(String((2 * FIRST_LOCKOUT_MS) / 1000));

    now = new Date(now.getTime() + 2 * FIRST_LOCKOUT_MS);
    expect((await signInAttempt('ada@acme.test', PASSWORD)).status).toBe(200);
    // The count started again: one more failure is not a lockout.
    expect((await signInAttempt('ada@acme.test', 'wrong password')).status).toBe(401);

    const actions = (await queryRaw<{ action: string }>(server, 'SELECT action FROM audit_log ORDER BY at, id')).map((row) => row.action);
    expect(actions.filter((action) => action === 'sign_in.failed')).toHaveLength(FREE_FAILURES + 2);
    expect(actions.filter((action) => action === 'sign_in.locked')).toHaveLength(2);
    expect(actions.filter((action) => action === 'sign_in.succeeded')).toHaveLength(1);
  });

  it('locks unknown emails the same way, so a lockout does not reveal an account', async () => {
    const answers: number[] = [];
    for (let attempt = 0; attempt < FREE_FAILURES; attempt++) answers.push((await signInAttempt('nobody@acme.test', 'whatever')).status);
    expect(answers).toEqual([...Array(FREE_FAILURES - 1).fill(401), 429]);
    // Another email from the same place is not affected.
    expect((await signInAttempt('ada@acme.test', PASSWORD)).status).toBe(200);
  });
});

describe('disabled accounts', () => {
  it('cannot sign in, and were signed out at once', async () => {
    const { org } = (await createOrg(server, 'Globex', 'gus@globex.test'));
    const bob = await server.store.createUser({ orgId: org.id, email: 'bob@globex.test', name: 'Bob', role: 'interviewer', passwordHash: (await server.store.findUserByEmail('gus@globex.test'))!.passwordHash });
    const bobSession = await signIn(server, 'bob@globex.test');
    const changed = await server.store.setUserDisabled({ orgId: org.id, userId: bob.id, disabled: true, now: now.toISOString() });
    expect(changed.ok).toBe(true);
    expect((await me(bobSession)).status).toBe(401);
    expect((await refresh(bobSession)).status).toBe(401);
    const refused = await signInAttempt('bob@globex.test', PASSWORD);
    expect(refused.status).toBe(403);
    expect((await errorOf(refused)).code).toBe('account_disabled');
    // A wrong password gets the generic answer: being disabled is said only to who knows the password.
    expect((await errorOf(await signInAttempt('bob@globex.test', 'wrong password'))).code).toBe('bad_credentials');
  });
});

describe('purging what has expired', () => {
  it('deletes ended sessions with their tokens, spent access tokens and stale failure counts, and keeps live sessions', async () => {
    const ended = await signIn(server, 'ada@acme.test');
    await signInAttempt('ada@acme.test', 'wrong password');
    minutes(30);
    const live = await signIn(server, 'ada@acme.test');
    // The first session (1 hour) has ended; the second has 30 minutes left but its access token is spent.
    minutes(45);
    const housekeeping = startHousekeeping(server.store, { clock: () => now, intervalMs: 3_600_000 });
    await housekeeping.runNow();
    await housekeeping.stop();
    expect(await queryRaw(server, 'SELECT count(*) AS n FROM auth_sessions')).toEqual([{ n: 1 }]);
    expect(await queryRaw(server, 'SELECT kind FROM auth_tokens')).toEqual([{ kind: 'refresh' }]);
    expect((await refresh(ended)).status).toBe(401);
    expect((await refresh(live)).status).toBe(200);
    minutes(24 * 60);
    await server.store.purgeExpired(now.toISOString());
    expect(await queryRaw(server, 'SELECT count(*) AS n FROM sign_in_failures')).toEqual([{ n: 0 }]);
    expect(await queryRaw(server, 'SELECT count(*) AS n FROM auth_sessions')).toEqual([{ n: 0 }]);
  });
});

describe('sign-out', () => {
  it('needs the CSRF token, and ends only its own session', async () => {
    const laptop = await signIn(server, 'ada@acme.test');
    const phone = await signIn(server, 'ada@acme.test');
    const forged = await server.app.request('/api/interviewer/sign-out', { method: 'POST', body: '{"v":1}', headers: { cookie: laptop, 'content-type': 'application/json' } });
    expect(forged.status).toBe(403);
    expect((await me(laptop)).status).toBe(200);
    const out = await server.app.request('/api/interviewer/sign-out', json({ v: 1 }, { cookie: laptop }));
    expect(jar(laptop, out)).toBe('');
    expect((await me(laptop)).status).toBe(401);
    expect((await me(phone)).status).toBe(200);
    expect(cookiesOf(out)).toBe('');
  });
});
