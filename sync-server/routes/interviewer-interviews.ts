// The interviewer's review of interviews under /api/interviewer: the filtered, sorted, paged list
// (GET /interviews, a superset of the old answer: `nextCursor` added), the same list as CSV
// (GET /interviews.csv, audited as interviews.exported), and following one interview live over SSE
// (GET /interviews/:id/live), and two to four interviews side by side on the rubric (GET /compare). Mounted before interviewerRoutes with the workspace's middleware
// chain (same origin, session, per-user limit, CSRF, no-store), on these paths only. Every lookup is
// scoped to the signed-in user's organisation: another organisation's interview answers 404.
//
// Live follow: the follower subscribes to the interview's channel on the event bus (Redis pub/sub with
// REDIS_URL, so a push to any process reaches a follower on any other) BEFORE it reads and sends the
// current state, so no change falls between the two. Each "changed" message makes it read the
// interview again and send an `update`; messages that arrive while it reads are folded into one more
// read. A comment line every 15 s keeps proxies from closing an idle stream. live/follow-extras.ts
// wraps this stream (mounted before it in app.ts): it adds `comment`, `override` and `session-ended`
// events and ends the stream when the session that opened it no longer passes.
// Owns: these routes. Must not import: a database driver.
import { Hono, type MiddlewareHandler } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Store } from '../db/store.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { ApiError } from '../errors.ts';
import { compareInterviews, compareQuery } from './interview-compare.ts';
import { allOfInterviews, BadCursorError, interviewQuery, interviewsCsv, MAX_CSV_ROWS, pageOfInterviews } from './interview-query.ts';
import { interviewChannel } from '../live/interview-events.ts';
import { csrfToken, sameOriginOnly } from '../middleware/csrf/csrf.ts';
import { sessionAuth, type SessionEnv } from '../middleware/session-auth/session-auth.ts';
import type { EventBus } from '../shared-state/event-bus.ts';
import { noStore } from '../middleware/no-store/no-store.ts';
import { encodedFor, searchOf, type InterviewReadCache } from '../read-cache/interview-read-cache.ts';

export const LIVE_HEARTBEAT_MS = 15_000;
/** SSE event names of GET /interviews/:id/live; `data` is an InterviewDetail, or `{ id }` for `deleted`. */
export const LIVE_EVENTS = { snapshot: 'snapshot', update: 'update', deleted: 'deleted' } as const;

export interface InterviewerInterviewsDeps {
  store: Store;
  clock: () => Date;
  bus: EventBus;
  /** The interviewer API's per-user rate limit. */
  perUser: MiddlewareHandler;
  heartbeatMs?: number;
  /** Aborted when the server stops: open streams end, so they do not hold the shutdown until its grace runs out. */
  shutdown?: AbortSignal;
  /** The list's JSON text per organisation and query, until a push changes the organisation's interviews. */
  readCache: InterviewReadCache;
}

const NO_INTERVIEW = () => new ApiError(404, 'not_found', 'There is no such interview in your organisation (the candidate may have deleted it). Reload the interviews page.');

