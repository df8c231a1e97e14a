// env → config → store (PostgreSQL when DATABASE_URL is set, else SQLite in DATA_DIR) → app. Shared by
// main.ts and the Vite dev server, so both serve the same API.
import packageJson from '../package.json';
import { createApp } from './app.ts';
import { readAiConfig, readConfig, readModelsConfig, type ServerConfig } from './config.ts';
import { AiGateway } from './ai/gateway.ts';
import { openStore } from './db/open-store.ts';
import { readObservabilityConfig } from './observability/observability-config.ts';

export async function createAppFromEnv(env: Record<string, string | undefined> = process.env) {
  const config: ServerConfig = readConfig(env);
  // Read before the store opens, so a bad provider list stops start-up without leaving anything open.
  const aiConfig = readAiConfig(env);
  const modelsConfig = readModelsConfig(env);
  const ai = new AiGateway(aiConfig);
  const store = await openStore(config);
  const app = createApp({
    store,
    maxBodyBytes: config.maxBodyBytes,
    sessionTtlMs: config.sessionTtlMs,
    accessTtlMs: config.accessTtlMs,
    trustProxy: config.trustProxy,
    deviceSyncPerMinute: config.deviceSyncPerMinute,
    version: packageJson.version,
    ai,
    ...modelsConfig,
    observability: { settings: readObservabilityConfig(env) },
  });
  return {
    app,
    config,
    store,
    ai,
    close: () => store.close(),
  };
}
