import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { hashToken } from '../../auth/tokens.ts';
import type { User } from '../../db/store.ts';
import { handleError } from '../../errors.ts';
import { SESSION_COOKIE, sessionAuth, type SessionEnv } from './session-auth.ts';

const user: User = { id: 'u1', orgId: 'o1', email: 'ada@acme.test', name: 'Ada', role: 'admin', passwordHash: 'x' };
const TOKEN = 'ses_token';
const EXPIRES = '2026-11-20T12:00:00.000Z';

function appWithSession(now: () => Date) {
  const store = {
    findSessionUser: async (hash: string, at: string) => (hash === hashToken(TOKEN) && at < EXPIRES ? user : null),
  };
  const app = new Hono<SessionEnv>().use('*', sessionAuth(store, now)).get('/me', (c) => c.json({ id: c.get('user').id }));
  app.onError(handleError);
  return app;
}

describe('sessionAuth', () => {
  it('finds the user of a live session cookie', async () => {
    const app = appWithSession(() => new Date('2026-11-20T11:00:00Z'));
    const response = await app.request('/me', { headers: { cookie: `${SESSION_COOKIE}=${TOKEN}` } });
    expect(await response.json()).toEqual({ id: 'u1' });
  });

  it('treats a missing, unknown or expired session as signed out', async () => {
    let now = new Date('2026-11-20T11:00:00Z');
    const app = appWithSession(() => now);
    expect((await app.request('/me')).status).toBe(401);
    expect((await app.request('/me', { headers: { cookie: `${SESSION_COOKIE}=ses_other` } })).status).toBe(401);
    now = new Date(EXPIRES);
    const expired = await app.request('/me', { headers: { cookie: `${SESSION_COOKIE}=${TOKEN}` } });
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as { error: { message: string } }).error.message).toMatch(/sign in again/i);
  });
});