export function interviewerInterviewsRoutes(deps: InterviewerInterviewsDeps) {
  const { store, clock, bus } = deps;
  const heartbeatMs = deps.heartbeatMs ?? LIVE_HEARTBEAT_MS;
  const guard = [
    sameOriginOnly(),
    sessionAuth(store, clock),
    deps.perUser,
    csrfToken(),
    noStore(),
  ] as const;
  const signedIn = new Hono<SessionEnv>();
  for (const path of ['/interviews', '/interviews.csv', '/interviews/:id/live', '/compare']) signedIn.use(path, ...guard);

  signedIn.get('/compare', async (c) => {
    const { ids } = compareQuery.parse(c.req.query());
    const orgId = c.get('user').orgId;
    const inputs = await Promise.all(
      ids.map(async (id) => {
        const [detail, review] = await Promise.all([store.getInterview(orgId, id), store.workspace.getReview(orgId, id)]);
        if (!detail) throw new ApiError(404, 'not_found', `There is no interview ${id} in your organisation (the candidate may have deleted it). Pick others from the interviews page.`);
        return { detail, overrides: review?.overrides ?? [] };
      }),
    );
    return c.json(compareInterviews(inputs));
  });

  signedIn.get('/interviews', async (c) => {
    const orgId = c.get('user').orgId;
    const json = await deps.readCache.serve(orgId, `list${searchOf(c.req.url)}`, async () => {
      const query = interviewQuery.parse(c.req.query());
      try {
        return JSON.stringify({ v: 1, ...(await pageOfInterviews((list) => store.queryInterviews(orgId, list), query)) });
      } catch (error) {
        if (error instanceof BadCursorError) throw new ApiError(400, 'bad_cursor', error.message);
        throw error;
      }
    });
    const sent = encodedFor(json, c.req.header('accept-encoding'));
    return c.body(sent.body, 200, sent.headers);
  });

  signedIn.get('/interviews.csv', async (c) => {
    const { cursor: _ignored, limit: _all, ...filters } = interviewQuery.parse(c.req.query());
    const orgId = c.get('user').orgId;
    const rows = await allOfInterviews((list) => store.queryInterviews(orgId, list), filters);
    if (rows.length > MAX_CSV_ROWS) {
      throw new ApiError(413, 'too_many_rows', `The export would hold more than ${MAX_CSV_ROWS} interviews, the most one file holds. Narrow the dates or other filters and export in parts.`);
    }
    await recordAudit(c, store, clock, { action: 'interviews.exported', target: null, detail: { rows: rows.length, filters: c.req.query() } });
    const day = clock().toISOString().slice(0, 10);
    return c.body(interviewsCsv(rows), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="interviews-${day}.csv"`,
    });
  });

  signedIn.get('/interviews/:id/live', async (c) => {
    const orgId = c.get('user').orgId;
    const id = c.req.param('id');
    // Checked before the stream opens, so a wrong id is a plain 404 and not an empty stream.
    if (!(await store.getInterview(orgId, id))) throw NO_INTERVIEW();
    // Tells nginx-like proxies not to buffer the stream.
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      let dirty = false;
      let wake: (() => void) | undefined;
      const poke = () => {
        wake?.();
        wake = undefined;
      };
      const unsubscribe = await bus.subscribe(interviewChannel(id), () => {
        dirty = true;
        poke();
      });
      stream.onAbort(poke);
      const shutdown = deps.shutdown;
      shutdown?.addEventListener('abort', poke);
      const ended = () => stream.aborted || stream.closed || Boolean(shutdown?.aborted);
      try {
        const snapshot = await store.getInterview(orgId, id);
        if (!snapshot) {
          await stream.writeSSE({ event: LIVE_EVENTS.deleted, data: JSON.stringify({ id }) });
          return;
        }
        await stream.writeSSE({ event: LIVE_EVENTS.snapshot, data: JSON.stringify(snapshot) });
        while (!ended()) {
          if (!dirty) {
            const woken = await new Promise<boolean>((resolve) => {
              const timer = setTimeout(() => resolve(false), heartbeatMs);
              wake = () => {
                clearTimeout(timer);
                resolve(true);
              };
            });
            if (ended()) break;
            if (!woken) {
              await stream.write(': heartbeat\n\n');
              continue;
            }
          }
          dirty = false;
          const detail = await store.getInterview(orgId, id);
          if (!detail) {
            await stream.writeSSE({ event: LIVE_EVENTS.deleted, data: JSON.stringify({ id }) });
            return;
          }
          await stream.writeSSE({ event: LIVE_EVENTS.update, data: JSON.stringify(detail) });
        }
      } finally {
        shutdown?.removeEventListener('abort', poke);
        await unsubscribe();
      }
    });
  });

  return new Hono().route('/interviewer', signedIn);
}
