// env → config → store (PostgreSQL when DATABASE_URL is set, else SQLite in DATA_DIR) → app. Shared by
// main.ts and the Vite dev server, so both serve the same API.
import packageJson from '../package.json';
import { createApp } from './app.ts';
import { readAiConfig, readConfig, readModelsConfig, type ServerConfig } from './config.ts';
import { AiGateway } from './ai/gateway.ts';
import { openStore } from './db/open-store.ts';
import { readObservabilityConfig } from './observability/observability-config.ts';
import { createSharedState } from './shared-state/shared-state.ts';
import { readSharedStateConfig } from './shared-state/shared-state-config.ts';

export async function createAppFromEnv(env: Record<string, string | undefined> = process.env) {
  const config: ServerConfig = readConfig(env);
  // Read before the store opens, so a bad provider list stops start-up without leaving anything open.
  const aiConfig = readAiConfig(env);
  const modelsConfig = readModelsConfig(env);
  const sharedConfig = readSharedStateConfig(env);
  // With REDIS_URL, limits, quotas, the AI cache and live fan-out are shared by every process on that Redis.
  const shared = createSharedState({ ...(sharedConfig.redisUrl ? { redisUrl: sharedConfig.redisUrl } : {}), keyPrefix: sharedConfig.keyPrefix });
  const ai = new AiGateway({
    ...aiConfig,
    limiter: shared.limiter,
    counters: shared.counters,
    cache: shared.responseCache({ ttlMs: aiConfig.cacheTtlMs, maxEntries: aiConfig.cacheMaxEntries }),
  });
  let store: Awaited<ReturnType<typeof openStore>>;
  try {
    store = await openStore(config);
  } catch (error) {
    await shared.close();
    throw error;
  }
  // Live streams never finish on their own: stopping ends them, so in-flight requests can drain.
  const streams = new AbortController();
  const app = createApp({
    store,
    shutdown: streams.signal,
    maxBodyBytes: config.maxBodyBytes,
    sessionTtlMs: config.sessionTtlMs,
    accessTtlMs: config.accessTtlMs,
    trustProxy: config.trustProxy,
    deviceSyncPerMinute: config.deviceSyncPerMinute,
    version: packageJson.version,
    ai,
    limiter: shared.limiter,
    bus: shared.bus,
    sharedStateHealth: () => shared.ping(),
    ...modelsConfig,
    observability: { settings: readObservabilityConfig(env) },
  });
  return {
    app,
    config,
    store,
    ai,
    shared,
    /** Ends the open live (SSE) streams; call when the server stops taking requests. */
    endStreams: () => streams.abort(),
    close: async () => {
      try {
        await store.close();
      } finally {
        await shared.close();
      }
    },
  };
}
