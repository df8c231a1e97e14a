// The admin CLI as an operator runs it, against a real database (test-store.ts: SQLite in DATA_DIR,
// or PostgreSQL through DATABASE_URL in the server-postgres project).
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from './auth/password.ts';
import { createTestDatabase, type TestDatabase } from './test-support/test-store.ts';

const ROOT = resolve(import.meta.dirname, '..');
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.cleanup());

function admin(args: string[], env: Record<string, string> = {}) {
  const { ADMIN_PASSWORD: _password, DATA_DIR: _dataDir, DATABASE_URL: _databaseUrl, ...inherited } = process.env;
  const result = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['sync-server/admin-cli.ts', ...args], {
    cwd: ROOT,
    env: { ...inherited, ...db.env, ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { status: result.status, out: result.stdout, err: result.stderr };
}

// Each test starts the CLI (tsx) a few times, which takes seconds on a busy machine.
describe('admin CLI', { timeout: 30_000 }, () => {
  it('prints help', () => {
    const result = admin(['help']);
    expect(result.status).toBe(0);
    expect(result.out).toMatch(/create-org/);
    expect(result.out).toMatch(/create-user/);
  });

  it('creates an organisation with its admin, and refuses a second one of the same name', () => {
    const created = admin(['create-org', '--name', 'Acme', '--admin-email', 'Ada@Acme.test', '--admin-name', 'Ada', '--password', 'long enough pw']);
    expect(created.status, created.err).toBe(0);
    expect(created.out).toMatch(/Created organisation "Acme"/);
    const again = admin(['create-org', '--name', 'Acme', '--admin-email', 'other@acme.test', '--admin-name', 'O', '--password', 'long enough pw']);
    expect(again.status).toBe(1);
    expect(again.err).toMatch(/An organisation named "Acme" already exists/);
  });

  it('adds an interviewer, taking the password from ADMIN_PASSWORD, and refuses a used email', async () => {
    const added = admin(['create-user', '--org', 'Acme', '--email', 'bob@acme.test', '--name', 'Bob'], { ADMIN_PASSWORD: 'from the environment' });
    expect(added.status, added.err).toBe(0);
    expect(added.out).toMatch(/Added interviewer bob@acme.test to "Acme"/);
    const store = await db.open();
    try {
      const bob = (await store.findUserByEmail('bob@acme.test'))!;
      expect(bob.role).toBe('interviewer');
      expect(await verifyPassword('from the environment', bob.passwordHash)).toBe(true);
      expect((await store.findUserByEmail('ada@acme.test'))?.role).toBe('admin');
    } finally {
      await store.close();
    }
    const taken = admin(['create-user', '--org', 'Acme', '--email', 'BOB@acme.test', '--name', 'Bob 2', '--password', 'long enough pw']);
    expect(taken.status).toBe(1);
    expect(taken.err).toMatch(/already in use/);
  });

  it('refuses short or missing passwords, unknown organisations and unknown commands', () => {
    const short = admin(['create-org', '--name', 'Globex', '--admin-email', 'g@globex.test', '--admin-name', 'G', '--password', 'short']);
    expect(short.err).toMatch(/at least 10 characters/);
    const none = admin(['create-org', '--name', 'Globex', '--admin-email', 'g@globex.test', '--admin-name', 'G']);
    expect(none.err).toMatch(/ADMIN_PASSWORD/);
    const noOrg = admin(['create-user', '--org', 'Nope', '--email', 'x@nope.test', '--name', 'X', '--password', 'long enough pw']);
    expect(noOrg.err).toMatch(/No organisation named "Nope"/);
    const unknown = admin(['frobnicate']);
    expect(unknown.status).toBe(1);
    expect(unknown.err).toMatch(/Unknown command/);
  });
});
