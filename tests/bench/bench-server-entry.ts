// The server the bench runs: the real app (createApp, on the store and settings from the environment,
// as bootstrap.ts builds it, without the AI gateway and model mirror, which the bench does not touch)
// plus a bare Hono route (/bench/bare) that does no work, for a baseline of what this process can
// serve at all. For the bench only: the production entry is sync-server/main.ts.
// The interviewer API allows each user 10 requests a second; the bench reads as if each of its
// connections were an interviewer of their own, so the per-user limit is still counted (its cost is
// measured) but keyed per connection-sized slot rather than for the one signed-in user.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createApp } from '../../sync-server/app.ts';
import { readConfig } from '../../sync-server/config.ts';
import { openStore } from '../../sync-server/db/open-store.ts';
import { MemoryRateLimiter, type RateLimiter } from '../../sync-server/shared-state/rate-limiter.ts';

const READERS = 1000;
const memory = new MemoryRateLimiter();
let reader = 0;
const limiter: RateLimiter = {
  take: (key, rules) => memory.take(key.startsWith('interviewer:user:') ? `${key}:${reader++ % READERS}` : key, rules),
};

const config = readConfig(process.env);
const store = await openStore(config);
const api = createApp({
  store,
  maxBodyBytes: config.maxBodyBytes,
  sessionTtlMs: config.sessionTtlMs,
  accessTtlMs: config.accessTtlMs,
  trustProxy: config.trustProxy,
  deviceSyncPerMinute: config.deviceSyncPerMinute,
  limiter,
  // BENCH_CACHES=off: the bench's second process, whose reads all go to the database.
  caches: process.env.BENCH_CACHES !== 'off',
});
const server = new Hono();
server.get('/bench/bare', (c) => c.text('ok'));
server.route('/', api);
const listener = serve({ fetch: server.fetch, port: config.port, hostname: config.host }, (info) => console.info(`bench server on http://localhost:${info.port}`));
if ('keepAliveTimeout' in listener) {
  listener.keepAliveTimeout = 65_000;
  listener.headersTimeout = 66_000;
}
process.on('SIGTERM', () => {
  if ('closeAllConnections' in listener) listener.closeAllConnections();
  listener.close(() => void store.close().then(() => process.exit(0)));
});
