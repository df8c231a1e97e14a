// The server's configuration, read once from the environment and checked with zod, so a bad value
// stops the process at start-up with the variable's name instead of failing later.
import { z } from 'zod';
import { MAX_BODY_BYTES } from './protocol/limits.ts';

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(50 * 1_048_576).default(MAX_BODY_BYTES),
  STATIC_DIR: z.string().min(1).default('./dist'),
});

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  sessionTtlMs: number;
  maxBodyBytes: number;
  staticDir: string;
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
    maxBodyBytes: c.MAX_BODY_BYTES,
    staticDir: c.STATIC_DIR,
  };
}
