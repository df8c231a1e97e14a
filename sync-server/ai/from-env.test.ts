// The gateway as start-up builds it: AI_* variables → readAiConfig → AiGateway → /api/ai/chat.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeOpenAiProvider } from '../../tests/helpers/fake-openai-provider.ts';
import { createAppFromEnv } from '../bootstrap.ts';
import { ConfigError } from '../config.ts';
import { json, orgWithDevice } from '../test-support/fixtures.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe('createAppFromEnv with AI_PROVIDERS', () => {
  it('serves /api/ai/chat through the configured provider, with the key taken from apiKeyEnv', async () => {
    const provider = await startFakeOpenAiProvider({ apiKey: 'sk-from-the-environment', respond: () => 'hello from the provider' });
    cleanups.push(() => provider.close());
    const dataDir = mkdtempSync(join(tmpdir(), 'ib-ai-env-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const providers = [{ name: 'fake', baseUrl: provider.url, apiKeyEnv: 'FAKE_PROVIDER_KEY', model: 'fake-1', dailyQuota: 10, requestsPerMinute: 10, priority: 1 }];
    const { app, store, ai, close } = await createAppFromEnv({
      DATA_DIR: dataDir,
      AI_PROVIDERS: JSON.stringify(providers),
      FAKE_PROVIDER_KEY: 'sk-from-the-environment',
      AI_DEVICE_REQUESTS_PER_MINUTE: '1',
    });
    cleanups.push(close);

    const { token } = await orgWithDevice({ app, store, dataDir, cleanup: () => undefined });
    const chat = () => app.request('/api/ai/chat', json({ messages: [{ role: 'user', content: 'Hi' }], temperature: 0.5 }, { authorization: `Bearer ${token}` }));
    const response = await chat();
    expect(response.status).toBe(200);
    expect(((await response.json()) as { choices: { message: { content: string } }[] }).choices[0]!.message.content).toBe('hello from the provider');
    expect((await chat()).status).toBe(429);
    expect(ai.stats().providers).toMatchObject([{ name: 'fake', ok: 1, failed: 0 }]);
    expect(provider.requests[0]?.model).toBe('fake-1');
  });

  it('answers 503 when no provider is configured', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ib-ai-env-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const { app, store, ai, close } = await createAppFromEnv({ DATA_DIR: dataDir });
    cleanups.push(close);
    expect(ai.hasProviders).toBe(false);
    const { token } = await orgWithDevice({ app, store, dataDir, cleanup: () => undefined });
    const response = await app.request('/api/ai/chat', json({ messages: [{ role: 'user', content: 'Hi' }] }, { authorization: `Bearer ${token}` }));
    expect(response.status).toBe(503);
  });

  it('refuses to start on a bad provider list', async () => {
    await expect(createAppFromEnv({ AI_PROVIDERS: '[{"name": "x"}]' })).rejects.toBeInstanceOf(ConfigError);
    await expect(createAppFromEnv({ AI_PROVIDERS: '[]', AI_PROVIDERS_FILE: '/nowhere.json' })).rejects.toThrow(/keep only one/);
  });
});
