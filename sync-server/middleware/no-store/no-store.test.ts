import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { ApiError, handleError } from '../../errors.ts';
import { noStore } from './no-store.ts';

describe('noStore', () => {
  it('marks answers and errors no-store, keeping their body and other headers', async () => {
    const app = new Hono()
      .use('*', noStore())
      .get('/ok', (c) => c.json({ a: 1 }, 200, { 'x-other': 'kept' }))
      .get('/fails', () => {
        throw new ApiError(404, 'not_found', 'Nothing here.');
      });
    app.onError(handleError);
    const ok = await app.request('/ok');
    expect(ok.headers.get('cache-control')).toBe('no-store');
    expect(ok.headers.get('x-other')).toBe('kept');
    expect(await ok.json()).toEqual({ a: 1 });
    const fails = await app.request('/fails');
    expect(fails.status).toBe(404);
    expect(fails.headers.get('cache-control')).toBe('no-store');
  });
});
