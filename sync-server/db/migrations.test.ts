import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from './migrations.ts';
import { migrate, openSqliteStore } from './sqlite-store.ts';

describe('the migration list', () => {
  it('numbers the migrations 1, 2, 3 … with no gaps, the same numbers for both databases', () => {
    expect(MIGRATIONS.map((migration) => migration.version)).toEqual(MIGRATIONS.map((_, index) => index + 1));
    for (const migration of MIGRATIONS) {
      expect(migration.sqlite.trim(), `${migration.version} sqlite`).not.toBe('');
      expect(migration.postgres.trim(), `${migration.version} postgres`).not.toBe('');
    }
  });

  it('never changes a shipped migration (add the next one instead, and pin it here)', () => {
    // A shipped migration has already run on databases in use; editing it would change nothing there
    // and make new databases differ from old ones. The SQLite text of 1-3 is what shipped before
    // PostgreSQL existed.
    const sha = (sql: string) => createHash('sha256').update(sql).digest('hex').slice(0, 16);
    expect(MIGRATIONS.map((migration) => ({ version: migration.version, sqlite: sha(migration.sqlite), postgres: sha(migration.postgres) }))).toEqual([
      { version: 1, sqlite: 'b987b7bcd0c8e689', postgres: '10aa7e1149ca9fcc' },
      { version: 2, sqlite: 'c37e98a323383d8d', postgres: '865cbbfc6c38c35f' },
      { version: 3, sqlite: '550c5bc9ae2d66da', postgres: 'e39ad8426546630a' },
      { version: 4, sqlite: '5f381bc4887d1a0d', postgres: '5a5c5c6b34632f7e' },
      { version: 5, sqlite: 'a34d07758e1bc4d6', postgres: '4cb6beb986a9dde5' },
      { version: 6, sqlite: '5b901c79ed5efc82', postgres: 'f2a5050150341d96' },
      { version: 7, sqlite: '78954453762955d1', postgres: 'c4c2144e3f1f8935' },
    ]);
  });
});

describe('migrations on SQLite', () => {
  it('run once each, in order, and are recorded', () => {
    const db = new Database(':memory:');
    expect(migrate(db)).toEqual(MIGRATIONS.map((migration) => migration.version));
    expect(migrate(db)).toEqual([]);
    const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
    expect(versions).toEqual(MIGRATIONS.map((migration) => migration.version));
    db.close();
  });

  it('upgrade a version 1 database in place, keeping its data', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    db.exec(MIGRATIONS[0]!.sqlite);
    db.prepare("INSERT INTO schema_migrations VALUES (1, 'v1', '2026-11-01T00:00:00Z')").run();
    db.exec(`
      INSERT INTO orgs VALUES ('o', 'Acme', 't');
      INSERT INTO devices (id, org_id, client_id, candidate_name, token_hash, created_at) VALUES ('d', 'o', 'c', 'Grace', 'h', 't');
      INSERT INTO events VALUES ('e1', 'd', 'o', 1, 'turn.answered', 't', '{"interviewId":"iv"}', 't');
      INSERT INTO interviews (id, org_id, device_id, candidate_name, updated_at) VALUES ('iv', 'o', 'd', 'Grace', 't');
      INSERT INTO turns VALUES ('t1', 'iv', 0, '{}', 'my answer', 0, 1000, 't', NULL, NULL);
    `);
    expect(migrate(db)).toEqual(MIGRATIONS.slice(1).map((migration) => migration.version));
    expect(db.prepare('SELECT interview_id FROM events').pluck().get()).toBe('iv');
    expect(db.prepare('SELECT interview_id, id, seq, answer FROM turns').get()).toEqual({ interview_id: 'iv', id: 't1', seq: 0, answer: 'my answer' });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it('upgrade a version 2 database to the question cache (version 3), keeping its data', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const migration of MIGRATIONS.filter((m) => m.version <= 2)) {
      db.exec(migration.sqlite);
      db.prepare("INSERT INTO schema_migrations VALUES (?, 'old', '2026-11-01T00:00:00Z')").run(migration.version);
    }
    db.exec(`
      INSERT INTO orgs VALUES ('o', 'Acme', 't');
      INSERT INTO devices (id, org_id, client_id, candidate_name, token_hash, created_at) VALUES ('d', 'o', 'c', 'Grace', 'h', 't');
      INSERT INTO events (id, device_id, org_id, seq, type, at, payload, received_at, interview_id) VALUES ('e1', 'd', 'o', 1, 'turn.answered', 't', '{}', 't', 'iv');
      INSERT INTO interviews (id, org_id, device_id, candidate_name, updated_at) VALUES ('iv', 'o', 'd', 'Grace', 't');
      INSERT INTO turns (interview_id, id, seq, idx, question, answer, skipped, active_ms, answered_at) VALUES ('iv', 't1', 1, 0, '{}', 'my answer', 0, 1000, 't');
    `);
    expect(migrate(db)).toEqual(MIGRATIONS.filter((m) => m.version > 2).map((m) => m.version));
    expect(db.prepare('SELECT id, seq, answer FROM turns').get()).toEqual({ id: 't1', seq: 1, answer: 'my answer' });
    expect(db.prepare('SELECT count(*) FROM events').pluck().get()).toBe(1);
    expect(db.prepare('SELECT candidate_name FROM devices').pluck().get()).toBe('Grace');
    expect(db.prepare('SELECT count(*) FROM question_plans').pluck().get()).toBe(0);
    expect(db.prepare('SELECT name, value FROM question_cache_counters ORDER BY name').all()).toEqual([
      { name: 'hits', value: 0 },
      { name: 'misses', value: 0 },
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it('open a real file in WAL mode, and reopening keeps the data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ib-migrate-'));
    try {
      const store = openSqliteStore({ dataDir: dir });
      await store.createOrg({ name: 'Acme', admin: { email: 'a@acme.test', name: 'A', passwordHash: 'x' } });
      await store.close();
      const reopened = openSqliteStore({ dataDir: dir });
      expect((await reopened.findOrgByName('Acme'))?.name).toBe('Acme');
      await reopened.close();
      const raw = new Database(join(dir, 'interview-buddy.sqlite'));
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      raw.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
