// GET /api/interviewer/dashboard: the operator dashboard's figures, for admins only. Interviews and
// devices are the admin's organisation's; the rest (cache, cloud providers, requests, storage) is the
// whole server's, and the page says so.
// Owns: the route and its access rule. Must not import: a database driver.
import { Hono } from 'hono';
import { ApiError } from '../errors.ts';
import { sessionAuth, type SessionEnv } from '../middleware/session-auth/session-auth.ts';
import type { Store } from '../db/store.ts';
import { buildDashboard, type ReportSources } from '../observability/operator-report.ts';

export interface DashboardDeps {
  sources: ReportSources;
  store: Pick<Store, 'findAccessSession'>;
  clock: () => Date;
}

export function dashboardRoutes(deps: DashboardDeps) {
  return new Hono<SessionEnv>().get('/interviewer/dashboard', sessionAuth(deps.store, deps.clock), async (c) => {
    const user = c.get('user');
    if (user.role !== 'admin') throw new ApiError(403, 'admin_only', 'Only an admin of your organisation can see the operator dashboard. Ask one of them.');
    c.header('Cache-Control', 'no-store');
    return c.json(await buildDashboard(deps.sources, user.orgId));
  });
}
