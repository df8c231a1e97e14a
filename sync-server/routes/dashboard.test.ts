// The operator dashboard API and /metrics through app.request(), on the test project's real database.
import { afterEach, describe, expect, it } from 'vitest';
import { AiGateway } from '../ai/gateway.ts';
import { ApiKey, type ProviderConfig } from '../ai/provider-config.ts';
import { createApp } from '../app.ts';
import { hashPassword } from '../auth/password.ts';
import type { Store } from '../db/store.ts';
import { DEFAULT_THRESHOLDS, type ObservabilitySettings } from '../observability/observability-config.ts';
import { parsePrometheus } from '../observability/prometheus-test-parser.ts';
import { operatorDashboard, type OperatorDashboard } from '../protocol/operator-dashboard.ts';
import { createInvite, createOrg, interviewEvents, joinDevice, PASSWORD, push, signIn, type AppUnderTest } from '../test-support/fixtures.ts';
import { openTestStore } from '../test-support/test-store.ts';

const NOW = new Date('2026-11-20T10:00:00Z');
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const LOOPBACK = { incoming: { socket: { remoteAddress: '127.0.0.1' } } };
const REMOTE = { incoming: { socket: { remoteAddress: '203.0.113.9' } } };

function provider(name: string, dailyQuota: number): ProviderConfig {
  // Never called here: only its quota counts.
  return { name, baseUrl: 'http://127.0.0.1:9', apiKey: new ApiKey('k'), model: 'm', dailyQuota, requestsPerMinute: 10, priority: 1, timeoutMs: 1000 };
}

async function harness(options: { settings?: Partial<ObservabilitySettings>; ai?: AiGateway; wrap?: (store: Store) => Store } = {}): Promise<AppUnderTest & { app: ReturnType<typeof createApp> }> {
  const db = await openTestStore();
  cleanups.push(() => db.cleanup());
  const store = options.wrap ? options.wrap(db.store) : db.store;
  const app = createApp({
    store,
    maxBodyBytes: 1_048_576,
    sessionTtlMs: 3_600_000,
    clock: () => NOW,
    ...(options.ai ? { ai: options.ai } : {}),
    observability: { settings: { thresholds: DEFAULT_THRESHOLDS, ...options.settings } },
  });
  return { app, store };
}

async function dashboard(server: AppUnderTest & { app: ReturnType<typeof createApp> }, cookie: string): Promise<OperatorDashboard> {
  const response = await server.app.request('/api/interviewer/dashboard', { headers: { cookie } });
  expect(response.status).toBe(200);
  expect(response.headers.get('cache-control')).toBe('no-store');
  return operatorDashboard.parse(await response.json());
}

