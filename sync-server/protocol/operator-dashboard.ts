// The operator dashboard's answer (GET /api/interviewer/dashboard), shared by the server and the page.
// Imports neither Node nor Hono: the browser bundles it.
import { z } from 'zod';

const nullableNumber = z.number().nullable();

export const operatorDashboard = z.object({
  generatedAt: z.string(),
  /** Figures of the signed-in admin's organisation only. */
  org: z.object({
    /** UTC day (YYYY-MM-DD), oldest first, the last one today. */
    interviewsPerDay: z.array(z.object({ day: z.string(), started: z.number(), completed: z.number() })),
    interviewsToday: z.object({ started: z.number(), completed: z.number() }),
    devices: z.object({ total: z.number(), activeDay: z.number(), activeWeek: z.number() }),
  }),
  /** Figures of the whole server (every organisation). */
  server: z.object({
    questionCache: z.object({ hits: z.number(), misses: z.number(), hitRate: nullableNumber, plans: z.number() }),
    cloud: z.object({
      callsToday: z.number(),
      dailyBudget: z.number(),
      budgetSource: z.enum(['env', 'provider-quotas']),
      budgetShare: nullableNumber,
      overThreshold: z.boolean(),
      providers: z.array(
        z.object({
          name: z.string(),
          health: z.enum(['closed', 'open', 'half-open']),
          latencyMs: nullableNumber,
          callsToday: z.number(),
          dailyQuota: z.number(),
          callsThisMinute: z.number(),
          requestsPerMinute: z.number(),
          ok: z.number(),
          failed: z.number(),
        }),
      ),
    }),
    requests: z.object({
      /** Requests this server process has answered since it started (per process, not the cluster). */
      since: z.string(),
      total: z.number(),
      clientErrors: z.number(),
      serverErrors: z.number(),
      errorRate: z.number(),
      clientErrorRate: z.number(),
      overThreshold: z.boolean(),
      routes: z.array(z.object({ method: z.string(), route: z.string(), requests: z.number(), serverErrors: z.number(), clientErrors: z.number(), p95Ms: nullableNumber, overThreshold: z.boolean() })),
    }),
    storage: z.object({ bytes: z.number(), overThreshold: z.boolean() }),
  }),
  thresholds: z.object({ errorRate: z.number(), p95Ms: z.number(), cloudBudgetShare: z.number(), storageBytes: z.number() }),
});

export type OperatorDashboard = z.infer<typeof operatorDashboard>;
