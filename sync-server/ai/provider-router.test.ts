import { describe, expect, it } from 'vitest';
import { MemoryCounters } from '../shared-state/counters.ts';
import { MemoryRateLimiter } from '../shared-state/rate-limiter.ts';
import { ApiKey, type ProviderConfig } from './provider-config.ts';
import { DEFAULT_RATE_LIMIT_BACKOFF_MS, ProviderRouter } from './provider-router.ts';
import { UpstreamFailure } from './upstream-call.ts';

function provider(name: string, priority: number, overrides: Partial<ProviderConfig> = {}): ProviderConfig {
  return {
    name,
    baseUrl: `https://${name}.invalid/v1`,
    apiKey: new ApiKey(`key-${name}`),
    model: 'm',
    dailyQuota: 100,
    requestsPerMinute: 100,
    priority,
    timeoutMs: 1_000,
    ...overrides,
  };
}

function router(providers: ProviderConfig[]) {
  let now = Date.UTC(2026, 0, 1, 8);
  const clock = () => now;
  const shared = { limiter: new MemoryRateLimiter({ clock }), counters: new MemoryCounters({ clock }) };
  return {
    router: new ProviderRouter(providers, { clock, ...shared }),
    /** Another process's router over the same shared limiter and counters. */
    another: (others: ProviderConfig[] = providers) => new ProviderRouter(others, { clock, ...shared }),
    advance: (ms: number) => (now += ms),
  };
}

describe('ProviderRouter', () => {
  it('orders by priority, skips what this request already tried, and runs out', async () => {
    const { router: r } = router([provider('c', 3), provider('a', 1), provider('b', 2)]);
    const tried = new Set<string>();
    const order: string[] = [];
    for (let lease = await r.acquire(tried); lease; lease = await r.acquire(tried)) {
      order.push(lease.provider.name);
      tried.add(lease.provider.name);
      lease.succeed(10);
    }
    expect(order).toEqual(['a', 'b', 'c']);
  });

  it('within a priority prefers the lower latency average', async () => {
    const { router: r } = router([provider('slow', 1), provider('fast', 1)]);
    (await r.acquire())!.succeed(400);
    (await r.acquire())!.succeed(50);
    expect((await r.acquire())!.provider.name).toBe('fast');
    expect(r.stats().map((stats) => [stats.name, stats.latencyMs])).toEqual([
      ['slow', 400],
      ['fast', 50],
    ]);
  });

  it('keeps a rate-limited provider out for its Retry-After, or a default when it gave none', async () => {
    const { router: r, advance } = router([provider('a', 1), provider('b', 2)]);
    (await r.acquire())!.fail(new UpstreamFailure('rate-limited', 'HTTP 429', 5_000));
    expect((await r.acquire())!.provider.name).toBe('b');
    advance(5_000);
    const lease = (await r.acquire())!;
    expect(lease.provider.name).toBe('a');
    lease.fail(new UpstreamFailure('rate-limited', 'HTTP 429'));
    advance(DEFAULT_RATE_LIMIT_BACKOFF_MS - 1);
    expect((await r.acquire())!.provider.name).toBe('b');
    advance(1);
    expect((await r.acquire())!.provider.name).toBe('a');
  });

  it('counts ok and failed calls per provider and by kind; a lease settles once; every call counts as used', async () => {
    const { router: r } = router([provider('a', 1)]);
    const lease = (await r.acquire())!;
    lease.fail(new UpstreamFailure('timeout', 'slow'));
    lease.succeed(1);
    (await r.acquire())!.abandon();
    expect(r.stats()[0]).toMatchObject({ ok: 0, failed: 1, failures: { timeout: 1, malformed: 0 }, breaker: 'closed' });
    expect(await r.usage()).toEqual([{ name: 'a', requestsPerMinute: 100, dailyQuota: 100, callsThisMinute: 2, callsToday: 2 }]);
  });

  it('moves on when the per-minute window is full and comes back when it slides, saying until when', async () => {
    const { router: r, advance } = router([provider('a', 1, { requestsPerMinute: 2 }), provider('b', 2)]);
    (await r.acquire())!.succeed(5);
    advance(10_000);
    (await r.acquire())!.succeed(5);
    const start = Date.UTC(2026, 0, 1, 8);
    expect((await r.acquire())!.provider.name).toBe('b');
    expect(r.stats()[0]!.quotaWaitUntil).toBe(start + 60_000);
    advance(49_999);
    expect((await r.acquire())!.provider.name).toBe('b');
    advance(1);
    expect((await r.acquire())!.provider.name).toBe('a');
  });

  it('shares the quota with another process: together they make no more than the daily quota of calls', async () => {
    const { router: here, another } = router([provider('a', 1, { dailyQuota: 3 })]);
    const there = another();
    const leases = await Promise.all([here.acquire(), there.acquire(), here.acquire(), there.acquire(), here.acquire()]);
    expect(leases.filter(Boolean)).toHaveLength(3);
    expect((await here.usage())[0]!.callsToday).toBe(3);
    expect((await there.usage())[0]!.callsToday).toBe(3);
  });

  it('gives a half-open trial back when the quota refuses, so the provider is tried once quota returns', async () => {
    const { router: r, advance } = router([provider('a', 1, { requestsPerMinute: 3 })]);
    for (let index = 0; index < 3; index++) (await r.acquire())!.fail(new UpstreamFailure('timeout', 'slow'));
    expect(r.stats()[0]!.breaker).toBe('open');
    advance(30_000);
    expect(r.stats()[0]!.breaker).toBe('half-open');
    // The three failed calls still fill the rolling minute: the trial is refused by the quota, not used.
    expect(await r.acquire()).toBeNull();
    advance(30_000);
    const trial = (await r.acquire())!;
    expect(trial.provider.name).toBe('a');
    expect(await r.acquire()).toBeNull();
    trial.succeed(5);
    expect(r.stats()[0]!.breaker).toBe('closed');
  });
});
