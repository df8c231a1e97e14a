import { describe, expect, it } from 'vitest';
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
  return { router: new ProviderRouter(providers, { clock: () => now }), advance: (ms: number) => (now += ms) };
}

describe('ProviderRouter', () => {
  it('orders by priority, skips what this request already tried, and runs out', () => {
    const { router: r } = router([provider('c', 3), provider('a', 1), provider('b', 2)]);
    const tried = new Set<string>();
    const order: string[] = [];
    for (let lease = r.acquire(tried); lease; lease = r.acquire(tried)) {
      order.push(lease.provider.name);
      tried.add(lease.provider.name);
      lease.succeed(10);
    }
    expect(order).toEqual(['a', 'b', 'c']);
  });

  it('within a priority prefers the lower latency average', () => {
    const { router: r } = router([provider('slow', 1), provider('fast', 1)]);
    r.acquire()!.succeed(400);
    r.acquire()!.succeed(50);
    expect(r.acquire()!.provider.name).toBe('fast');
    expect(r.stats().map((stats) => [stats.name, stats.latencyMs])).toEqual([
      ['slow', 400],
      ['fast', 50],
    ]);
  });

  it('keeps a rate-limited provider out for its Retry-After, or a default when it gave none', () => {
    const { router: r, advance } = router([provider('a', 1), provider('b', 2)]);
    r.acquire()!.fail(new UpstreamFailure('rate-limited', 'HTTP 429', 5_000));
    expect(r.acquire()!.provider.name).toBe('b');
    advance(5_000);
    const lease = r.acquire()!;
    expect(lease.provider.name).toBe('a');
    lease.fail(new UpstreamFailure('rate-limited', 'HTTP 429'));
    advance(DEFAULT_RATE_LIMIT_BACKOFF_MS - 1);
    expect(r.acquire()!.provider.name).toBe('b');
    advance(1);
    expect(r.acquire()!.provider.name).toBe('a');
  });

  it('counts ok and failed calls per provider and by kind; a lease settles once', () => {
    const { router: r } = router([provider('a', 1)]);
    const lease = r.acquire()!;
    lease.fail(new UpstreamFailure('timeout', 'slow'));
    lease.succeed(1);
    r.acquire()!.abandon();
    expect(r.stats()[0]).toMatchObject({ ok: 0, failed: 1, failures: { timeout: 1, malformed: 0 }, usedToday: 2, usedLastMinute: 2, breaker: 'closed' });
  });
});
