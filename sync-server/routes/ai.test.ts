// POST /api/ai/chat end to end inside the process: app.request() on a real store with a real
// device token, and the gateway calling fake providers over real HTTP on 127.0.0.1.
import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startFakeOpenAiProvider, type FakeOpenAiProvider, type FakeOpenAiProviderOptions } from '../../tests/helpers/fake-openai-provider.ts';
import { AiGateway, type AiGatewayOptions } from '../ai/gateway.ts';
import { ApiKey, type ProviderConfig } from '../ai/provider-config.ts';
import {
  AI_CACHE_HEADER,
  chatCompletionChunk,
  chatCompletionResponse,
  MAX_CHAT_REQUEST_BYTES,
  type ChatCompletionChunk,
  type ChatCompletionRequest,
  type ErrorResponse,
} from '../protocol/index.ts';
import { createInvite, createTestServer, joinDevice, json, orgWithDevice, signIn, type TestServer } from '../test-support/fixtures.ts';

const START = Date.UTC(2026, 10, 20, 12, 0, 0);
const TIMEOUT_MS = 300;

interface Harness {
  server: TestServer;
  gateway: AiGateway | undefined;
  token: string;
  logs: string[];
  /** The gateway's clock: cool-downs, quotas and back-offs move only when a test advances it. */
  advance: (ms: number) => void;
  chat: (body: Partial<ChatCompletionRequest>, token?: string | null) => Promise<Response>;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function fakeProvider(options: FakeOpenAiProviderOptions = {}): Promise<FakeOpenAiProvider> {
  const provider = await startFakeOpenAiProvider(options);
  cleanups.push(() => provider.close());
  return provider;
}

function providerConfig(name: string, fake: FakeOpenAiProvider, key: string, overrides: Partial<ProviderConfig> = {}): ProviderConfig {
  return {
    name,
    baseUrl: fake.url,
    apiKey: new ApiKey(key),
    model: `${name}-model`,
    dailyQuota: 1_000,
    requestsPerMinute: 1_000,
    priority: 1,
    timeoutMs: TIMEOUT_MS,
    ...overrides,
  };
}

async function harness(gatewayOptions: Omit<AiGatewayOptions, 'clock' | 'log'> | null): Promise<Harness> {
  let now = START;
  const logs: string[] = [];
  const gateway = gatewayOptions ? new AiGateway({ ...gatewayOptions, clock: () => now, log: (line) => logs.push(line) }) : undefined;
  const server = await createTestServer(gateway ? { ai: gateway } : {});
  const { app } = server;
  cleanups.push(server.cleanup);
  const { token } = await orgWithDevice(server);
  return {
    server,
    gateway,
    token,
    logs,
    advance: (ms) => {
      now += ms;
    },
    chat: async (body, auth = token) =>
      app.request('/api/ai/chat', json({ messages: [{ role: 'user', content: 'Hello' }], ...body }, auth ? { authorization: `Bearer ${auth}` } : {})),
  };
}

interface SseEvent {
  event: string;
  data: string;
}

async function readEvents(response: Response): Promise<SseEvent[]> {
  const text = await response.text();
  return text
    .split(/\n\n/)
    .filter((block) => block.trim())
    .map((block) => {
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event: ')) event = line.slice(7);
        else if (line.startsWith('data: ')) data.push(line.slice(6));
      }
      return { event, data: data.join('\n') };
    });
}

function chunksOf(events: SseEvent[]): ChatCompletionChunk[] {
  return events.filter((event) => event.event === 'message' && event.data !== '[DONE]').map((event) => chatCompletionChunk.parse(JSON.parse(event.data)));
}

function textOf(chunks: ChatCompletionChunk[]): string {
  return chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
}

async function answerOf(response: Response): Promise<string> {
  expect(response.status).toBe(200);
  return chatCompletionResponse.parse(await response.json()).choices[0]!.message.content ?? '';
}

const answersWith = (text: string) => ({ respond: () => text });
const JSON_FORMAT = { response_format: { type: 'json_object' as const } };

