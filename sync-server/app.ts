// Builds the API from its dependencies without listening, so tests call app.request() on a real store
// and main.ts / the Vite dev server decide how to serve it.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { Store } from './db/store.ts';
import { ApiError, handleError } from './errors.ts';
import { deviceRoutes } from './routes/devices.ts';
import { healthRoutes } from './routes/health.ts';
import { interviewerRoutes } from './routes/interviewer.ts';
import { syncRoutes } from './routes/sync.ts';

export interface AppDeps {
  store: Store;
  clock?: () => Date;
  maxBodyBytes: number;
  sessionTtlMs: number;
  version?: string;
}

export function createApp(deps: AppDeps) {
  const clock = deps.clock ?? (() => new Date());
  const api = new Hono()
    .use('*', secureHeaders())
    .use(
      '*',
      bodyLimit({
        maxSize: deps.maxBodyBytes,
        onError: () => {
          throw new ApiError(413, 'body_too_large', `The request is larger than ${deps.maxBodyBytes} bytes. Send fewer events per request.`);
        },
      }),
    )
    .route('/', healthRoutes(deps.store, deps.version ?? '0.1.0'))
    .route('/', deviceRoutes(deps.store, clock))
    .route('/', syncRoutes(deps.store, clock))
    .route('/', interviewerRoutes(deps.store, clock, deps.sessionTtlMs))
    .all('*', () => {
      throw new ApiError(404, 'no_such_route', 'There is no such API route.');
    });

  const app = new Hono();
  app.onError(handleError);
  app.route('/api', api);
  return app;
}

export type App = ReturnType<typeof createApp>;
