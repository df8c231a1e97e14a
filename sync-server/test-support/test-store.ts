// A fresh, empty database for each server test, of the kind the test project asks for:
// - SQLite in a temp dir (the `node` project, and by default);
// - PostgreSQL at TEST_DATABASE_URL, in a schema of its own with a random name (the `server-postgres`
//   project sets IB_TEST_STORE=postgres), reached with search_path set in the connection options and
//   dropped afterwards. Schemas left by a killed run are named ib_test_* and hold nothing else.
// Tests read the database through queryRaw (a second connection, not the store) for the ground truth.
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPostgresStore } from '../db/postgres-store.ts';
import { openSqliteStore } from '../db/sqlite-store.ts';
import type { Store } from '../db/store.ts';

export type TestStoreKind = 'sqlite' | 'postgres';

/** The kind of database this test run uses. */
export const TEST_STORE_KIND: TestStoreKind = process.env.IB_TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';

export interface TestStoreOptions {
  /** Called inside the push transaction after the events are written, before commit. */
  beforeIngestCommit?: () => void;
}

/** An empty database of its own; stores opened on it share its data. */
export interface TestDatabase {
  kind: TestStoreKind;
  /** What a child process (main.ts, the admin CLI) needs in its environment to use this database. */
  env: Record<string, string>;
  /** Opens a store on this database (again, to see what survives a restart); cleanup closes it. */
  open(options?: TestStoreOptions): Promise<Store>;
  /**
   * Runs `sql` through a connection of its own, not the store's: what is really stored. Parameters are
   * written `?`. Counts come back as numbers.
   */
  queryRaw<T>(sql: string, ...params: unknown[]): Promise<T[]>;
  /** The names of a table's columns. */
  columns(table: string): Promise<string[]>;
  /** Closes every store opened here and removes the database. */
  cleanup(): Promise<void>;
}

export interface TestStore extends TestDatabase {
  store: Store;
}

export function createTestDatabase(): Promise<TestDatabase> {
  return TEST_STORE_KIND === 'postgres' ? createPostgresTestDatabase() : createSqliteTestDatabase();
}

/** A store on a database of its own. */
export async function openTestStore(options: TestStoreOptions = {}): Promise<TestStore> {
  const db = await createTestDatabase();
  try {
    return { ...db, store: await db.open(options) };
  } catch (error) {
    await db.cleanup();
    throw error;
  }
}

async function createSqliteTestDatabase(): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ib-server-'));
  const opened: Store[] = [];
  const queryRaw = async <T>(sql: string, ...params: unknown[]) => {
    const db = new Database(join(dataDir, 'interview-buddy.sqlite'), { readonly: true });
    try {
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  };
  return {
    kind: 'sqlite',
    env: { DATA_DIR: dataDir },
    open: async (options = {}) => {
      const store = openSqliteStore({ ...options, dataDir });
      opened.push(store);
      return store;
    },
    queryRaw,
    columns: async (table) => (await queryRaw<{ name: string }>('SELECT name FROM pragma_table_info(?)', table)).map((column) => column.name),
    cleanup: async () => {
      for (const store of opened) await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** TEST_DATABASE_URL with `search_path` set to `schema` in its connection options. */
export function databaseUrlWithSchema(databaseUrl: string, schema: string): string {
  const url = new URL(databaseUrl);
  const options = url.searchParams.get('options');
  url.searchParams.set('options', `${options ? `${options} ` : ''}-c search_path=${schema}`);
  return url.toString();
}

export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      'IB_TEST_STORE=postgres needs TEST_DATABASE_URL: a postgres:// URL of a database whose user may create schemas, e.g. postgres://ib:ib@127.0.0.1:5432/ib_test.',
    );
  }
  return url;
}

// Counts and other BIGINTs as numbers, as the store returns them.
const rawTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === 20 && format !== 'binary' ? Number : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser,
};

async function createPostgresTestDatabase(): Promise<TestDatabase> {
  const baseUrl = testDatabaseUrl();
  const schema = `ib_test_${randomBytes(6).toString('hex')}`;
  const databaseUrl = databaseUrlWithSchema(baseUrl, schema);
  const raw = new pg.Pool({ connectionString: databaseUrl, max: 2, types: rawTypes });
  try {
    await raw.query(`CREATE SCHEMA ${schema}`);
  } catch (error) {
    await raw.end();
    throw error;
  }
  const opened: Store[] = [];
  const queryRaw = async <T>(sql: string, ...params: unknown[]) => {
    let n = 0;
    return (await raw.query(sql.replace(/\?/g, () => `$${++n}`), params)).rows as T[];
  };
  return {
    kind: 'postgres',
    env: { DATABASE_URL: databaseUrl },
    open: async (options = {}) => {
      const store = await openPostgresStore({ ...options, databaseUrl, maxConnections: 4 });
      opened.push(store);
      return store;
    },
    queryRaw,
    columns: async (table) =>
      (
        await queryRaw<{ name: string }>(
          'SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position',
          table,
        )
      ).map((column) => column.name),
    cleanup: async () => {
      for (const store of opened) await store.close();
      try {
        await raw.query(`DROP SCHEMA ${schema} CASCADE`);
      } finally {
        await raw.end();
      }
    },
  };
}