describe('POST /api/ai/chat: access and request checks', () => {
  it('refuses a request without a device token, before anything reaches a provider', async () => {
    const fake = await fakeProvider({ apiKey: 'k' });
    const h = await harness({ providers: [providerConfig('a', fake, 'k')] });
    const response = await h.chat({}, null);
    expect(response.status).toBe(401);
    expect(((await response.json()) as ErrorResponse).error.code).toBe('no_device_token');
    expect(response.headers.get(AI_CACHE_HEADER)).toBe('bypass');
    expect((await h.chat({}, 'not-a-real-token')).status).toBe(401);
    expect(fake.requests).toHaveLength(0);
  });

  it('answers 503 cloud_ai_unavailable, saying the basic engine will be used, without a gateway or without providers', async () => {
    for (const h of [await harness(null), await harness({ providers: [] })]) {
      const response = await h.chat({});
      expect(response.status).toBe(503);
      const body = (await response.json()) as ErrorResponse;
      expect(body.error.code).toBe('cloud_ai_unavailable');
      expect(body.error.message).toMatch(/basic engine will be used/);
      expect(response.headers.get(AI_CACHE_HEADER)).toBe('bypass');
    }
  });

  it('rejects a body that is not JSON, one that breaks the contract, and one that is too large, with clear messages', async () => {
    const fake = await fakeProvider({ apiKey: 'k' });
    const h = await harness({ providers: [providerConfig('a', fake, 'k')] });
    const auth = { authorization: `Bearer ${h.token}`, 'content-type': 'application/json' };

    const notJson = await h.server.app.request('/api/ai/chat', { method: 'POST', body: '{"messages": [', headers: auth });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: { code: 'invalid_json', message: 'The request body is not valid JSON.' } });

    const invalid = await h.chat({ messages: [], temperature: 5 });
    expect(invalid.status).toBe(400);
    const invalidBody = (await invalid.json()) as ErrorResponse;
    expect(invalidBody.error.code).toBe('invalid_request');
    expect(invalidBody.error.issues?.map((issue) => issue.path).sort()).toEqual(['messages', 'temperature']);

    const huge = 'x'.repeat(MAX_CHAT_REQUEST_BYTES);
    const tooLarge = await h.chat({ messages: [{ role: 'user', content: huge }] });
    expect(tooLarge.status).toBe(413);
    const tooLargeBody = (await tooLarge.json()) as ErrorResponse;
    expect(tooLargeBody.error.code).toBe('body_too_large');
    expect(tooLargeBody.error.message).toMatch(/AI request is larger than \d+ bytes\. Shorten/);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('POST /api/ai/chat: answers', () => {
  it('returns the chat.completion JSON and sends the provider its own model, without server-only fields', async () => {
    const fake = await fakeProvider({ apiKey: 'k', ...answersWith('{"score": 4}') });
    const h = await harness({ providers: [providerConfig('a', fake, 'k')] });
    const response = await h.chat({ model: 'whatever-the-client-says', task: 'answer-scoring', temperature: 0.4, max_tokens: 50, ...JSON_FORMAT });
    expect(await answerOf(response)).toBe('{"score": 4}');
    expect(response.headers.get(AI_CACHE_HEADER)).toBe('bypass');
    expect(fake.requests).toEqual([
      { model: 'a-model', messages: [{ role: 'user', content: 'Hello' }], temperature: 0.4, max_tokens: 50, response_format: { type: 'json_object' }, stream: false },
    ]);
  });

  it('streams the provider chunks through as server-sent events and ends with [DONE]', async () => {
    const answer = 'The STAR method: situation, task, action, result.';
    const fake = await fakeProvider({ apiKey: 'k', ...answersWith(answer), streamChunks: 5 });
    const h = await harness({ providers: [providerConfig('a', fake, 'k')] });
    const response = await h.chat({ stream: true, temperature: 0.7 });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    expect(response.headers.get(AI_CACHE_HEADER)).toBe('bypass');
    const events = await readEvents(response);
    const chunks = chunksOf(events);
    expect(chunks.length).toBeGreaterThanOrEqual(5);
    expect(textOf(chunks)).toBe(answer);
    expect(events.at(-1)).toEqual({ event: 'message', data: '[DONE]' });
    expect(events.some((event) => event.event !== 'message')).toBe(false);
    expect(fake.requests[0]).toMatchObject({ stream: true, model: 'a-model' });
  });
});

describe('POST /api/ai/chat: failover', () => {
  it('fails over on a 429 and leaves the provider alone until its Retry-After has passed', async () => {
    const a = await fakeProvider({ apiKey: 'ka', mode: 'rate-limited', retryAfterSeconds: 30, ...answersWith('from a') });
    const b = await fakeProvider({ apiKey: 'kb', ...answersWith('from b') });
    const h = await harness({ providers: [providerConfig('a', a, 'ka', { priority: 1 }), providerConfig('b', b, 'kb', { priority: 2 })] });

    expect(await answerOf(await h.chat({ temperature: 1 }))).toBe('from b');
    expect(await answerOf(await h.chat({ temperature: 1 }))).toBe('from b');
    expect(a.requests).toHaveLength(1);

    a.setMode('ok');
    h.advance(30_000);
    expect(await answerOf(await h.chat({ temperature: 1 }))).toBe('from a');
    expect(h.gateway!.stats().providers[0]).toMatchObject({ name: 'a', ok: 1, failed: 1, failures: { 'rate-limited': 1 } });
  });

  it('fails over on a 500, an HTML page and an answer without choices', async () => {
    for (const mode of ['server-error', 'not-json', 'no-choices'] as const) {
      const a = await fakeProvider({ apiKey: 'ka', mode });
      const b = await fakeProvider({ apiKey: 'kb', ...answersWith('from b') });
      const h = await harness({ providers: [providerConfig('a', a, 'ka', { priority: 1 }), providerConfig('b', b, 'kb', { priority: 2 })] });
      expect(await answerOf(await h.chat({ temperature: 1 }))).toBe('from b');
      const events = await readEvents(await h.chat({ temperature: 1, stream: true }));
      expect(textOf(chunksOf(events)), mode).toBe('from b');
      expect(events.some((event) => event.event === 'restart')).toBe(false);
      expect(a.requests).toHaveLength(2);
    }
  });

  it('retries broken JSON on the next provider when the request asks for JSON, and accepts the same text when it does not', async () => {
    const a = await fakeProvider({ apiKey: 'ka', mode: 'broken-json', ...answersWith('{"from": "a"}') });
    const b = await fakeProvider({ apiKey: 'kb', ...answersWith('{"from": "b"}') });
    const h = await harness({ providers: [providerConfig('a', a, 'ka', { priority: 1 }), providerConfig('b', b, 'kb', { priority: 2 })] });

    expect(JSON.parse(await answerOf(await h.chat({ temperature: 1, ...JSON_FORMAT })))).toEqual({ from: 'b' });
    const schemaFormat = { type: 'json_schema' as const, json_schema: { name: 'score', schema: { type: 'object' } } };
    expect(JSON.parse(await answerOf(await h.chat({ temperature: 1, response_format: schemaFormat })))).toEqual({ from: 'b' });
    expect(await answerOf(await h.chat({ temperature: 1 }))).toBe('{"from');
    expect(h.gateway!.stats().providers[0]!.failures.malformed).toBe(2);
  });

  it('in a stream, sends restart after broken JSON and then the next provider answer from scratch', async () => {
    const a = await fakeProvider({ apiKey: 'ka', mode: 'broken-json', ...answersWith('{"from": "provider a"}') });
    const b = await fakeProvider({ apiKey: 'kb', ...answersWith('{"from": "provider b"}') });
    const h = await harness({ providers: [providerConfig('a', a, 'ka', { priority: 1 }), providerConfig('b', b, 'kb', { priority: 2 })] });

    const events = await readEvents(await h.chat({ temperature: 1, stream: true, ...JSON_FORMAT }));
    const restartAt = events.findIndex((event) => event.event === 'restart');
    expect(restartAt).toBeGreaterThan(0);
    expect(textOf(chunksOf(events.slice(0, restartAt)))).toBe('{"from": "p');
    expect(JSON.parse(events[restartAt]!.data)).toEqual({ reason: expect.stringMatching(/not in the expected format/) });
    expect(JSON.parse(textOf(chunksOf(events.slice(restartAt + 1))))).toEqual({ from: 'provider b' });
    expect(events.at(-1)!.data).toBe('[DONE]');
  });

  it('cuts off a provider that stalls mid-stream, restarts, and streams the next one', async () => {
    const a = await fakeProvider({ apiKey: 'ka', mode: 'hang-mid-stream', ...answersWith('partial answer from a') });
    const b = await fakeProvider({ apiKey: 'kb', ...answersWith('whole answer from b') });
    const h = await harness({ providers: [providerConfig('a', a, 'ka', { priority: 1 }), providerConfig('b', b, 'kb', { priority: 2 })] });

    const events = await readEvents(await h.chat({ temperature: 1, stream: true }));
    const restartAt = events.findIndex((event) => event.event === 'restart');
    expect(textOf(chunksOf(events.slice(0, restartAt))).length).toBeGreaterThan(0);
    expect(JSON.parse(events[restartAt]!.data).reason).toMatch(/stalled/);
    expect(textOf(chunksOf(events.slice(restartAt + 1)))).toBe('whole answer from b');
    expect(h.gateway!.stats().providers[0]!.failures.timeout).toBe(1);

    // The same stall in a non-streamed answer (half a JSON body, then nothing) is cut off too.
    expect(await answerOf(await h.chat({ temperature: 1 }))).toBe('whole answer from b');
    expect(h.gateway!.stats().providers[0]!.failures.timeout).toBe(2);
  });

  it('when every provider fails: 503 for JSON, an error event then [DONE] for a stream', async () => {
    const a = await fakeProvider({ apiKey: 'ka', mode: 'server-error' });
    const b = await fakeProvider({ apiKey: 'kb', mode: 'broken-json' });
    const h = await harness({ providers: [providerConfig('a', a, 'ka'), providerConfig('b', b, 'kb')] });

    const response = await h.chat({ temperature: 1, ...JSON_FORMAT });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: { code: 'cloud_ai_unavailable', message: expect.stringMatching(/basic engine will be used/) } });

    const events = await readEvents(await h.chat({ temperature: 1, stream: true, ...JSON_FORMAT }));
    const error = events.find((event) => event.event === 'error');
    expect(JSON.parse(error!.data)).toMatchObject({ error: { code: 'cloud_ai_unavailable' } });
    expect(events.filter((event) => event.event === 'restart')).toHaveLength(1); // b had streamed before its JSON failed
    expect(events.at(-1)!.data).toBe('[DONE]');
    expect(h.gateway!.stats().unavailable).toBe(2);
  });
});

