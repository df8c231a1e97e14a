// The one server process: the API under /api and the built PWA from dist/, on PORT.
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join, relative, resolve } from 'node:path';
import { Hono } from 'hono';
import { createAppFromEnv } from './bootstrap.ts';
import { readModelsConfig } from './config.ts';
import { startHousekeeping } from './housekeeping.ts';
import { pageSecurityHeaders } from './security/page-headers.ts';

// These must never be cached by the browser's HTTP cache, or an update would never reach the
// service worker; everything under /assets/ has a content hash in its name and can be cached forever.
const NO_CACHE = new Set(['/index.html', '/sw.js', '/manifest.webmanifest', '/registerSW.js']);
// How long SIGTERM waits for requests in flight; under the 30 s orchestrators commonly allow.
const SHUTDOWN_GRACE_MS = 25_000;

async function main(): Promise<void> {
  const { app: api, config, store, close, endStreams } = await createAppFromEnv();
  const housekeeping = startHousekeeping(store);
  const staticDir = resolve(config.staticDir);
  const root = relative(process.cwd(), staticDir) || '.';
  const server = new Hono();
  server.route('/', api);

  if (existsSync(join(staticDir, 'index.html'))) {
    server.use('*', async (c, next) => {
      await next();
      const path = new URL(c.req.url).pathname;
      if (NO_CACHE.has(path) || path === '/') c.header('Cache-Control', 'no-cache');
      else if (path.startsWith('/assets/') && c.res.ok) c.header('Cache-Control', 'public, max-age=31536000, immutable');
    });
    // The build writes .br and .gz beside every compressible file (vite.config.ts), so responses are
    // compressed without spending CPU per request.
    // A strict CSP on the app shell and hardening headers on every static answer (security/page-headers.ts).
    server.use('*', pageSecurityHeaders({ modelMirrorUrl: readModelsConfig().modelMirrorUrl }));
    server.use('*', serveStatic({ root, precompressed: true }));
    // A missing hashed asset is a stale client asking for an old build: a 404, never the HTML shell,
    // which the browser would otherwise try to run as a script.
    server.get('/assets/*', (c) => c.text('Not found', 404));
    // Client-side routes (e.g. /interview/…) get the app shell; the router takes it from there.
    const appShell = serveStatic({ root, path: 'index.html', precompressed: true });
    server.get('*', (c, next) => {
      c.header('Cache-Control', 'no-cache');
      return appShell(c, next);
    });
  } else {
    console.warn(`No built app in ${staticDir}: run npm run build first. Serving the API only.`);
  }

  const listener = serve({ fetch: server.fetch, port: config.port, hostname: config.host }, (info) => {
    console.info(`Interview Buddy on http://localhost:${info.port}`);
  });

  // Devices and proxies keep connections open between syncs; Node's 5 s default closes them so soon
  // that a request sent at that moment meets a reset. Longer than common load balancers' 60 s idle.
  if ('keepAliveTimeout' in listener) {
    listener.keepAliveTimeout = 65_000;
    listener.headersTimeout = 66_000;
  }

  listener.on('error', (error: NodeJS.ErrnoException) => {
    const reason = error.code === 'EADDRINUSE' ? `port ${config.port} is already in use: stop the other process or set PORT` : error.message;
    console.error(`Cannot listen on ${config.host}:${config.port}: ${reason}.`);
    void close().then(() => process.exit(1));
  });

  let closing = false;
  // Responses still to be sent; when stopping, each one closes its connection, so that keep-alive
  // connections do not hold close() open until they time out.
  const unsent = new Set<ServerResponse>();
  listener.on('request', (_request, response: ServerResponse) => {
    if (closing) response.setHeader('Connection', 'close');
    unsent.add(response);
    response.once('close', () => {
      unsent.delete(response);
      // A response whose headers went out before stopping (a live stream) leaves its connection
      // keep-alive: once it is idle, close it, or it would hold the shutdown until the grace ends.
      if (closing && 'closeIdleConnections' in listener) setImmediate(() => listener.closeIdleConnections());
    });
  });
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    console.info(`${signal}: finishing requests in flight, then stopping`);
    listener.close(() => {
      void housekeeping
        .stop()
        .then(close)
        .then(() => process.exit(0));
    });
    endStreams();
    for (const response of unsent) if (!response.headersSent) response.setHeader('Connection', 'close');
    if ('closeIdleConnections' in listener) listener.closeIdleConnections();
    // A request still running after the grace period (a stalled upload) is cut: say so, and exit 1.
    setTimeout(() => {
      console.error(`Stopped with ${unsent.size} request(s) still in flight after ${SHUTDOWN_GRACE_MS / 1000} s.`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
