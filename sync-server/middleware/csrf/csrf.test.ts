import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { hashToken } from '../../auth/tokens.ts';
import type { User } from '../../db/store.ts';
import { handleError } from '../../errors.ts';
import { CSRF_HEADER } from '../../protocol/index.ts';
import type { SessionEnv } from '../session-auth/session-auth.ts';
import { csrfToken, sameOriginOnly } from './csrf.ts';

const user: User = { id: 'u1', orgId: 'o1', email: 'ada@acme.test', name: 'Ada', role: 'admin', passwordHash: 'x', disabledAt: null };

function guarded() {
  const app = new Hono<SessionEnv>()
    .use('*', sameOriginOnly())
    .use('*', async (c, next) => {
      c.set('session', { id: 's', user, csrfHash: hashToken('the-token'), expiresAt: '2099-01-01T00:00:00.000Z' });
      await next();
    })
    .use('*', csrfToken())
    .get('/read', (c) => c.json({ ok: true }))
    .post('/change', (c) => c.json({ ok: true }));
  app.onError(handleError);
  return app;
}

async function codeOf(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

describe('CSRF guards', () => {
  it('lets a same-origin state change with the session token through', async () => {
    const response = await guarded().request('http://ib.example/change', {
      method: 'POST',
      headers: { 'sec-fetch-site': 'same-origin', origin: 'http://ib.example', [CSRF_HEADER]: 'the-token' },
    });
    expect(response.status).toBe(200);
  });

  it('refuses a state change without the token, or with another one', async () => {
    const attempts: Record<string, string>[] = [{}, { [CSRF_HEADER]: 'guessed' }, { [CSRF_HEADER]: '' }];
    for (const headers of attempts) {
      const response = await guarded().request('/change', { method: 'POST', headers });
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(await codeOf(response)).toBe('csrf_failed');
    }
  });

  it('refuses a state change from another site, whatever it carries', async () => {
    const forged: Record<string, string>[] = [
      { 'sec-fetch-site': 'cross-site', [CSRF_HEADER]: 'the-token' },
      { 'sec-fetch-site': 'same-site', [CSRF_HEADER]: 'the-token' },
      { origin: 'https://evil.example', [CSRF_HEADER]: 'the-token' },
      { origin: 'null', [CSRF_HEADER]: 'the-token' },
    ];
    for (const headers of forged) {
      const response = await guarded().request('http://ib.example/change', { method: 'POST', headers });
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(await codeOf(response)).toBe('cross_site');
    }
  });

  it('leaves reads alone', async () => {
    expect((await guarded().request('/read', { headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(200);
  });
});