describe('POST /api/ai/chat: circuit breaker', () => {
  it('stops waiting on a hanging provider after 3 timeouts, then lets one trial through after the cool-down', async () => {
    const a = await fakeProvider({ apiKey: 'ka', mode: 'hang', ...answersWith('from a') });
    const b = await fakeProvider({ apiKey: 'kb', ...answersWith('from b') });
    const h = await harness({
      providers: [providerConfig('a', a, 'ka', { priority: 1 }), providerConfig('b', b, 'kb', { priority: 2 })],
      breakerCooldownMs: 30_000,
    });

    for (let attempt = 0; attempt < 3; attempt++) expect(await answerOf(await h.chat({ temperature: 1 }))).toBe('from b');
    expect(a.requests).toHaveLength(3);
    expect(h.gateway!.stats().providers[0]).toMatchObject({ breaker: 'open', failures: { timeout: 3 } });

    expect(await answerOf(await h.chat({ temperature: 1 }))).toBe('from b');
    expect(a.requests).toHaveLength(3);

    // Half-open: one trial. It fails, so the circuit opens again for another cool-down.
    h.advance(30_000);
    expect(h.gateway!.stats().providers[0]!.breaker).toBe('half-open');
    expect(await answerOf(await h.chat({ temperature: 1 }))).toBe('from b');
    expect(a.requests).toHaveLength(4);
    expect(h.gateway!.stats().providers[0]!.breaker).toBe('open');
    expect(await answerOf(await h.chat({ temperature: 1 }))).toBe('from b');
    expect(a.requests).toHaveLength(4);

    // Next trial succeeds: closed again, and a is back in front.
    a.setMode('ok');
    h.advance(30_000);
    expect(await answerOf(await h.chat({ temperature: 1 }))).toBe('from a');
    expect(h.gateway!.stats().providers[0]!.breaker).toBe('closed');
    expect(await answerOf(await h.chat({ temperature: 1 }))).toBe('from a');
    expect(a.requests).toHaveLength(6);
  });
});