describe('GET /api/interviewer/dashboard', () => {
  it('answers admins, refuses interviewers (403) and the signed-out (401)', async () => {
    const server = await harness();
    const { org } = await createOrg(server, 'Acme', 'ada@acme.test');
    await server.store.createUser({ orgId: org.id, email: 'ivy@acme.test', name: 'Ivy', role: 'interviewer', passwordHash: await hashPassword(PASSWORD) });
    const admin = await signIn(server, 'ada@acme.test');
    const interviewer = await signIn(server, 'ivy@acme.test');

    const figures = await dashboard(server, admin);
    expect(figures.thresholds).toEqual(DEFAULT_THRESHOLDS);
    expect(figures.org.interviewsPerDay).toHaveLength(14);
    const refused = await server.app.request('/api/interviewer/dashboard', { headers: { cookie: interviewer } });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('admin_only');
    expect((await server.app.request('/api/interviewer/dashboard')).status).toBe(401);
  });

  it("shows an admin their own organisation's interviews and devices, never another's", async () => {
    const server = await harness();
    await createOrg(server, 'Acme', 'ada@acme.test');
    await createOrg(server, 'Globex', 'gus@globex.test');
    const acme = await signIn(server, 'ada@acme.test');
    const globex = await signIn(server, 'gus@globex.test');
    const token = await joinDevice(server, await createInvite(server, globex), 'device-g');
    expect((await push(server, token, 'device-g', interviewEvents('g-1', 1))).status).toBe(200);

    const theirs = await dashboard(server, globex);
    expect(theirs.org.interviewsToday).toEqual({ started: 1, completed: 1 });
    expect(theirs.org.devices).toEqual({ total: 1, activeDay: 1, activeWeek: 1 });
    const ours = await dashboard(server, acme);
    expect(ours.org.interviewsToday).toEqual({ started: 0, completed: 0 });
    expect(ours.org.devices).toEqual({ total: 0, activeDay: 0, activeWeek: 0 });
    expect(ours.server.storage.bytes).toBeGreaterThan(0);

    // A device that only pulls (it has nothing to send yet) is active too; one that joined and was
    // never heard from again is not.
    const puller = await joinDevice(server, await createInvite(server, acme), 'device-puller');
    await joinDevice(server, await createInvite(server, acme), 'device-silent');
    const pulled = await server.app.request('/api/sync/pull', { headers: { authorization: `Bearer ${puller}` } });
    expect(pulled.status).toBe(200);
    expect((await dashboard(server, acme)).org.devices).toEqual({ total: 2, activeDay: 1, activeWeek: 1 });
  });

  it('counts requests by route pattern, not by raw URL, and flags an error rate over the threshold', async () => {
    let failing = false;
    const server = await harness({
      settings: { thresholds: { ...DEFAULT_THRESHOLDS, errorRate: 0.1 } },
      // The database failing mid-request is what a 500 looks like from here.
      wrap: (store) =>
        new Proxy(store, {
          get(target, property) {
            if (property === 'queryInterviews' && failing) return async () => Promise.reject(new Error('database went away'));
            const value: unknown = Reflect.get(target, property);
            return typeof value === 'function' ? value.bind(target) : value;
          },
        }),
    });
    await createOrg(server, 'Acme', 'ada@acme.test');
    const admin = await signIn(server, 'ada@acme.test');
    for (const id of ['01AAA', '01BBB', '01CCC']) {
      expect((await server.app.request(`/api/interviewer/interviews/${id}`, { headers: { cookie: admin } })).status).toBe(404);
    }
    const before = await dashboard(server, admin);
    const detail = before.server.requests.routes.find((route) => route.route === '/api/interviewer/interviews/:id');
    expect(detail).toMatchObject({ method: 'GET', requests: 3, clientErrors: 3, serverErrors: 0 });
    expect(detail!.p95Ms).not.toBeNull();
    expect(before.server.requests.routes.some((route) => route.route.includes('01AAA'))).toBe(false);
    expect(before.server.requests.overThreshold).toBe(false);

    failing = true;
    expect((await server.app.request('/api/interviewer/interviews', { headers: { cookie: admin } })).status).toBe(500);
    const after = await dashboard(server, admin);
    expect(after.server.requests.serverErrors).toBe(1);
    expect(after.server.requests.errorRate).toBeGreaterThan(0.1);
    expect(after.server.requests.overThreshold).toBe(true);
  });

  it('sets the cloud budget from the providers’ daily quotas, or from AI_DAILY_BUDGET_CALLS', async () => {
    const ai = new AiGateway({ providers: [provider('alpha', 100), provider('beta', 50)], clock: () => NOW.getTime() });
    const fromQuotas = await harness({ ai });
    await createOrg(fromQuotas, 'Acme', 'ada@acme.test');
    const cloud = (await dashboard(fromQuotas, await signIn(fromQuotas, 'ada@acme.test'))).server.cloud;
    expect(cloud).toMatchObject({ callsToday: 0, dailyBudget: 150, budgetSource: 'provider-quotas', budgetShare: 0, overThreshold: false });
    expect(cloud.providers.map((p) => [p.name, p.health, p.dailyQuota])).toEqual([
      ['alpha', 'closed', 100],
      ['beta', 'closed', 50],
    ]);

    const fromEnv = await harness({ ai, settings: { aiDailyBudgetCalls: 40 } });
    await createOrg(fromEnv, 'Acme', 'ada@acme.test');
    expect((await dashboard(fromEnv, await signIn(fromEnv, 'ada@acme.test'))).server.cloud).toMatchObject({ dailyBudget: 40, budgetSource: 'env' });
  });
});

