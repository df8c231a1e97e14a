// Gathers the operator's figures from their sources (the store, the AI gateway, this process's request
// metrics) into the dashboard's answer and into /metrics, so both always show the same figures.
// Where each comes from, and how far it reaches:
// - interviews and devices: the database, so every process agrees (the dashboard: the admin's
//   organisation; /metrics: all organisations);
// - question-cache hits and misses: counted in the database, server-wide;
// - cloud calls today per provider: the gateway's counters, shared across processes through Redis when
//   REDIS_URL is set; breaker state and latency: this process's view of each provider;
// - requests, error rates and latency per route: this process only (see request-metrics.ts);
// - storage: the database's size.
// Owns: the shape of both reports. Must not import: Hono, a database driver.
import type { AiGatewayStats } from '../ai/gateway.ts';
import type { ProviderUsage } from '../ai/provider-router.ts';
import type { OperatorFigures, OperatorFiguresQuery } from '../db/operator-figures.ts';
import type { QuestionCacheStats } from '../db/store.ts';
import type { OperatorDashboard } from '../protocol/operator-dashboard.ts';
import type { ObservabilitySettings } from './observability-config.ts';
import { renderPrometheus, type MetricFamily } from './prometheus-text.ts';
import type { RequestMetrics } from './request-metrics.ts';

export interface ReportSources {
  store: { operatorFigures(query: OperatorFiguresQuery): Promise<OperatorFigures>; questionCacheStats(): Promise<QuestionCacheStats> };
  ai?: { stats(): AiGatewayStats; usage(): Promise<ProviderUsage[]> } | undefined;
  metrics: RequestMetrics;
  settings: ObservabilitySettings;
  clock: () => Date;
}

/** Days of interviews the dashboard charts. */
export const DASHBOARD_DAYS = 14;

async function cloudFigures(sources: ReportSources): Promise<OperatorDashboard['server']['cloud']> {
  const usage = sources.ai ? await sources.ai.usage() : [];
  const stats = sources.ai?.stats().providers ?? [];
  const callsToday = usage.reduce((sum, provider) => sum + provider.callsToday, 0);
  const fromEnv = sources.settings.aiDailyBudgetCalls;
  const dailyBudget = fromEnv ?? usage.reduce((sum, provider) => sum + provider.dailyQuota, 0);
  const budgetShare = dailyBudget > 0 ? callsToday / dailyBudget : null;
  return {
    callsToday,
    dailyBudget,
    budgetSource: fromEnv === undefined ? 'provider-quotas' : 'env',
    budgetShare,
    overThreshold: budgetShare !== null && budgetShare > sources.settings.thresholds.cloudBudgetShare,
    providers: usage.map((provider) => {
      const stat = stats.find((candidate) => candidate.name === provider.name);
      return {
        name: provider.name,
        health: stat?.breaker ?? 'closed',
        latencyMs: stat?.latencyMs ?? null,
        callsToday: provider.callsToday,
        dailyQuota: provider.dailyQuota,
        callsThisMinute: provider.callsThisMinute,
        requestsPerMinute: provider.requestsPerMinute,
        ok: stat?.ok ?? 0,
        failed: stat?.failed ?? 0,
      };
    }),
  };
}

/** The dashboard's figures: `orgId`'s interviews and devices, and the server's own figures. */
export async function buildDashboard(sources: ReportSources, orgId: string | null): Promise<OperatorDashboard> {
  const now = sources.clock();
  const { thresholds } = sources.settings;
  const [figures, cache, cloud] = await Promise.all([
    sources.store.operatorFigures({ orgId, now: now.toISOString(), days: DASHBOARD_DAYS }),
    sources.store.questionCacheStats(),
    cloudFigures(sources),
  ]);
  const totals = sources.metrics.totals();
  const today = figures.interviewsPerDay.at(-1) ?? { started: 0, completed: 0 };
  const lookups = cache.hits + cache.misses;
  return {
    generatedAt: now.toISOString(),
    org: {
      interviewsPerDay: figures.interviewsPerDay,
      interviewsToday: { started: today.started, completed: today.completed },
      devices: figures.devices,
    },
    server: {
      questionCache: { hits: cache.hits, misses: cache.misses, hitRate: lookups ? cache.hits / lookups : null, plans: cache.plans },
      cloud,
      requests: {
        since: new Date(sources.metrics.startedAt).toISOString(),
        total: totals.requests,
        clientErrors: totals.clientErrors,
        serverErrors: totals.serverErrors,
        errorRate: totals.errorRate,
        clientErrorRate: totals.clientErrorRate,
        overThreshold: totals.errorRate > thresholds.errorRate,
        routes: sources.metrics.routes().map((route) => ({
          method: route.method,
          route: route.route,
          requests: route.requests,
          serverErrors: route.byStatus['5xx'],
          clientErrors: route.byStatus['4xx'],
          p95Ms: route.p95Ms === null ? null : Math.round(route.p95Ms * 10) / 10,
          overThreshold: route.p95Ms !== null && route.p95Ms > thresholds.p95Ms,
        })),
      },
      storage: { bytes: figures.storageBytes, overThreshold: figures.storageBytes > thresholds.storageBytes },
    },
    thresholds,
  };
}

const gauge = (name: string, help: string, value: number | null, labels?: Record<string, string>): MetricFamily => ({
  name,
  help,
  type: 'gauge',
  samples: value === null ? [] : [{ value, ...(labels ? { labels } : {}) }],
});

