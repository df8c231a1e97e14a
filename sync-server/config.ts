// The server's configuration, read once from the environment and checked with zod, so a bad value
// stops the process at start-up with the variable's name instead of failing later.
import { z } from 'zod';
import { DEFAULT_BREAKER_COOLDOWN_MS } from './ai/circuit-breaker.ts';
import { DEFAULT_CACHE_MAX_ENTRIES, DEFAULT_CACHE_TTL_MS, DEFAULT_DEVICE_REQUESTS_PER_DAY, DEFAULT_DEVICE_REQUESTS_PER_MINUTE } from './ai/gateway.ts';
import { loadProviders, type ProviderConfig } from './ai/provider-config.ts';
import { MAX_BODY_BYTES } from './protocol/limits.ts';
import { DEFAULT_DEVICE_SYNC_PER_MINUTE } from './routes/route-limits.ts';

const DATABASE_URL_PROBLEM = 'must be a postgres:// or postgresql:// URL, such as postgres://user:password@db.example.org:5432/interview_buddy';

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
  ACCESS_TTL_MINUTES: z.coerce.number().positive().max(60).default(15),
  DEVICE_SYNC_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(DEFAULT_DEVICE_SYNC_PER_MINUTE),
  // How many proxies in front of the server append to X-Forwarded-For: false/0 (the default) believes
  // none of it, true means one.
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|10|\d)$/, { error: 'must be false, true (one proxy), or the number of proxies in front of the server (0-10)' })
    .transform((value) => (value === 'true' ? 1 : value === 'false' ? 0 : Number(value)))
    .default(0),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(50 * 1_048_576).default(MAX_BODY_BYTES),
  STATIC_DIR: z.string().min(1).default('./dist'),
  // The password may be in the URL, so the message never repeats the value.
  DATABASE_URL: z
    .string()
    .refine((value) => /^postgres(ql)?:\/\//.test(value) && URL.canParse(value), { error: DATABASE_URL_PROBLEM })
    .optional(),
});

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  sessionTtlMs: number;
  accessTtlMs: number;
  /** Proxies in front that append to X-Forwarded-For; 0: use the socket's address. */
  trustProxy: number;
  /** Pushes, and pulls, each device may make per minute. */
  deviceSyncPerMinute: number;
  maxBodyBytes: number;
  staticDir: string;
  /** PostgreSQL when set; otherwise SQLite in dataDir. */
  databaseUrl?: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function readConfig(env: Record<string, string | undefined> = process.env): ServerConfig {
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = configSchema.safeParse(defined);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ConfigError(`Invalid environment: ${problems}. See .env.example for the variables and their defaults.`);
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: c.DATA_DIR,
    sessionTtlMs: c.SESSION_TTL_HOURS * 3_600_000,
    accessTtlMs: Math.round(c.ACCESS_TTL_MINUTES * 60_000),
    trustProxy: c.TRUST_PROXY,
    deviceSyncPerMinute: c.DEVICE_SYNC_REQUESTS_PER_MINUTE,
    maxBodyBytes: c.MAX_BODY_BYTES,
    staticDir: c.STATIC_DIR,
    ...(c.DATABASE_URL ? { databaseUrl: c.DATABASE_URL } : {}),
  };
}

// The model mirror's settings, read apart from readConfig like the AI settings: both are optional and
// only the server process that serves devices needs them.
const modelsConfigSchema = z.object({
  MODELS_DIR: z.string().min(1).optional(),
  MODEL_MIRROR_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL, such as https://models.example.org' }).optional(),
});

export interface ModelsConfig {
  /** The model mirror's files, served at /models/*; unset: no mirror on this server. */
  modelsDir?: string;
  /** An external model mirror with the same layout, announced to clients instead of /models. */
  modelMirrorUrl?: string;
}

export function readModelsConfig(env: Record<string, string | undefined> = process.env): ModelsConfig {
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = modelsConfigSchema.safeParse(defined);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ConfigError(`Invalid model mirror settings: ${problems}. See .env.example for MODELS_DIR and MODEL_MIRROR_URL.`);
  }
  const c = parsed.data;
  return {
    ...(c.MODELS_DIR ? { modelsDir: c.MODELS_DIR } : {}),
    ...(c.MODEL_MIRROR_URL ? { modelMirrorUrl: c.MODEL_MIRROR_URL } : {}),
  };
}

// The cloud AI gateway's settings, read apart from readConfig so tools that never call a provider
// (the admin CLI) do not need them to be valid.
const aiConfigSchema = z.object({
  AI_PROVIDERS: z.string().optional(),
  AI_PROVIDERS_FILE: z.string().min(1).optional(),
  AI_DEVICE_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(DEFAULT_DEVICE_REQUESTS_PER_MINUTE),
  AI_DEVICE_REQUESTS_PER_DAY: z.coerce.number().int().min(1).max(1_000_000).default(DEFAULT_DEVICE_REQUESTS_PER_DAY),
  AI_CACHE_MAX_ENTRIES: z.coerce.number().int().min(0).max(1_000_000).default(DEFAULT_CACHE_MAX_ENTRIES),
  AI_CACHE_TTL_SECONDS: z.coerce.number().positive().max(30 * 86_400).default(DEFAULT_CACHE_TTL_MS / 1000),
  AI_BREAKER_COOLDOWN_SECONDS: z.coerce.number().positive().max(86_400).default(DEFAULT_BREAKER_COOLDOWN_MS / 1000),
});

export interface AiConfig {
  providers: ProviderConfig[];
  deviceRequestsPerMinute: number;
  deviceRequestsPerDay: number;
  cacheMaxEntries: number;
  cacheTtlMs: number;
  breakerCooldownMs: number;
}

export function readAiConfig(env: Record<string, string | undefined> = process.env): AiConfig {
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = aiConfigSchema.safeParse(defined);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  const providers = loadProviders({ inline: env.AI_PROVIDERS, file: env.AI_PROVIDERS_FILE || undefined, env });
  if (!providers.ok) problems.push(...providers.problems);
  if (!parsed.success || !providers.ok) {
    throw new ConfigError(`Invalid cloud AI settings: ${problems.join('; ')}. See .env.example for the variables and an example provider list.`);
  }
  const c = parsed.data;
  return {
    providers: providers.providers,
    deviceRequestsPerMinute: c.AI_DEVICE_REQUESTS_PER_MINUTE,
    deviceRequestsPerDay: c.AI_DEVICE_REQUESTS_PER_DAY,
    cacheMaxEntries: c.AI_CACHE_MAX_ENTRIES,
    cacheTtlMs: Math.round(c.AI_CACHE_TTL_SECONDS * 1000),
    breakerCooldownMs: Math.round(c.AI_BREAKER_COOLDOWN_SECONDS * 1000),
  };
}
