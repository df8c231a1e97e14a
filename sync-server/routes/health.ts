import { Hono } from 'hono';
import type { Store } from '../db/store.ts';

export function healthRoutes(store: Store, version: string) {
  return new Hono().get('/health', async (c) => {
    try {
      await store.ping();
      return c.json({ ok: true, db: 'ok', version });
    } catch (error) {
      console.error('health check: database unreachable:', error instanceof Error ? error.message : error);
      return c.json({ ok: false, db: 'unreachable', version }, 503);
    }
  });
}
