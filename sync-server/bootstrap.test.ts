import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppFromEnv } from './bootstrap.ts';
import { ConfigError } from './config.ts';

describe('createAppFromEnv', () => {
  it('builds a working API on a database in DATA_DIR, and closes it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ib-bootstrap-'));
    try {
      const { app, config, close } = await createAppFromEnv({ DATA_DIR: dataDir });
      expect(config.dataDir).toBe(dataDir);
      const health = await app.request('/api/health');
      expect(await health.json()).toEqual({ ok: true, db: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
      await close();
      expect((await app.request('/api/health')).status).toBe(503);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses to start on a bad environment', async () => {
    await expect(createAppFromEnv({ PORT: 'x' })).rejects.toBeInstanceOf(ConfigError);
  });
});
