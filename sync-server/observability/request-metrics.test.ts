import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { handleError } from '../errors.ts';
import { RequestMetrics, requestMetrics, statusClass, UNMATCHED_ROUTE } from './request-metrics.ts';

function appWith(metrics: RequestMetrics) {
  let tick = 0;
  // The clock moves 15 ms per reading, and a request reads it twice: each request "takes" 15 ms.
  const app = new Hono().use('*', requestMetrics(metrics, () => (tick += 15)));
  app.onError(handleError);
  const api = new Hono()
    .get('/items/:id', (c) => c.json({ id: c.req.param('id') }))
    .get('/boom', () => {
      throw new Error('kaput');
    })
    .get('/missing', (c) => c.json({}, 404));
  app.route('/api', api);
  return app;
}

describe('requestMetrics', () => {
  it('labels requests with the matched route pattern, not the URL', async () => {
    const metrics = new RequestMetrics();
    const app = appWith(metrics);
    for (const id of ['a', 'b', 'c']) await app.request(`/api/items/${id}`);
    const [route] = metrics.routes();
    expect(route).toMatchObject({ method: 'GET', route: '/api/items/:id', requests: 3, byStatus: { '2xx': 3, '3xx': 0, '4xx': 0, '5xx': 0 } });
    expect(route!.latency.sumMs).toBe(45);
    // All three in the (10, 25] bucket: p95 interpolates to 95% of the way through it.
    expect(route!.p95Ms).toBeCloseTo(10 + 15 * 0.95, 6);
  });

  it('counts errors that onError answered with their status, and 4xx apart from 5xx', async () => {
    const metrics = new RequestMetrics();
    const app = appWith(metrics);
    await app.request('/api/items/x');
    expect((await app.request('/api/boom')).status).toBe(500);
    await app.request('/api/missing');
    await app.request('/api/missing');
    expect(metrics.totals()).toEqual({ requests: 4, clientErrors: 2, serverErrors: 1, errorRate: 0.25, clientErrorRate: 0.5 });
    expect(metrics.routes().find((route) => route.route === '/api/boom')?.byStatus['5xx']).toBe(1);
  });

  it('puts paths no route knows into one series', async () => {
    const metrics = new RequestMetrics();
    const app = appWith(metrics);
    await app.request('/wp-admin/one');
    await app.request('/wp-admin/two');
    expect(metrics.routes().map((route) => [route.route, route.requests])).toEqual([[UNMATCHED_ROUTE, 2]]);
  });

  it('classes statuses', () => {
    expect([200, 204, 304, 400, 404, 429, 500, 503].map(statusClass)).toEqual(['2xx', '2xx', '3xx', '4xx', '4xx', '4xx', '5xx', '5xx']);
  });
});