describe('GET /metrics', () => {
  it('answers loopback callers without a token, and refuses others and proxied requests', async () => {
    const server = await harness();
    expect((await server.app.request('/metrics', {}, LOOPBACK)).status).toBe(200);
    expect((await server.app.request('/metrics', {}, REMOTE)).status).toBe(403);
    expect((await server.app.request('/metrics', { headers: { 'x-forwarded-for': '198.51.100.1' } }, LOOPBACK)).status).toBe(403);
    expect((await server.app.request('/metrics')).status).toBe(403);
  });

  it('needs the bearer token when METRICS_TOKEN is set, even from loopback', async () => {
    const server = await harness({ settings: { metricsToken: 'a-metrics-token-long-enough' } });
    expect((await server.app.request('/metrics', {}, LOOPBACK)).status).toBe(401);
    expect((await server.app.request('/metrics', { headers: { authorization: 'Bearer wrong-token-of-same-len' } }, REMOTE)).status).toBe(401);
    const ok = await server.app.request('/metrics', { headers: { authorization: 'Bearer a-metrics-token-long-enough' } }, REMOTE);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
  });

  it('carries the dashboard’s figures in valid Prometheus text', async () => {
    const server = await harness({ settings: { thresholds: { ...DEFAULT_THRESHOLDS, p95Ms: 250 } } });
    await createOrg(server, 'Acme', 'ada@acme.test');
    const admin = await signIn(server, 'ada@acme.test');
    const token = await joinDevice(server, await createInvite(server, admin), 'device-a');
    expect((await push(server, token, 'device-a', interviewEvents('i-1', 1))).status).toBe(200);
    await server.app.request('/api/interviewer/interviews/01XYZ', { headers: { cookie: admin } });

    const text = await (await server.app.request('/metrics', {}, LOOPBACK)).text();
    const parsed = parsePrometheus(text);
    const value = (name: string, labels: Record<string, string> = {}) =>
      parsed.samples.find((sample) => sample.name === name && Object.entries(labels).every(([k, v]) => sample.labels[k] === v))?.value;

    expect(value('ib_interviews_started_today')).toBe(1);
    expect(value('ib_interviews_completed_today')).toBe(1);
    expect(value('ib_devices_active', { window: '24h' })).toBe(1);
    expect(value('ib_http_requests_total', { method: 'POST', route: '/api/sync/push', status_class: '2xx' })).toBe(1);
    expect(value('ib_http_requests_total', { route: '/api/interviewer/interviews/:id', status_class: '4xx' })).toBe(1);
    expect(value('ib_http_request_duration_seconds_count', { route: '/api/sync/push' })).toBe(1);
    expect(value('ib_http_request_duration_seconds_bucket', { route: '/api/sync/push', le: '+Inf' })).toBe(1);
    expect(value('ib_alert_threshold_p95_seconds')).toBe(0.25);
    expect(value('ib_alert_threshold_server_error_ratio')).toBe(DEFAULT_THRESHOLDS.errorRate);
    expect(value('ib_storage_bytes')).toBeGreaterThan(0);
    expect(parsed.types.get('ib_http_request_duration_seconds')).toBe('histogram');
    expect(parsed.samples.some((sample) => Object.values(sample.labels).some((label) => label.includes('01XYZ')))).toBe(false);
    // Buckets are cumulative: never fewer at a larger bound.
    const pushBuckets = parsed.samples.filter((s) => s.name === 'ib_http_request_duration_seconds_bucket' && s.labels.route === '/api/sync/push').map((s) => s.value);
    expect(pushBuckets).toEqual([...pushBuckets].sort((a, b) => a - b));
  });
});
