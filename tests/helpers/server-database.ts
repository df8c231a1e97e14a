// A fresh, empty database for a sync server started as a child process: SQLite in a DATA_DIR of its
// own, or a PostgreSQL schema of its own at TEST_DATABASE_URL (search_path in DATABASE_URL's options),
// dropped afterwards. `query` reads what is really stored through a connection of its own, for the
// ground truth. Schemas left by a killed run are named ib_it_* and hold nothing else.
// Must not import: the server's code (the server is another process; only its tables are read here).
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export type ServerDatabaseKind = 'sqlite' | 'postgres';

export interface ServerDatabase {
  kind: ServerDatabaseKind;
  /** DATA_DIR for the server (and, on SQLite, its database). */
  dataDir: string;
  /** What the server and the admin CLI need in their environment besides DATA_DIR. */
  env: Record<string, string>;
  /** Parameters are written `?`; BIGINT counts come back as numbers. */
  query<T>(sql: string, ...params: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

/** The databases to run a server test on: SQLite always, PostgreSQL too when TEST_DATABASE_URL is set. */
export function serverDatabaseKinds(): ServerDatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

/** `postgresUrl`: the server to make a schema in; TEST_DATABASE_URL unless given. */
export async function createServerDatabase(kind: ServerDatabaseKind, postgresUrl = process.env.TEST_DATABASE_URL): Promise<ServerDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ib-it-'));
  if (kind === 'sqlite') {
    return {
      kind,
      dataDir,
      env: {},
      query: async <T>(sql: string, ...params: unknown[]) => {
        const db = new Database(join(dataDir, 'interview-buddy.sqlite'), { readonly: true, fileMustExist: true });
        try {
          return db.prepare(sql).all(...params) as T[];
        } finally {
          db.close();
        }
      },
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const base = postgresUrl;
  if (!base) throw new Error('A PostgreSQL run needs TEST_DATABASE_URL, e.g. postgres://ib:ib@127.0.0.1:5432/ib_test.');
  const schema = `ib_it_${randomBytes(6).toString('hex')}`;
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const databaseUrl = url.toString();
  const types = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === 20 && format !== 'binary' ? Number : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser,
  };
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2, types });
  await pool.query(`CREATE SCHEMA ${schema}`);
  return {
    kind,
    dataDir,
    env: { DATABASE_URL: databaseUrl },
    query: async <T>(sql: string, ...params: unknown[]) => {
      let n = 0;
      return (await pool.query(sql.replace(/\?/g, () => `$${++n}`), params)).rows as T[];
    },
    drop: async () => {
      try {
        await pool.query(`DROP SCHEMA ${schema} CASCADE`);
      } finally {
        await pool.end();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}
