// Builds the API from its dependencies without listening, so tests call app.request() on a real store
// and main.ts / the Vite dev server decide how to serve it.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AiGateway } from './ai/gateway.ts';
import type { Store } from './db/store.ts';
import { ApiError, handleError } from './errors.ts';
import { observabilityFor, type ObservabilityDeps } from './observability/mount.ts';
import { liveFollowExtras } from './live/follow-extras.ts';
import { clientIp } from './middleware/client-ip/client-ip.ts';
import { apiSecurityHeaders } from './security/api-headers.ts';
import { aiRoutes } from './routes/ai.ts';
import { clientConfigRoutes } from './routes/client-config.ts';
import { deviceRoutes } from './routes/devices.ts';
import { healthRoutes } from './routes/health.ts';
import { interviewerRoutes } from './routes/interviewer.ts';
import { interviewerInterviewsRoutes } from './routes/interviewer-interviews.ts';
import { modelMirrorRoutes } from './routes/models.ts';
import { questionCacheRoutes } from './routes/question-cache.ts';
import { routeLimits } from './routes/route-limits.ts';
import { syncRoutes } from './routes/sync.ts';
import { workspaceRoutes } from './routes/workspace.ts';
import { MemoryRateLimiter, type RateLimiter } from './shared-state/rate-limiter.ts';
import { MemoryEventBus, type EventBus } from './shared-state/event-bus.ts';
import { InterviewReadCache } from './read-cache/interview-read-cache.ts';
import { invalidatingStore } from './read-cache/invalidating-store.ts';
import { SessionCache } from './read-cache/session-cache.ts';
import type { SharedStateHealth } from './shared-state/shared-state.ts';

export interface AppDeps {
  store: Store;
  clock?: () => Date;
  maxBodyBytes: number;
  /** How long an interviewer's session lives, however often it is refreshed. */
  sessionTtlMs: number;
  /** How long one access token lives before the page must refresh it; 15 minutes by default. */
  accessTtlMs?: number;
  /** TRUST_PROXY: how many proxies in front append to X-Forwarded-For; 0 (default) trusts none. */
  trustProxy?: number;
  /** Where rate limits count (shared-state/: Redis or this process); in this process on `clock` by default. */
  limiter?: RateLimiter;
  /** Live fan-out ("interview X changed"): Redis pub/sub with REDIS_URL, else this process. In-process by default. */
  bus?: EventBus;
  /** How often an open live (SSE) stream checks that its session still holds; LIVE_SESSION_CHECK_MS by default. */
  liveSessionCheckMs?: number;
  /** Aborted when the server stops, to end live (SSE) streams. */
  shutdown?: AbortSignal;
  /** Whether Redis answers, for /api/health; 'not-configured' by default. */
  sharedStateHealth?: () => Promise<SharedStateHealth>;
  /** Pushes and pulls each device may make per minute (separately); 120 by default. */
  deviceSyncPerMinute?: number;
  /** The dashboard's and /metrics' settings and request counters; DEFAULT_OBSERVABILITY and fresh counters by default. */
  observability?: ObservabilityDeps;
  version?: string;
  /** The cloud AI gateway; without it POST /api/ai/chat answers 503 and devices use the basic engine. */
  ai?: AiGateway;
  /** Served at /models/* (the model mirror) when set. */
  modelsDir?: string;
  /** An external model mirror that clients should use instead of this server's /models. */
  modelMirrorUrl?: string;
  /** false: no read or session cache, every read and session check goes to the database (bench:server's comparison). On by default. */
  caches?: boolean;
}

export const DEFAULT_ACCESS_TTL_MS = 15 * 60_000;
const BODILESS_METHODS = new Set(['GET', 'HEAD']);

export function createApp(deps: AppDeps) {
  const clock = deps.clock ?? (() => new Date());
  const limits = routeLimits(deps.limiter ?? new MemoryRateLimiter({ clock: () => clock().getTime() }), {
    ...(deps.deviceSyncPerMinute ? { deviceSyncPerMinute: deps.deviceSyncPerMinute } : {}),
  });
  const bus = deps.bus ?? new MemoryEventBus();
  const readCache = new InterviewReadCache({ bus });
  const sessions = new SessionCache({ lookup: (hash, now) => deps.store.findAccessSession(hash, now), bus });
  // Each serves nothing until it hears other processes' writes; if the bus cannot subscribe, it stays off.
  if (deps.caches !== false) for (const cache of [readCache, sessions]) cache.start().catch((error: unknown) => console.warn(`A cache is off, so reads go to the database: ${(error as Error).message}`));
  const store = invalidatingStore(deps.store, { reads: readCache, sessions });
  const observability = observabilityFor({ store, ai: deps.ai, clock, ...deps.observability });
  const generalBodyLimit = bodyLimit({
    maxSize: deps.maxBodyBytes,
    onError: () => {
      throw new ApiError(413, 'body_too_large', `The request is larger than ${deps.maxBodyBytes} bytes. Send less in one request (fewer sync events, or a shorter résumé or job description).`);
    },
  });
  const api = new Hono()
    .use('*', clientIp(deps.trustProxy ?? 0))
    .use('*', apiSecurityHeaders())
    .use('*', (c, next) =>
      // Shared recordings have their own, larger limit (routes/sync.ts). A GET or HEAD has no body to
      // limit, and asking for one would make @hono/node-server build a whole Request (and its
      // AbortSignal) for every read, which cost about a tenth of an interviewer read's CPU.
      BODILESS_METHODS.has(c.req.method) || c.req.path.startsWith('/api/sync/recordings/') ? next() : generalBodyLimit(c, next),
    )
    .route('/', healthRoutes(store, deps.version ?? '0.1.0', deps.sharedStateHealth))
    .route('/', deviceRoutes(store, clock, limits.redeem))
    .route('/', syncRoutes(store, clock, limits, bus))
    .route('/', questionCacheRoutes(store, clock))
    .route('/', observability.dashboard)
    .route('/', workspaceRoutes({ store, clock, bus, perUser: limits.perUser }))
    // Before the live route it wraps: comments and overrides live, and the stream ends with its session.
    .route('/', liveFollowExtras({ store, clock, bus, ...(deps.liveSessionCheckMs ? { sessionCheckMs: deps.liveSessionCheckMs } : {}) }))
    .route('/', interviewerInterviewsRoutes({ store, clock, bus, perUser: limits.perUser, readCache, ...(deps.shutdown ? { shutdown: deps.shutdown } : {}) }))
    .route(
      '/',
      interviewerRoutes({ store, clock, sessionTtlMs: deps.sessionTtlMs, accessTtlMs: deps.accessTtlMs ?? DEFAULT_ACCESS_TTL_MS, limits, readCache }),
    )
    .route('/', aiRoutes(store, deps.ai))
    .route('/', clientConfigRoutes({ modelMirrorUrl: deps.modelMirrorUrl, modelsDir: deps.modelsDir, cloudAi: () => deps.ai?.hasProviders ?? false }))
    .all('*', () => {
      throw new ApiError(404, 'no_such_route', 'There is no such API route.');
    });

  const app = new Hono();
  app.onError(handleError);
  app.use('*', observability.middleware);
  app.route('/api', api);
  app.route('/', observability.metrics);
  if (deps.modelsDir) app.route('/', modelMirrorRoutes(deps.modelsDir));
  return app;
}

export type App = ReturnType<typeof createApp>;
