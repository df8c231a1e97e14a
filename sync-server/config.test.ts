import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from './protocol/limits.ts';
import { ConfigError, readConfig } from './config.ts';

describe('readConfig', () => {
  it('has a default for every variable, and treats empty ones as unset', () => {
    expect(readConfig({ PORT: '' })).toEqual({
      port: 8787,
      host: '0.0.0.0',
      dataDir: './data',
      sessionTtlMs: 12 * 3_600_000,
      accessTtlMs: 15 * 60_000,
      trustProxy: 0,
      deviceSyncPerMinute: 120,
      maxBodyBytes: MAX_BODY_BYTES,
      staticDir: './dist',
    });
  });

  it('reads and converts what is set', () => {
    const config = readConfig({ PORT: '9000', DATA_DIR: '/var/lib/ib', SESSION_TTL_HOURS: '1.5', MAX_BODY_BYTES: '2048', HOST: '127.0.0.1' });
    expect(config).toMatchObject({ port: 9000, dataDir: '/var/lib/ib', sessionTtlMs: 5_400_000, maxBodyBytes: 2048, host: '127.0.0.1' });
  });

  it('reads TRUST_PROXY as a number of proxies, and refuses anything else', () => {
    expect(readConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(1);
    expect(readConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(0);
    expect(readConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    for (const bad of ['yes', '-1', '1.5']) expect(() => readConfig({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY: must be false, true/);
  });

  it('takes a PostgreSQL DATABASE_URL, and names the variable when it is not one', () => {
    expect(readConfig({ DATABASE_URL: 'postgres://ib:pw@db.example.org:5432/ib' }).databaseUrl).toBe('postgres://ib:pw@db.example.org:5432/ib');
    expect(readConfig({ DATABASE_URL: 'postgresql://ib@localhost/ib' }).databaseUrl).toBe('postgresql://ib@localhost/ib');
    for (const bad of ['mysql://ib:pw@db/ib', 'db.example.org:5432', 'postgres:/ib']) {
      expect(() => readConfig({ DATABASE_URL: bad }), bad).toThrow(/DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ URL/);
    }
    // The value may hold a password: the message names the variable, never the value.
    expect(() => readConfig({ DATABASE_URL: 'mysql://ib:secret-pw@db/ib' })).not.toThrow(/secret-pw/);
  });

  it('names every bad variable in one error', () => {
    let error: unknown;
    try {
      readConfig({ PORT: 'eighty', SESSION_TTL_HOURS: '-1', MAX_BODY_BYTES: '10' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const name of ['PORT', 'SESSION_TTL_HOURS', 'MAX_BODY_BYTES']) expect(message).toContain(`${name}:`);
  });
});
