// Picks the database from the configuration: PostgreSQL when DATABASE_URL is set, else SQLite in
// DATA_DIR. Used by every process that opens the store (the server, the admin CLI).
import type { ServerConfig } from '../config.ts';
import { openPostgresStore } from './postgres-store.ts';
import { openSqliteStore } from './sqlite-store.ts';
import type { Store } from './store.ts';

export async function openStore(config: Pick<ServerConfig, 'dataDir' | 'databaseUrl'>): Promise<Store> {
  return config.databaseUrl ? openPostgresStore({ databaseUrl: config.databaseUrl }) : openSqliteStore({ dataDir: config.dataDir });
}
