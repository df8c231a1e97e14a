import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { handleError } from '../../errors.ts';
import { jsonOnly } from './json-only.ts';

function appWithJsonOnly() {
  const app = new Hono().use('*', jsonOnly()).all('/thing', (c) => c.json({ ok: true }));
  app.onError(handleError);
  return app;
}

describe('jsonOnly', () => {
  it('lets reads through whatever their content type', async () => {
    expect((await appWithJsonOnly().request('/thing')).status).toBe(200);
  });

  it('lets JSON state changes through, charset or not', async () => {
    const app = appWithJsonOnly();
    for (const type of ['application/json', 'application/json; charset=utf-8', 'Application/JSON']) {
      const response = await app.request('/thing', { method: 'POST', body: '{}', headers: { 'content-type': type } });
      expect(response.status, type).toBe(200);
    }
  });

  it('refuses what a cross-site form can send', async () => {
    const app = appWithJsonOnly();
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain', '']) {
      const response = await app.request('/thing', { method: 'POST', body: 'v=1', headers: type ? { 'content-type': type } : {} });
      expect(response.status, type).toBe(415);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('json_required');
    }
  });
});
