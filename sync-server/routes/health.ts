import { Hono } from 'hono';
import type { Store } from '../db/store.ts';
import type { SharedStateHealth } from '../shared-state/shared-state.ts';

// 503 when the database or a configured Redis does not answer, so a load balancer stops sending here.
export function healthRoutes(store: Store, version: string, sharedStateHealth: () => Promise<SharedStateHealth> = async () => 'not-configured') {
  return new Hono().get('/health', async (c) => {
    const redis = await sharedStateHealth().catch((): SharedStateHealth => 'unreachable');
    let db: 'ok' | 'unreachable' = 'ok';
    try {
      await store.ping();
    } catch (error) {
      console.error('health check: database unreachable:', error instanceof Error ? error.message : error);
      db = 'unreachable';
    }
    if (redis === 'unreachable') console.error('health check: Redis (REDIS_URL) unreachable');
    const ok = db === 'ok' && redis !== 'unreachable';
    return c.json({ ok, db, redis, version }, ok ? 200 : 503);
  });
}
