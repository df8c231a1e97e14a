// GET /api/client-config through app.request(): which mirror a client is told to use.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type AppDeps } from '../app.ts';
import { createAppFromEnv } from '../bootstrap.ts';
import { readModelsConfig } from '../config.ts';
import { createTestServer, type TestServer } from '../test-support/fixtures.ts';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(() => server.cleanup());

async function clientConfig(deps: Partial<AppDeps>) {
  const app = createApp({ store: server.store, maxBodyBytes: 1_048_576, sessionTtlMs: 3_600_000, ...deps });
  const response = await app.request('/api/client-config');
  expect(response.status).toBe(200);
  return response.json();
}

describe('GET /api/client-config', () => {
  it('announces an external mirror when MODEL_MIRROR_URL is set, even beside MODELS_DIR', async () => {
    expect(await clientConfig({ modelMirrorUrl: 'https://models.example.org/', modelsDir: '/srv/models' })).toEqual({
      modelMirrorUrl: 'https://models.example.org',
      cloudAi: false,
    });
  });

  it("announces this server's /models when only MODELS_DIR is set", async () => {
    expect(await clientConfig({ modelsDir: '/srv/models' })).toEqual({ modelMirrorUrl: '/models', cloudAi: false });
  });

  it('announces no mirror (the public hosts) when neither is set', async () => {
    expect(await clientConfig({})).toEqual({ modelMirrorUrl: null, cloudAi: false });
  });
});

describe('the mirror settings from the environment', () => {
  it('reaches the client config and mounts /models', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ib-client-config-'));
    try {
      const { app, close } = await createAppFromEnv({ DATA_DIR: dataDir, MODELS_DIR: dataDir });
      expect(await (await app.request('/api/client-config')).json()).toEqual({ modelMirrorUrl: '/models', cloudAi: false });
      expect((await app.request('/models/nothing.bin')).status).toBe(404);
      await close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses a MODEL_MIRROR_URL that is not an http(s) URL, naming the variable', () => {
    expect(() => readModelsConfig({ MODEL_MIRROR_URL: 'ftp://models.example.org' })).toThrow(/MODEL_MIRROR_URL: must be an http\(s\) URL/);
    expect(readModelsConfig({ MODEL_MIRROR_URL: 'https://models.example.org' }).modelMirrorUrl).toBe('https://models.example.org');
  });
});
