import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { hashToken } from '../../auth/tokens.ts';
import type { AccessLookup, User } from '../../db/store.ts';
import { handleError } from '../../errors.ts';
import { ACCESS_COOKIE } from '../../protocol/index.ts';
import { adminOnly, sessionAuth, type SessionEnv } from './session-auth.ts';

const admin: User = { id: 'u1', orgId: 'o1', email: 'ada@acme.test', name: 'Ada', role: 'admin', passwordHash: 'x', disabledAt: null };
const interviewer: User = { ...admin, id: 'u2', role: 'interviewer' };
const EXPIRES = '2026-11-20T12:00:00.000Z';

function appWithSessions(now: () => Date) {
  const tokens: Record<string, User> = { [hashToken('tok-admin')]: admin, [hashToken('tok-interviewer')]: interviewer };
  const store = {
    findAccessSession: async (hash: string, at: string): Promise<AccessLookup> => {
      const user = tokens[hash];
      if (!user) return { ok: false, reason: 'unknown' };
      if (at >= EXPIRES) return { ok: false, reason: 'expired' };
      return { ok: true, session: { id: 's', user, csrfHash: 'c', expiresAt: EXPIRES }, accessExpiresAt: EXPIRES };
    },
  };
  const app = new Hono<SessionEnv>()
    .use('*', sessionAuth(store, now))
    .get('/me', (c) => c.json({ id: c.get('user').id }))
    .get('/admin', adminOnly(), (c) => c.json({ ok: true }));
  app.onError(handleError);
  return app;
}

const withToken = (token: string) => ({ headers: { cookie: `${ACCESS_COOKIE}=${token}` } });

describe('sessionAuth', () => {
  it('finds the user of a live access token', async () => {
    const app = appWithSessions(() => new Date('2026-11-20T11:00:00Z'));
    const response = await app.request('/me', withToken('tok-admin'));
    expect(await response.json()).toEqual({ id: 'u1' });
  });

  it('says signed_out for a missing or unknown token, and expired for an expired one (so the page refreshes)', async () => {
    let now = new Date('2026-11-20T11:00:00Z');
    const app = appWithSessions(() => now);
    const missing = await app.request('/me');
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('signed_out');
    expect((await app.request('/me', withToken('tok-other'))).status).toBe(401);
    now = new Date(EXPIRES);
    const expired = await app.request('/me', withToken('tok-admin'));
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as { error: { code: string } }).error.code).toBe('expired');
  });

  it('lets only admins through adminOnly', async () => {
    const app = appWithSessions(() => new Date('2026-11-20T11:00:00Z'));
    expect((await app.request('/admin', withToken('tok-admin'))).status).toBe(200);
    const refused = await app.request('/admin', withToken('tok-interviewer'));
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('admin_only');
  });
});