/** /metrics: the same figures, every organisation's interviews and devices together. */
export async function renderMetrics(sources: ReportSources): Promise<string> {
  const report = await buildDashboard(sources, null);
  const { org, server, thresholds } = report;
  const routes = sources.metrics.routes();
  const families: MetricFamily[] = [
    {
      name: 'ib_http_requests_total',
      help: 'HTTP requests answered by this process, by route pattern and status class.',
      type: 'counter',
      samples: routes.flatMap((route) =>
        (['2xx', '3xx', '4xx', '5xx'] as const).filter((status) => route.byStatus[status] > 0).map((status) => ({ labels: { method: route.method, route: route.route, status_class: status }, value: route.byStatus[status] })),
      ),
    },
    {
      name: 'ib_http_request_duration_seconds',
      help: 'Time until the response headers, by route pattern, in this process.',
      type: 'histogram',
      samples: routes.map((route) => ({
        labels: { method: route.method, route: route.route },
        buckets: route.latency.buckets.map((bucket) => ({ le: Number.isFinite(bucket.le) ? bucket.le / 1000 : bucket.le, count: bucket.count })),
        sum: route.latency.sumMs / 1000,
        count: route.latency.count,
      })),
    },
    {
      name: 'ib_http_request_duration_p95_seconds',
      help: 'The p95 of ib_http_request_duration_seconds by route since the process started, as the dashboard shows it.',
      type: 'gauge',
      samples: routes.filter((route) => route.p95Ms !== null).map((route) => ({ labels: { method: route.method, route: route.route }, value: route.p95Ms! / 1000 })),
    },
    gauge('ib_http_server_error_ratio', 'Share of requests answered 5xx by this process since it started.', server.requests.errorRate),
    gauge('ib_http_client_error_ratio', 'Share of requests answered 4xx by this process since it started.', server.requests.clientErrorRate),
    gauge('ib_interviews_started_today', 'Interviews started today (UTC), all organisations.', org.interviewsToday.started),
    gauge('ib_interviews_completed_today', 'Interviews completed today (UTC), all organisations.', org.interviewsToday.completed),
    {
      name: 'ib_devices_active',
      help: 'Devices that pushed within the window, all organisations.',
      type: 'gauge',
      samples: [
        { labels: { window: '24h' }, value: org.devices.activeDay },
        { labels: { window: '7d' }, value: org.devices.activeWeek },
      ],
    },
    gauge('ib_devices', 'Devices that joined an organisation, all organisations.', org.devices.total),
    { name: 'ib_question_cache_hits_total', help: 'Question-plan cache hits, server-wide.', type: 'counter', samples: [{ value: server.questionCache.hits }] },
    { name: 'ib_question_cache_misses_total', help: 'Question-plan cache misses, server-wide.', type: 'counter', samples: [{ value: server.questionCache.misses }] },
    gauge('ib_question_cache_hit_ratio', 'Question-plan cache hits / lookups, server-wide.', server.questionCache.hitRate),
    gauge('ib_cloud_calls_today', 'Cloud AI calls today (UTC), all providers.', server.cloud.callsToday),
    gauge('ib_cloud_daily_budget_calls', 'Cloud AI calls allowed per UTC day (AI_DAILY_BUDGET_CALLS, or the sum of the providers\' daily quotas).', server.cloud.dailyBudget),
    gauge('ib_cloud_budget_used_ratio', 'ib_cloud_calls_today / ib_cloud_daily_budget_calls.', server.cloud.budgetShare),
    {
      name: 'ib_ai_provider_calls_today',
      help: 'Calls to each cloud AI provider today (UTC).',
      type: 'gauge',
      samples: server.cloud.providers.map((provider) => ({ labels: { provider: provider.name }, value: provider.callsToday })),
    },
    {
      name: 'ib_ai_provider_daily_quota',
      help: 'Each cloud AI provider\'s daily quota.',
      type: 'gauge',
      samples: server.cloud.providers.map((provider) => ({ labels: { provider: provider.name }, value: provider.dailyQuota })),
    },
    {
      name: 'ib_ai_provider_up',
      help: '1 while this process\'s circuit breaker for the provider is closed, 0.5 half-open, 0 open.',
      type: 'gauge',
      samples: server.cloud.providers.map((provider) => ({ labels: { provider: provider.name }, value: provider.health === 'closed' ? 1 : provider.health === 'half-open' ? 0.5 : 0 })),
    },
    gauge('ib_storage_bytes', 'Bytes the database takes.', server.storage.bytes),
    gauge('ib_alert_threshold_server_error_ratio', 'ALERT_ERROR_RATE: the dashboard flags ib_http_server_error_ratio above this.', thresholds.errorRate),
    gauge('ib_alert_threshold_p95_seconds', 'ALERT_P95_MS in seconds: the dashboard flags a route whose p95 is above this.', thresholds.p95Ms / 1000),
    gauge('ib_alert_threshold_cloud_budget_ratio', 'ALERT_CLOUD_BUDGET_SHARE: the dashboard flags ib_cloud_budget_used_ratio above this.', thresholds.cloudBudgetShare),
    gauge('ib_alert_threshold_storage_bytes', 'ALERT_STORAGE_BYTES: the dashboard flags ib_storage_bytes above this.', thresholds.storageBytes),
    gauge('ib_process_start_time_seconds', 'When this process started counting requests, in Unix seconds.', sources.metrics.startedAt / 1000),
  ];
  return renderPrometheus(families);
}