describe('POST /api/ai/chat: provider quotas and ordering', () => {
  it('moves on when the daily quota is used up, and comes back the next UTC day', async () => {
    const a = await fakeProvider({ apiKey: 'ka', ...answersWith('from a') });
    const b = await fakeProvider({ apiKey: 'kb', ...answersWith('from b') });
    const h = await harness({ providers: [providerConfig('a', a, 'ka', { priority: 1, dailyQuota: 2 }), providerConfig('b', b, 'kb', { priority: 2 })] });
    const answers = [];
    for (let index = 0; index < 3; index++) answers.push(await answerOf(await h.chat({ temperature: 1 })));
    expect(answers).toEqual(['from a', 'from a', 'from b']);
    h.advance(12 * 3_600_000); // START is noon UTC: this is just past midnight
    expect(await answerOf(await h.chat({ temperature: 1 }))).toBe('from a');
  });

  it('moves on when the per-minute window is full, and comes back when it slides', async () => {
    const a = await fakeProvider({ apiKey: 'ka', ...answersWith('from a') });
    const b = await fakeProvider({ apiKey: 'kb', ...answersWith('from b') });
    const h = await harness({ providers: [providerConfig('a', a, 'ka', { priority: 1, requestsPerMinute: 1 }), providerConfig('b', b, 'kb', { priority: 2 })] });
    expect(await answerOf(await h.chat({ temperature: 1 }))).toBe('from a');
    h.advance(59_000);
    expect(await answerOf(await h.chat({ temperature: 1 }))).toBe('from b');
    h.advance(1_000);
    expect(await answerOf(await h.chat({ temperature: 1 }))).toBe('from a');
  });

  it('answers 503 without calling anyone when every provider is out of quota', async () => {
    const a = await fakeProvider({ apiKey: 'ka' });
    const h = await harness({ providers: [providerConfig('a', a, 'ka', { dailyQuota: 1 })] });
    expect((await h.chat({ temperature: 1 })).status).toBe(200);
    const response = await h.chat({ temperature: 1 });
    expect(response.status).toBe(503);
    expect(a.requests).toHaveLength(1);
  });

  it('among equal priorities prefers the provider that answered faster', async () => {
    const slow = await fakeProvider({ apiKey: 'ks', delayMs: 150, ...answersWith('slow') });
    const fast = await fakeProvider({ apiKey: 'kf', ...answersWith('fast') });
    const h = await harness({ providers: [providerConfig('slow', slow, 'ks'), providerConfig('fast', fast, 'kf')] });
    // Untried providers are tried first, so both get measured; after that the faster one wins.
    const answers = [];
    for (let index = 0; index < 5; index++) answers.push(await answerOf(await h.chat({ temperature: 1 })));
    expect(answers).toEqual(['slow', 'fast', 'fast', 'fast', 'fast']);
  });
});

