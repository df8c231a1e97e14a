// The operator dashboard's and /metrics' settings, read from the environment apart from readConfig
// (config.ts) and checked with zod, so a bad threshold stops the server at start-up with its name.
// Owns: METRICS_TOKEN, AI_DAILY_BUDGET_CALLS and the ALERT_* thresholds. Must not import: Hono, a store.
import { z } from 'zod';

export interface AlertThresholds {
  /** Share of requests answered 5xx (0..1) above which the error rate is "over threshold". */
  errorRate: number;
  /** p95 latency of a route, in ms, above which that route is over threshold. */
  p95Ms: number;
  /** Share of the daily cloud budget (0..1) used today above which cloud calls are over threshold. */
  cloudBudgetShare: number;
  /** Bytes of storage above which storage is over threshold. */
  storageBytes: number;
}

export interface ObservabilitySettings {
  /** When set, /metrics needs `Authorization: Bearer <token>`; unset, /metrics answers only loopback callers. */
  metricsToken?: string;
  /** Cloud AI calls allowed per UTC day across providers; unset: the sum of the providers' daily quotas. */
  aiDailyBudgetCalls?: number;
  thresholds: AlertThresholds;
}

export const DEFAULT_THRESHOLDS: AlertThresholds = {
  errorRate: 0.05,
  p95Ms: 500,
  cloudBudgetShare: 0.8,
  storageBytes: 10 * 1024 ** 3,
};

export const DEFAULT_OBSERVABILITY: ObservabilitySettings = { thresholds: DEFAULT_THRESHOLDS };

const share = z.coerce.number().min(0).max(1);
const schema = z.object({
  METRICS_TOKEN: z.string().min(16, { error: 'must be at least 16 characters (e.g. the output of `openssl rand -hex 24`)' }).optional(),
  AI_DAILY_BUDGET_CALLS: z.coerce.number().int().min(0).max(1_000_000_000).optional(),
  ALERT_ERROR_RATE: share.default(DEFAULT_THRESHOLDS.errorRate),
  ALERT_P95_MS: z.coerce.number().positive().max(600_000).default(DEFAULT_THRESHOLDS.p95Ms),
  ALERT_CLOUD_BUDGET_SHARE: share.default(DEFAULT_THRESHOLDS.cloudBudgetShare),
  ALERT_STORAGE_BYTES: z.coerce.number().int().positive().default(DEFAULT_THRESHOLDS.storageBytes),
});

export class ObservabilityConfigError extends Error {
  override name = 'ObservabilityConfigError';
}

export function readObservabilityConfig(env: Record<string, string | undefined> = process.env): ObservabilitySettings {
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = schema.safeParse(defined);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ObservabilityConfigError(`Invalid dashboard and metrics settings: ${problems}. See .env.example for METRICS_TOKEN, AI_DAILY_BUDGET_CALLS and the ALERT_* thresholds.`);
  }
  const c = parsed.data;
  return {
    ...(c.METRICS_TOKEN ? { metricsToken: c.METRICS_TOKEN } : {}),
    ...(c.AI_DAILY_BUDGET_CALLS !== undefined ? { aiDailyBudgetCalls: c.AI_DAILY_BUDGET_CALLS } : {}),
    thresholds: { errorRate: c.ALERT_ERROR_RATE, p95Ms: c.ALERT_P95_MS, cloudBudgetShare: c.ALERT_CLOUD_BUDGET_SHARE, storageBytes: c.ALERT_STORAGE_BYTES },
  };
}
