// REDIS_URL and REDIS_KEY_PREFIX, read apart from readConfig (like the AI and model mirror settings) so
// that tools that never serve devices, such as the admin CLI, do not need them. Without REDIS_URL the
// server keeps limits, counters, the AI cache and live fan-out in its own process.
import { z } from 'zod';
import { ConfigError } from '../config.ts';
import { DEFAULT_KEY_PREFIX } from './shared-state.ts';
import { isRedisUrl } from './redis-connection.ts';

const sharedStateConfigSchema = z.object({
  // The password may be in the URL, so the message never repeats the value.
  REDIS_URL: z
    .string()
    .refine((value) => isRedisUrl(value), { error: 'must be a redis:// or rediss:// URL, such as redis://127.0.0.1:6379 or rediss://:password@cache.example.org:6380/0' })
    .optional(),
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_.-]{1,64}$/, { error: 'must be 1 to 64 letters, digits or : _ . -, such as "ib-prod:"' })
    .default(DEFAULT_KEY_PREFIX),
});

export interface SharedStateConfig {
  /** Set: several processes share limits, counters, the AI cache and live fan-out through this Redis. */
  redisUrl?: string;
  keyPrefix: string;
}

export function readSharedStateConfig(env: Record<string, string | undefined> = process.env): SharedStateConfig {
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = sharedStateConfigSchema.safeParse(defined);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ConfigError(`Invalid shared state settings: ${problems}. See .env.example for REDIS_URL and REDIS_KEY_PREFIX.`);
  }
  return { ...(parsed.data.REDIS_URL ? { redisUrl: parsed.data.REDIS_URL } : {}), keyPrefix: parsed.data.REDIS_KEY_PREFIX };
}
