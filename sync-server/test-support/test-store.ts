// A fresh, empty database for each server test: SQLite in a temp dir.
// Tests read the database through queryRaw (a second connection, not the store) for the ground truth.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../db/sqlite-store.ts';
import type { Store } from '../db/store.ts';

export interface TestStoreOptions {
  /** Called inside the push transaction after the events are written, before commit. */
  beforeIngestCommit?: () => void;
}

/** An empty database of its own; stores opened on it share its data. */
export interface TestDatabase {
  kind: 'sqlite';
  /** What a child process (main.ts, the admin CLI) needs in its environment to use this database. */
  env: Record<string, string>;
  /** Opens a store on this database (again, to see what survives a restart); cleanup closes it. */
  open(options?: TestStoreOptions): Promise<Store>;
  /**
   * Runs `sql` through a connection of its own, not the store's: what is really stored. Parameters are
   * written `?`. Counts come back as numbers.
   */
  queryRaw<T>(sql: string, ...params: unknown[]): Promise<T[]>;
  /** Closes every store opened here and removes the database. */
  cleanup(): Promise<void>;
}

export interface TestStore extends TestDatabase {
  store: Store;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ib-server-'));
  const opened: Store[] = [];
  return {
    kind: 'sqlite',
    env: { DATA_DIR: dataDir },
    open: async (options = {}) => {
      const store = openSqliteStore({ ...options, dataDir });
      opened.push(store);
      return store;
    },
    queryRaw: async <T>(sql: string, ...params: unknown[]) => {
      const db = new Database(join(dataDir, 'interview-buddy.sqlite'), { readonly: true });
      try {
        return db.prepare(sql).all(...params) as T[];
      } finally {
        db.close();
      }
    },
    cleanup: async () => {
      for (const store of opened) await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
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
