import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashToken } from '../auth/tokens.ts';
import { cookiesOf, createInvite, createOrg, createTestServer, joinDevice, json, PASSWORD, queryRaw, signIn, type TestServer } from '../test-support/fixtures.ts';

let now = new Date('2026-11-20T10:00:00Z');
let server: TestServer;
beforeEach(async () => {
  now = new Date('2026-11-20T10:00:00Z');
  server = await createTestServer({ now: () => now });
});
afterEach(() => server.cleanup());

describe('interviewer sign-in', () => {
  it('signs in with hardened, path-scoped session cookies, and signs out', async () => {
    await createOrg(server, 'Acme', 'ada@acme.test');
    const response = await server.app.request('/api/interviewer/sign-in', json({ v: 1, email: 'ADA@acme.test', password: PASSWORD }));
    expect(response.status).toBe(200);
    const cookies = Object.fromEntries(response.headers.getSetCookie().map((line) => [line.split('=')[0]!, line]));
    expect(cookies.ib_access).toMatch(/^ib_access=acc_[\w-]{43}; Path=\/api; Expires=[^;]+; HttpOnly; SameSite=Strict$/);
    // The refresh token goes only to the refresh route, so it never travels with other requests.
    expect(cookies.ib_refresh).toMatch(/^ib_refresh=ref_[\w-]{43}; Path=\/api\/interviewer\/refresh; Expires=[^;]+; HttpOnly; SameSite=Strict$/);
    // The CSRF token is readable by the page (not HttpOnly), which echoes it in X-IB-CSRF.
    expect(cookies.ib_csrf).toMatch(/^ib_csrf=csrf_[\w-]{43}; Path=\/; Expires=[^;]+; SameSite=Strict$/);
    const session = cookiesOf(response);
    const me = await server.app.request('/api/interviewer/me', { headers: { cookie: session } });
    expect(((await me.json()) as { org: { name: string } }).org.name).toBe('Acme');
    expect(me.headers.get('cache-control')).toBe('no-store');

    const out = await server.app.request('/api/interviewer/sign-out', json({ v: 1 }, { cookie: session }));
    expect(out.status).toBe(200);
    expect(out.headers.getSetCookie().map((line) => line.split('=')[0])).toEqual(['ib_access', 'ib_refresh', 'ib_csrf']);
    const after = await server.app.request('/api/interviewer/me', { headers: { cookie: session } });
    expect(after.status).toBe(401);
    // Signing out ended the whole session: its refresh token is dead too.
    const refresh = await server.app.request('/api/interviewer/refresh', json({ v: 1 }, { cookie: session }));
    expect(refresh.status).toBe(401);
  });

  it('marks the cookies Secure when the browser came over https', async () => {
    await createOrg(server, 'Acme', 'ada@acme.test');
    const plain = await server.app.request('/api/interviewer/sign-in', json({ v: 1, email: 'ada@acme.test', password: PASSWORD }));
    expect(plain.headers.getSetCookie().some((line) => /Secure/.test(line))).toBe(false);
    const direct = await server.app.request('https://ib.example/api/interviewer/sign-in', json({ v: 1, email: 'ada@acme.test', password: PASSWORD }));
    expect(direct.headers.getSetCookie().every((line) => /; Secure/.test(line))).toBe(true);
    const proxied = await server.app.request(
      '/api/interviewer/sign-in',
      json({ v: 1, email: 'ada@acme.test', password: PASSWORD }, { 'x-forwarded-proto': 'https' }),
    );
    expect(proxied.headers.getSetCookie().every((line) => /; Secure/.test(line))).toBe(true);
  });

  it('gives one generic message for a wrong email or a wrong password', async () => {
    await createOrg(server, 'Acme', 'ada@acme.test');
    const wrongPassword = await server.app.request('/api/interviewer/sign-in', json({ v: 1, email: 'ada@acme.test', password: 'nope nope nope' }));
    const wrongEmail = await server.app.request('/api/interviewer/sign-in', json({ v: 1, email: 'bob@acme.test', password: PASSWORD }));
    expect(wrongPassword.status).toBe(401);
    expect(wrongEmail.status).toBe(401);
    expect(await wrongPassword.json()).toEqual(await wrongEmail.json());
  });

  it('expires access tokens after 15 minutes (refreshable), and whole sessions after their lifetime', async () => {
    await createOrg(server, 'Acme', 'ada@acme.test');
    const cookie = await signIn(server, 'ada@acme.test');
    now = new Date(now.getTime() + 15 * 60_000);
    const stale = await server.app.request('/api/interviewer/me', { headers: { cookie } });
    expect(stale.status).toBe(401);
    expect(((await stale.json()) as { error: { code: string } }).error.code).toBe('expired');
    now = new Date(now.getTime() + 3_600_001);
    const refresh = await server.app.request('/api/interviewer/refresh', json({ v: 1 }, { cookie }));
    expect(refresh.status).toBe(401);
    expect(((await refresh.json()) as { error: { code: string } }).error.code).toBe('signed_out');
  });

  it('refuses state changes that are not JSON (CSRF guard)', async () => {
    await createOrg(server, 'Acme', 'ada@acme.test');
    const cookie = await signIn(server, 'ada@acme.test');
    const form = await server.app.request('/api/interviewer/invites', {
      method: 'POST',
      body: 'v=1',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
  });
});

describe('invite codes', () => {
  it('admits as many devices as the code allows, then says to ask for a new one', async () => {
    await createOrg(server, 'Acme', 'ada@acme.test');
    const cookie = await signIn(server, 'ada@acme.test');
    const code = await createInvite(server, cookie, { maxUses: 2, label: 'Spring cohort' });
    await joinDevice(server, code.toLowerCase().replace('-', ' '), 'device-1');
    await joinDevice(server, code, 'device-2');
    const third = await server.app.request('/api/devices/redeem', json({ v: 1, inviteCode: code, deviceId: 'device-3', candidateName: 'Eve' }));
    expect(third.status).toBe(400);
    expect(((await third.json()) as { error: { message: string } }).error.message).toMatch(/ask your interviewer for a new one/i);
    const list = (await (await server.app.request('/api/interviewer/invites', { headers: { cookie } })).json()) as {
      invites: Record<string, unknown>[];
    };
    expect(list.invites).toEqual([expect.objectContaining({ uses: 2, maxUses: 2, label: 'Spring cohort' })]);
    // Shown once at creation; afterwards the server only has its hash.
    expect(list.invites[0]).not.toHaveProperty('code');
    expect(JSON.stringify(await queryRaw(server, 'SELECT * FROM invites'))).not.toContain(code);
    expect(await queryRaw(server, 'SELECT code_hash FROM invites')).toEqual([{ code_hash: hashToken(code) }]);
  });

  it('lets the same device re-join without using a slot, and revokes its old token', async () => {
    await createOrg(server, 'Acme', 'ada@acme.test');
    const cookie = await signIn(server, 'ada@acme.test');
    const code = await createInvite(server, cookie);
    const oldToken = await joinDevice(server, code, 'device-1');
    const newToken = await joinDevice(server, code, 'device-1');
    expect(newToken).not.toBe(oldToken);
    const old = await server.app.request('/api/sync/pull', { headers: { authorization: `Bearer ${oldToken}` } });
    expect(old.status).toBe(401);
  });

  it('refuses expired and unknown codes', async () => {
    await createOrg(server, 'Acme', 'ada@acme.test');
    const cookie = await signIn(server, 'ada@acme.test');
    const code = await createInvite(server, cookie, { expiresInDays: 1 });
    now = new Date(now.getTime() + 2 * 86_400_000);
    const expired = await server.app.request('/api/devices/redeem', json({ v: 1, inviteCode: code, deviceId: 'd', candidateName: 'Eve' }));
    expect(expired.status).toBe(400);
    const unknown = await server.app.request('/api/devices/redeem', json({ v: 1, inviteCode: 'ZZZZZ-ZZZZZ', deviceId: 'd', candidateName: 'Eve' }));
    expect(unknown.status).toBe(404);
  });

  it('cannot be created or listed without signing in', async () => {
    const response = await server.app.request('/api/interviewer/invites', json({ v: 1 }));
    expect(response.status).toBe(401);
  });
});

describe('the API surface', () => {
  it('answers health, unknown routes as JSON 404, and sets security headers', async () => {
    const health = await server.app.request('/api/health');
    expect(await health.json()).toMatchObject({ ok: true, db: 'ok' });
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');
    const missing = await server.app.request('/api/nope');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('no_such_route');
  });

  it('validates every body and names what is wrong', async () => {
    await createOrg(server, 'Acme', 'ada@acme.test');
    const cookie = await signIn(server, 'ada@acme.test');
    const cases: [string, unknown, Record<string, string>, string][] = [
      ['/api/interviewer/sign-in', { v: 1, email: 'not-an-email', password: 'x' }, {}, 'email'],
      ['/api/devices/redeem', { v: 1, inviteCode: 'ABCDE-FGHJK', deviceId: 'd' }, {}, 'candidateName'],
      ['/api/interviewer/invites', { v: 1, maxUses: 0 }, { cookie }, 'maxUses'],
    ];
    for (const [path, body, headers, field] of cases) {
      const response = await server.app.request(path, json(body, headers));
      expect(response.status, path).toBe(400);
      const error = ((await response.json()) as { error: { code: string; issues: { path: string; message: string }[] } }).error;
      expect(error.code).toBe('invalid_request');
      expect(error.issues.map((issue) => issue.path)).toContain(field);
    }
    const noVersion = await server.app.request('/api/devices/redeem', json({ inviteCode: 'ABCDE-FGHJK', deviceId: 'd', candidateName: 'E' }));
    expect(((await noVersion.json()) as { error: { message: string } }).error.message).toMatch(/update/i);
  });

  it('reports an unreachable database as 503', async () => {
    await server.store.close();
    const health = await server.app.request('/api/health');
    expect(health.status).toBe(503);
  });
});