describe('POST /api/ai/chat: response cache and coalescing', () => {
  it('answers a repeated temperature-0 request from the cache, streamed or not, whatever model the client names', async () => {
    const fake = await fakeProvider({ apiKey: 'k', ...answersWith('{"cached": true}') });
    const h = await harness({ providers: [providerConfig('a', fake, 'k')] });
    const request = { temperature: 0, ...JSON_FORMAT };

    const first = await h.chat(request);
    expect(first.headers.get(AI_CACHE_HEADER)).toBe('miss');
    expect(await answerOf(first)).toBe('{"cached": true}');

    const second = await h.chat({ ...request, model: 'another-name' });
    expect(second.headers.get(AI_CACHE_HEADER)).toBe('hit');
    expect(await answerOf(second)).toBe('{"cached": true}');

    const streamed = await h.chat({ ...request, stream: true });
    expect(streamed.headers.get(AI_CACHE_HEADER)).toBe('hit');
    const events = await readEvents(streamed);
    expect(events.map((event) => event.data === '[DONE]' || JSON.parse(event.data).choices[0].delta.content)).toEqual(['{"cached": true}', true]);

    expect(fake.requests).toHaveLength(1);
    expect(h.gateway!.stats().cache).toEqual({ hits: 2, misses: 1, coalesced: 0, bypassed: 0 });
  });

  it('caches a streamed answer for the next request, and forgets it after the TTL', async () => {
    const fake = await fakeProvider({ apiKey: 'k', ...answersWith('streamed once') });
    const h = await harness({ providers: [providerConfig('a', fake, 'k')], cacheTtlMs: 60_000 });
    expect(textOf(chunksOf(await readEvents(await h.chat({ temperature: 0, stream: true }))))).toBe('streamed once');
    const again = await h.chat({ temperature: 0 });
    expect(again.headers.get(AI_CACHE_HEADER)).toBe('hit');
    expect(await answerOf(again)).toBe('streamed once');
    h.advance(60_000);
    const expired = await h.chat({ temperature: 0 });
    expect(expired.headers.get(AI_CACHE_HEADER)).toBe('miss');
    expect(fake.requests).toHaveLength(2);
  });

  it('does not cache requests with a temperature above 0 (or none)', async () => {
    const fake = await fakeProvider({ apiKey: 'k' });
    const h = await harness({ providers: [providerConfig('a', fake, 'k')] });
    for (const temperature of [0.2, 0.2, undefined]) {
      const response = await h.chat({ temperature });
      expect(response.headers.get(AI_CACHE_HEADER)).toBe('bypass');
      await answerOf(response);
    }
    expect(fake.requests).toHaveLength(3);
  });

  it('answers identical requests in flight with one upstream call', async () => {
    const fake = await fakeProvider({ apiKey: 'k', delayMs: 200, ...answersWith('one answer for all') });
    const h = await harness({ providers: [providerConfig('a', fake, 'k', { timeoutMs: 2_000 })] });
    const responses = await Promise.all([h.chat({ temperature: 0, stream: true }), h.chat({ temperature: 0 }), h.chat({ temperature: 0, stream: true })]);
    // Which of them leads depends on arrival order; the leader's stream is not read until all have answered.
    expect(responses.map((response) => response.headers.get(AI_CACHE_HEADER)).sort()).toEqual(['coalesced', 'coalesced', 'miss']);
    expect(textOf(chunksOf(await readEvents(responses[0]!)))).toBe('one answer for all');
    expect(await answerOf(responses[1]!)).toBe('one answer for all');
    expect(textOf(chunksOf(await readEvents(responses[2]!)))).toBe('one answer for all');
    expect(fake.requests).toHaveLength(1);
    expect(h.gateway!.stats().cache).toMatchObject({ misses: 1, coalesced: 2 });
  });

  it('gives requests coalesced onto a failing flight the same 503', async () => {
    const fake = await fakeProvider({ apiKey: 'k', mode: 'hang' });
    const h = await harness({ providers: [providerConfig('a', fake, 'k')] });
    const responses = await Promise.all([h.chat({ temperature: 0 }), h.chat({ temperature: 0 })]);
    expect(responses.map((response) => response.status)).toEqual([503, 503]);
    expect(fake.requests).toHaveLength(1);
  });
});

