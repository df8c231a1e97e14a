// Two AI gateways, as two server processes would run them, over one Redis: the per-device limits, the
// providers' quotas and the response cache hold across both. The provider is the local fake over HTTP.
import { afterAll, expect, it } from 'vitest';
import { startFakeOpenAiProvider, type FakeOpenAiProvider } from '../../tests/helpers/fake-openai-provider.ts';
import type { ChatCompletionRequest } from '../protocol/ai-chat.ts';
import { deleteKeys, describeWithRedis, inspector, randomKeyPrefix } from '../shared-state/redis-test-support.ts';
import { createSharedState, type SharedState } from '../shared-state/shared-state.ts';
import { AiGateway, type AiGatewayOptions } from './gateway.ts';
import { CloudAiUnavailableError, DeviceRateLimitedError } from './gateway-errors.ts';
import { ApiKey } from './provider-config.ts';

/** A fixed clock, so a minute or a day cannot turn between a call and the check of its count. */
const NOON = Date.UTC(2026, 10, 20, 12);
const clock = () => NOON;

const ask = (content: string, temperature: number): ChatCompletionRequest => ({ messages: [{ role: 'user', content }], temperature });

describeWithRedis('AiGateway on two processes sharing Redis', (url) => {
  const keyPrefix = randomKeyPrefix();
  const logs: string[] = [];
  const states: SharedState[] = [];
  let provider: FakeOpenAiProvider | undefined;

  afterAll(async () => {
    await provider?.close();
    await Promise.all(states.map((state) => state.close()));
    const redis = inspector(url);
    await deleteKeys(redis, keyPrefix);
    await redis.quit();
  });

  async function twoGateways({ dailyQuota = 100, ...options }: Partial<AiGatewayOptions> & { dailyQuota?: number }) {
    provider ??= await startFakeOpenAiProvider({ apiKey: 'sk-shared', respond: () => 'from the provider' });
    const test = `${keyPrefix}${states.length}:`;
    return [0, 1].map(() => {
      const shared = createSharedState({ redisUrl: url, keyPrefix: test, clock, log: (line) => logs.push(line) });
      states.push(shared);
      return new AiGateway({
        providers: [
          { name: 'fake', baseUrl: provider!.url, apiKey: new ApiKey('sk-shared'), model: 'fake-1', dailyQuota, requestsPerMinute: 100, priority: 1, timeoutMs: 2_000 },
        ],
        limiter: shared.limiter,
        counters: shared.counters,
        cache: shared.responseCache({ ttlMs: 60_000, maxEntries: 100 }),
        log: (line) => logs.push(line),
        clock,
        ...options,
      });
    }) as [AiGateway, AiGateway];
  }

  it("shares a device's per-minute limit", async () => {
    const [first, second] = await twoGateways({ deviceRequestsPerMinute: 2 });
    await (await first.open(ask('one', 0.5), 'device-1')).complete();
    await (await second.open(ask('two', 0.5), 'device-1')).complete();
    await expect(first.open(ask('three', 0.5), 'device-1')).rejects.toBeInstanceOf(DeviceRateLimitedError);
    await expect(second.open(ask('three', 0.5), 'device-1')).rejects.toMatchObject({ code: 'device_rate_limited' });
    // Another device still has its own budget.
    await (await second.open(ask('four', 0.5), 'device-2')).complete();
    expect(first.stats().deviceRateLimited + second.stats().deviceRateLimited).toBe(2);
  });

  it("shares a provider's daily quota: once one process used it up, the other calls nobody", async () => {
    const [first, second] = await twoGateways({ dailyQuota: 1 });
    const before = provider!.requests.length;
    const answer = await (await first.open(ask('quota', 0.5), 'device-1')).complete();
    expect(answer.choices[0]?.message.content).toBe('from the provider');
    await expect((await second.open(ask('quota', 0.5), 'device-2')).complete()).rejects.toBeInstanceOf(CloudAiUnavailableError);
    expect(provider!.requests.length - before).toBe(1);
    expect(await second.usage()).toEqual([{ name: 'fake', requestsPerMinute: 100, dailyQuota: 1, callsThisMinute: 1, callsToday: 1 }]);
  });

  it('answers a repeated temperature-0 request on the other process from the shared cache', async () => {
    const [first, second] = await twoGateways({});
    const before = provider!.requests.length;
    const miss = await first.open(ask('cache me', 0), 'device-1');
    expect(miss.cache).toBe('miss');
    await miss.complete();
    const hit = await second.open(ask('cache me', 0), 'device-2');
    expect(hit.cache).toBe('hit');
    expect((await hit.complete()).choices[0]?.message.content).toBe('from the provider');
    expect(provider!.requests.length - before).toBe(1);
  });

  it('logged nothing but the expected', () => {
    // The daily-quota test makes the second gateway say no provider was available; nothing else.
    expect(logs).toEqual([expect.stringMatching(/No AI provider is available/)]);
  });
});
