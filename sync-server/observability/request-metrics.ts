// Counts every HTTP request by route pattern and status class, and times it into a per-route latency
// histogram. The route is Hono's matched pattern (`/api/interviewer/interviews/:id`), never the raw
// URL, so ids cannot multiply the series. Per process: each server process reports its own requests
// (Prometheus sums them across processes; the dashboard shows this process's). The time is until the
// response's headers: a streamed answer (AI chat) counts until it starts, not until it ends.
// Owns: the request counters and the middleware. Must not import: a store, a route.
import { createMiddleware } from 'hono/factory';
import { routePath } from 'hono/route';
import { histogramQuantile, LatencyHistogram, type HistogramSnapshot } from './latency-histogram.ts';

export type StatusClass = '2xx' | '3xx' | '4xx' | '5xx';

export interface RouteFigures {
  method: string;
  route: string;
  requests: number;
  byStatus: Record<StatusClass, number>;
  latency: HistogramSnapshot;
  p95Ms: number | null;
}

export interface RequestTotals {
  requests: number;
  clientErrors: number;
  serverErrors: number;
  /** 5xx / requests; 0 before the first request. */
  errorRate: number;
  /** 4xx / requests; 0 before the first request. */
  clientErrorRate: number;
}

interface RouteState {
  method: string;
  route: string;
  byStatus: Record<StatusClass, number>;
  histogram: LatencyHistogram;
}

/** Requests to paths no route knows are one series, so scanners cannot add series either. */
export const UNMATCHED_ROUTE = '(unmatched)';

export function statusClass(status: number): StatusClass {
  if (status >= 500) return '5xx';
  if (status >= 400) return '4xx';
  if (status >= 300) return '3xx';
  return '2xx';
}

export class RequestMetrics {
  readonly #routes = new Map<string, RouteState>();
  readonly #startedAt: number;

  constructor(now: () => number = () => Date.now()) {
    this.#startedAt = now();
  }

  get startedAt(): number {
    return this.#startedAt;
  }

  record(method: string, route: string, status: number, ms: number): void {
    const key = `${method} ${route}`;
    let state = this.#routes.get(key);
    if (!state) {
      state = { method, route, byStatus: { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 }, histogram: new LatencyHistogram() };
      this.#routes.set(key, state);
    }
    state.byStatus[statusClass(status)]++;
    state.histogram.observe(ms);
  }

  /** Busiest first. */
  routes(): RouteFigures[] {
    return [...this.#routes.values()]
      .map((state) => {
        const latency = state.histogram.snapshot();
        return { method: state.method, route: state.route, requests: latency.count, byStatus: { ...state.byStatus }, latency, p95Ms: histogramQuantile(latency, 0.95) };
      })
      .sort((a, b) => b.requests - a.requests || a.route.localeCompare(b.route) || a.method.localeCompare(b.method));
  }

  totals(): RequestTotals {
    let requests = 0;
    let clientErrors = 0;
    let serverErrors = 0;
    for (const state of this.#routes.values()) {
      requests += state.byStatus['2xx'] + state.byStatus['3xx'] + state.byStatus['4xx'] + state.byStatus['5xx'];
      clientErrors += state.byStatus['4xx'];
      serverErrors += state.byStatus['5xx'];
    }
    return { requests, clientErrors, serverErrors, errorRate: requests ? serverErrors / requests : 0, clientErrorRate: requests ? clientErrors / requests : 0 };
  }
}

/**
 * Times each request into `metrics`. Mount it first on the outermost app, so errors turned into
 * responses by onError are counted with their status.
 */
export function requestMetrics(metrics: RequestMetrics, now: () => number = () => performance.now()) {
  return createMiddleware(async (c, next) => {
    const started = now();
    try {
      await next();
    } finally {
      // After next(), routeIndex points at the handler that answered; '*' or '/*' is a catch-all.
      const pattern = routePath(c);
      const route = !pattern || pattern === '*' || pattern === '/*' ? UNMATCHED_ROUTE : pattern;
      metrics.record(c.req.method, route, c.res.status, now() - started);
    }
  });
}
