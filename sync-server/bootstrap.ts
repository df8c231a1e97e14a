// env → config → store → app. Shared by main.ts and the Vite dev server, so both serve the same API.
import packageJson from '../package.json';
import { createApp } from './app.ts';
import { readConfig, type ServerConfig } from './config.ts';
import { openSqliteStore } from './db/sqlite-store.ts';

export async function createAppFromEnv(env: Record<string, string | undefined> = process.env) {
  const config: ServerConfig = readConfig(env);
  const store = openSqliteStore({ dataDir: config.dataDir });
  const app = createApp({ store, maxBodyBytes: config.maxBodyBytes, sessionTtlMs: config.sessionTtlMs, version: packageJson.version });
  return {
    app,
    config,
    store,
    close: async () => store.close(),
  };
}
