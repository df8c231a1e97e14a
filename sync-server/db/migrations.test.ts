import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from './migrations.ts';
import { migrate, openSqliteStore } from './sqlite-store.ts';

describe('migrations', () => {
  it('run once each, in order, and are recorded', () => {
    const db = new Database(':memory:');
    expect(migrate(db)).toEqual(MIGRATIONS.map((migration) => migration.version));
    expect(migrate(db)).toEqual([]);
    const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
    expect(versions).toEqual(MIGRATIONS.map((migration) => migration.version));
    db.close();
  });

  it('open a real file in WAL mode, and reopening keeps the data', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ib-migrate-'));
    try {
      const store = openSqliteStore({ dataDir: dir });
      store.createOrg({ name: 'Acme', admin: { email: 'a@acme.test', name: 'A', passwordHash: 'x' } });
      store.close();
      const reopened = openSqliteStore({ dataDir: dir });
      expect(reopened.findOrgByName('Acme')?.name).toBe('Acme');
      reopened.close();
      const raw = new Database(join(dir, 'interview-buddy.sqlite'));
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      raw.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