describe('POST /api/ai/chat: per-device limits', () => {
  it('refuses the request over the per-minute limit with 429 and Retry-After, counting cache hits, per device', async () => {
    const fake = await fakeProvider({ apiKey: 'k' });
    const h = await harness({ providers: [providerConfig('a', fake, 'k')], deviceRequestsPerMinute: 2 });
    expect((await h.chat({ temperature: 0 })).status).toBe(200);
    h.advance(10_000);
    expect((await h.chat({ temperature: 0 })).headers.get(AI_CACHE_HEADER)).toBe('hit');

    const refused = await h.chat({ temperature: 0 });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('50');
    expect(refused.headers.get(AI_CACHE_HEADER)).toBe('bypass');
    expect(await refused.json()).toMatchObject({ error: { code: 'device_rate_limited', message: expect.stringMatching(/Try again in 50 seconds/) } });

    // Another device of the same org has its own budget.
    const cookie = await signIn(h.server, 'acme@example.test');
    const otherToken = await joinDevice(h.server, await createInvite(h.server, cookie), 'device-b');
    expect((await h.chat({ temperature: 0 }, otherToken)).status).toBe(200);

    h.advance(50_000);
    expect((await h.chat({ temperature: 0 })).status).toBe(200);
    expect(h.gateway!.stats().deviceRateLimited).toBe(1);
  });

  it('refuses the request over the daily limit until the next UTC day', async () => {
    const fake = await fakeProvider({ apiKey: 'k' });
    const h = await harness({ providers: [providerConfig('a', fake, 'k')], deviceRequestsPerDay: 2 });
    expect((await h.chat({ temperature: 1 })).status).toBe(200);
    expect((await h.chat({ temperature: 1 })).status).toBe(200);
    const refused = await h.chat({ temperature: 1, stream: true });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe(String(12 * 3600));
    expect(((await refused.json()) as ErrorResponse).error.message).toMatch(/today's cloud AI requests/);
    h.advance(12 * 3_600_000);
    expect((await h.chat({ temperature: 1 })).status).toBe(200);
    expect(fake.requests).toHaveLength(3);
  });
});

describe('POST /api/ai/chat: a device that hangs up', () => {
  it('cancels the upstream call of a stream nobody reads any more, without blaming the provider', async () => {
    const fake = await fakeProvider({ apiKey: 'k', mode: 'hang-mid-stream', ...answersWith('a long answer that stalls halfway') });
    const h = await harness({ providers: [providerConfig('a', fake, 'k', { timeoutMs: 60_000 })] });
    // A real socket this time: only a real connection can be dropped by the device.
    const listener = serve({ fetch: h.server.app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
    cleanups.push(() => new Promise<void>((resolve) => listener.close(() => resolve()).closeAllConnections()));
    await new Promise<void>((resolve) => listener.once('listening', resolve));
    const { port } = listener.address() as AddressInfo;

    const device = new AbortController();
    const response = await fetch(`http://127.0.0.1:${port}/api/ai/chat`, {
      ...json({ messages: [{ role: 'user', content: 'Hi' }], temperature: 1, stream: true }, { authorization: `Bearer ${h.token}` }),
      signal: device.signal,
    });
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain('chat.completion.chunk');
    expect(fake.openResponses).toBe(1);
    device.abort();

    // The provider would stall for a minute; the gateway hangs up on it as soon as the device is gone.
    await vi.waitFor(() => expect(fake.openResponses).toBe(0), { timeout: 5_000 });
    expect(h.gateway!.stats().providers[0]).toMatchObject({ ok: 0, failed: 0, breaker: 'closed' });
  });
});

describe('POST /api/ai/chat: provider keys', () => {
  it('never shows a key in answers, errors, stream events, logs or stats, even when a provider rejects it', async () => {
    const keys = ['sk-live-AAAA-secret-key-of-provider-a', 'sk-live-BBBB-secret-key-of-provider-b'];
    // a expects another key, so it answers 401 (OpenAI's body echoes part of the key it got); b hangs.
    const a = await fakeProvider({ apiKey: 'the-key-a-really-wants' });
    const b = await fakeProvider({ apiKey: keys[1], mode: 'hang-mid-stream' });
    const h = await harness({ providers: [providerConfig('a', a, keys[0]!), providerConfig('b', b, keys[1]!)] });

    const seen: string[] = [];
    const record = async (response: Response) => {
      seen.push(JSON.stringify([...response.headers.entries()]), await response.text());
    };
    await record(await h.chat({ temperature: 1 }));
    await record(await h.chat({ temperature: 1, stream: true }));
    await record(await h.chat({}, null));
    b.setMode('ok');
    await record(await h.chat({ temperature: 1, stream: true }));
    seen.push(...h.logs, JSON.stringify(h.gateway!.stats()));

    expect(h.logs.join('\n')).toMatch(/"a" failed \(http-error: HTTP 401\)/);
    expect(seen.join('\n')).toContain('[DONE]');
    for (const key of keys) {
      for (const text of seen) expect(text).not.toContain(key);
      for (const text of seen) expect(text).not.toContain(key.slice(-12));
    }
  });
});
