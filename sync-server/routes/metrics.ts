// GET /metrics at the server root: the operator's figures in the Prometheus text format. With
// METRICS_TOKEN set it needs `Authorization: Bearer <token>`; without, it answers only callers on this
// machine (a loopback socket with no X-Forwarded-For, so a reverse proxy on the same host does not
// make it public: set METRICS_TOKEN behind a proxy).
// Owns: the route and its access rule. Must not import: a database driver.
import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { ApiError } from '../errors.ts';
import { readClientIp } from '../middleware/client-ip/client-ip.ts';
import { renderMetrics, type ReportSources } from '../observability/operator-report.ts';
import { PROMETHEUS_CONTENT_TYPE } from '../observability/prometheus-text.ts';

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1)$/;

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function metricsRoutes(sources: ReportSources) {
  return new Hono().get('/metrics', async (c) => {
    const token = sources.settings.metricsToken;
    if (token) {
      const header = c.req.header('authorization') ?? '';
      const given = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
      if (!given || !sameToken(given, token)) {
        throw new ApiError(401, 'metrics_token_required', 'Send the METRICS_TOKEN this server was started with as "Authorization: Bearer <token>".');
      }
    } else {
      const address = readClientIp(c, 0);
      if (!address || !LOOPBACK.test(address) || c.req.header('x-forwarded-for') !== undefined) {
        throw new ApiError(403, 'metrics_local_only', 'Without METRICS_TOKEN, /metrics answers only this machine. Set METRICS_TOKEN on the server and send it as "Authorization: Bearer <token>".');
      }
    }
    c.header('Cache-Control', 'no-store');
    return c.body(await renderMetrics(sources), 200, { 'Content-Type': PROMETHEUS_CONTENT_TYPE });
  });
}
