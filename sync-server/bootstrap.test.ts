import { describe, expect, it } from 'vitest';
import { createAppFromEnv } from './bootstrap.ts';
import { ConfigError } from './config.ts';
import { createTestDatabase } from './test-support/test-store.ts';

describe('createAppFromEnv', () => {
  it('builds a working API on the configured database (DATA_DIR, or DATABASE_URL), and closes it', async () => {
    const db = await createTestDatabase();
    try {
      const { app, config, store, close } = await createAppFromEnv(db.env);
      if (db.kind === 'postgres') expect(config.databaseUrl).toBe(db.env.DATABASE_URL);
      else expect(config.dataDir).toBe(db.env.DATA_DIR);
      const health = await app.request('/api/health');
      expect(await health.json()).toEqual({ ok: true, db: 'ok', redis: 'not-configured', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
      // The store it opened is the one in the environment: what it writes is there.
      await store.createOrg({ name: 'Acme', admin: { email: 'ada@acme.test', name: 'Ada', passwordHash: 'x' } });
      expect(await db.queryRaw('SELECT name FROM orgs')).toEqual([{ name: 'Acme' }]);
      await close();
      expect((await app.request('/api/health')).status).toBe(503);
    } finally {
      await db.cleanup();
    }
  });

  it('refuses to start on a bad environment', async () => {
    await expect(createAppFromEnv({ PORT: 'x' })).rejects.toBeInstanceOf(ConfigError);
    await expect(createAppFromEnv({ DATABASE_URL: 'mysql://ib@db/ib' })).rejects.toThrow(/DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ URL/);
  });

  it('reports Redis in /api/health: ok with REDIS_URL, 503 and unreachable when it does not answer', async () => {
    const db = await createTestDatabase();
    try {
      // Port 9 (discard): nothing listens, so Redis is refused at once.
      const down = await createAppFromEnv({ ...db.env, REDIS_URL: 'redis://127.0.0.1:9' });
      const downHealth = await down.app.request('/api/health');
      expect(downHealth.status).toBe(503);
      expect(await downHealth.json()).toMatchObject({ ok: false, db: 'ok', redis: 'unreachable' });
      await down.close();
      const redisUrl = process.env.TEST_REDIS_URL;
      if (redisUrl) {
        const up = await createAppFromEnv({ ...db.env, REDIS_URL: redisUrl, REDIS_KEY_PREFIX: 'ib-bootstrap-test:' });
        expect(await (await up.app.request('/api/health')).json()).toMatchObject({ ok: true, redis: 'ok' });
        expect(up.shared.backend).toBe('redis');
        await up.close();
      }
    } finally {
      await db.cleanup();
    }
  });

  it('refuses a REDIS_URL that is not redis://, without repeating it', async () => {
    const failure = createAppFromEnv({ REDIS_URL: 'http://user:secret-password@cache' });
    await expect(failure).rejects.toThrow(/REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/);
    await expect(failure).rejects.not.toThrow(/secret-password/);
  });

  it('says where PostgreSQL was expected when it cannot be reached, without the password', async () => {
    // Port 9 (discard) on this machine: nothing listens there, so the connection is refused at once.
    const failure = createAppFromEnv({ DATABASE_URL: 'postgres://ib:secret-password@127.0.0.1:9/ib' });
    await expect(failure).rejects.toThrow(/Cannot open the PostgreSQL database at 127\.0\.0\.1:9\/ib \(DATABASE_URL\).*Check that PostgreSQL is running/);
    await expect(failure).rejects.not.toThrow(/secret-password/);
  });
});
