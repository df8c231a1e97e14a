// Migration 4 (accounts and security) on a database that already has data, on SQLite and on
// PostgreSQL (whichever this test project runs): invite codes in use keep working after they are
// replaced by their hashes, old sessions are gone (everyone signs in again), users keep their rows.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { hashToken } from '../auth/tokens.ts';
import { createTestDatabase, type TestDatabase } from '../test-support/test-store.ts';
import { MIGRATIONS } from './migrations.ts';

const ACCOUNTS = MIGRATIONS.findIndex((migration) => migration.name.startsWith('accounts and security'));
const BEFORE = MIGRATIONS.slice(0, ACCOUNTS);
const CODE = 'ABCDE-FGHJK';
const SEED = `
  INSERT INTO orgs VALUES ('o', 'Acme', 't');
  INSERT INTO users VALUES ('u', 'o', 'ada@acme.test', 'Ada', 'admin', 'scrypt$x', 't');
  INSERT INTO sessions VALUES ('session-hash', 'u', '2099-01-01T00:00:00.000Z', 't');
  INSERT INTO invites VALUES ('${CODE}', 'o', 'u', 'Spring', 5, 1, '2099-01-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z');
`;

let db: TestDatabase;
afterEach(() => db?.cleanup());

/** A database at the version before migration 4, with an org, its admin, a session and an invite code. */
async function databaseBeforeAccounts(): Promise<TestDatabase> {
  db = await createTestDatabase();
  const record = 'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)';
  if (db.kind === 'sqlite') {
    const raw = new Database(join(db.env.DATA_DIR!, 'interview-buddy.sqlite'));
    raw.exec(record);
    for (const migration of BEFORE) {
      raw.exec(migration.sqlite);
      raw.prepare("INSERT INTO schema_migrations VALUES (?, 'old', 't')").run(migration.version);
    }
    raw.exec(SEED);
    raw.close();
  } else {
    const pool = new pg.Pool({ connectionString: db.env.DATABASE_URL, max: 1 });
    try {
      await pool.query(record);
      for (const migration of BEFORE) {
        await pool.query(migration.postgres);
        await pool.query("INSERT INTO schema_migrations VALUES ($1, 'old', 't')", [migration.version]);
      }
      await pool.query(SEED);
    } finally {
      await pool.end();
    }
  }
  return db;
}

describe('migration 4: accounts and security', () => {
  it('keeps invite codes in use working by their hash, and keeps nothing of the codes themselves', async () => {
    const database = await databaseBeforeAccounts();
    const store = await database.open();
    expect(await database.columns('invites')).not.toContain('code');
    expect(JSON.stringify(await database.queryRaw('SELECT * FROM invites'))).not.toContain(CODE);
    expect(await database.queryRaw('SELECT code_hash, label, uses, max_uses FROM invites')).toEqual([{ code_hash: hashToken(CODE), label: 'Spring', uses: 1, max_uses: 5 }]);
    const listed = await store.listInvites('o');
    expect(listed).toEqual([expect.objectContaining({ label: 'Spring', uses: 1, maxUses: 5, id: expect.stringMatching(/^\w{16,}$/) })]);
    const redeemed = await store.redeemInvite({ codeHash: hashToken(CODE), clientId: 'device-1', candidateName: 'Grace', tokenHash: 'device-token-hash', now: '2026-11-20T10:00:00.000Z' });
    expect(redeemed.ok).toBe(true);
    expect(await database.queryRaw('SELECT uses FROM invites')).toEqual([{ uses: 2 }]);
  });

  it('ends the old sessions and keeps the users, enabled', async () => {
    const database = await databaseBeforeAccounts();
    const store = await database.open();
    expect(await database.queryRaw("SELECT count(*) AS n FROM auth_sessions")).toEqual([{ n: 0 }]);
    expect(await store.findAccessSession('session-hash', '2026-11-20T10:00:00.000Z')).toEqual({ ok: false, reason: 'unknown' });
    expect(await store.findUserByEmail('ada@acme.test')).toMatchObject({ id: 'u', role: 'admin', disabledAt: null });
    expect(await store.listUsers('o')).toEqual([expect.objectContaining({ id: 'u', status: 'active', lastSignInAt: null })]);
  });
});
