// Builds the API from its dependencies without listening, so tests call app.request() on a real store
// and main.ts / the Vite dev server decide how to serve it.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { AiGateway } from './ai/gateway.ts';
import type { Store } from './db/store.ts';
import { ApiError, handleError } from './errors.ts';
import { observabilityFor, type ObservabilityDeps } from './observability/mount.ts';
import { aiRoutes } from './routes/ai.ts';
import { clientConfigRoutes } from './routes/client-config.ts';
import { deviceRoutes } from './routes/devices.ts';
import { healthRoutes } from './routes/health.ts';
import { interviewerRoutes } from './routes/interviewer.ts';
import { modelMirrorRoutes } from './routes/models.ts';
import { questionCacheRoutes } from './routes/question-cache.ts';
import { syncRoutes } from './routes/sync.ts';
import { workspaceRoutes } from './routes/workspace.ts';

export interface AppDeps {
  store: Store;
  clock?: () => Date;
  maxBodyBytes: number;
  sessionTtlMs: number;
  /** The dashboard's and /metrics' settings and request counters; DEFAULT_OBSERVABILITY and fresh counters by default. */
  observability?: ObservabilityDeps;
  version?: string;
  /** The cloud AI gateway; without it POST /api/ai/chat answers 503 and devices use the basic engine. */
  ai?: AiGateway;
  /** Served at /models/* (the model mirror) when set. */
  modelsDir?: string;
  /** An external model mirror that clients should use instead of this server's /models. */
  modelMirrorUrl?: string;
}

export function createApp(deps: AppDeps) {
  const clock = deps.clock ?? (() => new Date());
  const observability = observabilityFor({ store: deps.store, ai: deps.ai, clock, ...deps.observability });
  const generalBodyLimit = bodyLimit({
    maxSize: deps.maxBodyBytes,
    onError: () => {
      throw new ApiError(413, 'body_too_large', `The request is larger than ${deps.maxBodyBytes} bytes. Send less in one request (fewer sync events, or a shorter résumé or job description).`);
    },
  });
  const api = new Hono()
    .use('*', secureHeaders())
    .use('*', (c, next) =>
      // Shared recordings have their own, larger limit (routes/sync.ts).
      c.req.path.startsWith('/api/sync/recordings/') ? next() : generalBodyLimit(c, next),
    )
    .route('/', healthRoutes(deps.store, deps.version ?? '0.1.0'))
    .route('/', deviceRoutes(deps.store, clock))
    .route('/', syncRoutes(deps.store, clock))
    .route('/', questionCacheRoutes(deps.store, clock))
    .route('/', observability.dashboard)
    .route('/', workspaceRoutes({ store: deps.store, clock, perUser: limits.perUser }))
    .route('/', interviewerRoutes(deps.store, clock, deps.sessionTtlMs))
    .route('/', aiRoutes(deps.store, deps.ai))
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
