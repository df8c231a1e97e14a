// What app.ts mounts for the operator: the request-metrics middleware, the dashboard route and
// /metrics, built once over the same sources so the three always agree.
// Owns: that wiring. Must not import: a database driver.
import type { Hono, MiddlewareHandler } from 'hono';
import type { AiGateway } from '../ai/gateway.ts';
import type { Store } from '../db/store.ts';
import { dashboardRoutes } from '../routes/dashboard.ts';
import { metricsRoutes } from '../routes/metrics.ts';
import { DEFAULT_OBSERVABILITY, type ObservabilitySettings } from './observability-config.ts';
import { RequestMetrics, requestMetrics } from './request-metrics.ts';

export interface ObservabilityDeps {
  /** readObservabilityConfig(env); DEFAULT_OBSERVABILITY (no token: /metrics from loopback only) by default. */
  settings?: ObservabilitySettings;
  /** The counters to record into; a fresh set by default. */
  metrics?: RequestMetrics;
}

export interface Observability {
  middleware: MiddlewareHandler;
  /** Mounted under /api. */
  dashboard: Hono;
  /** Mounted at the root. */
  metrics: Hono;
}

export function observabilityFor(deps: ObservabilityDeps & { store: Store; ai?: AiGateway | undefined; clock: () => Date }): Observability {
  const metrics = deps.metrics ?? new RequestMetrics(() => deps.clock().getTime());
  const sources = { store: deps.store, ai: deps.ai, metrics, settings: deps.settings ?? DEFAULT_OBSERVABILITY, clock: deps.clock };
  return {
    middleware: requestMetrics(metrics),
    dashboard: dashboardRoutes({ sources, store: deps.store, clock: deps.clock }) as unknown as Hono,
    metrics: metricsRoutes(sources) as unknown as Hono,
  };
}
