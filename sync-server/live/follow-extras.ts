// What the interviewer's live follow (GET /api/interviewer/interviews/:id/live, routes/
// interviewer-interviews.ts) carries besides the interview itself:
// - the followed interview's new comments and score overrides, as `comment` and `override` events,
//   whichever process they were made on (the review channel of live/interview-events.ts, Redis pub/sub
//   with REDIS_URL);
// - the end of the session that opened the stream: before each event it passes on, and every
//   `sessionCheckMs` while idle, the access token the stream was opened with is looked up again; once
//   it no longer passes (signed out, revoked, the account disabled or deleted, the session or only
//   the access token expired) the stream gets a last `session-ended` event saying why
//   (protocol/live-follow.ts) and closes. Without this a stream, checked only when it opened, would
//   keep flowing to someone no longer allowed to read it.
// It is a middleware mounted before that route: it wraps the route's SSE body, adding whole events
// between the route's own (each of the route's writes is one whole event, so nothing is interleaved),
// and ending it early. The route's snapshot is held back until the review channel is subscribed and
// the review read, so nothing made after the follower saw the snapshot is missed. Cancelling the
// wrapper (the follower left) cancels the route's stream too.
// Owns: these extra events and the session check of open streams. Must not import: a database driver.
import { Hono } from 'hono';
import type { LiveSession, Store } from '../db/store.ts';
import type { SessionEnv } from '../middleware/session-auth/session-auth.ts';
import { LIVE_FOLLOW_EVENTS, type SessionEndReason } from '../protocol/live-follow.ts';
import type { EventBus, Unsubscribe } from '../shared-state/event-bus.ts';
import { interviewReviewChannel, reviewChanged } from './interview-events.ts';

/** How often an open stream's session is looked up again: how long a signed-out interviewer may still see updates, at most. */
export const LIVE_SESSION_CHECK_MS = 30_000;

export interface FollowExtrasDeps {
  store: Pick<Store, 'findAccessSession' | 'listUsers' | 'workspace'>;
  clock: () => Date;
  bus: EventBus;
  sessionCheckMs?: number;
  log?: (line: string) => void;
}

const LIVE_PATH = '/interviewer/interviews/:id/live';

/** Mount before the live route (same prefix): its middleware runs around the route's handler. */
export function liveFollowExtras(deps: FollowExtrasDeps) {
  const log = deps.log ?? ((line: string) => console.warn(line));
  return new Hono<SessionEnv>().use(LIVE_PATH, async (c, next) => {
    await next();
    const response = c.res;
    // Refusals (401, 404 …) pass as they are; only an opened stream is watched.
    if (response.status !== 200 || !response.body || !response.headers.get('content-type')?.startsWith('text/event-stream')) return;
    const session = c.get('session');
    const accessHash = c.get('accessHash');
    if (!session || !accessHash) return;
    const body = withExtras(response.body, {
      interviewId: c.req.param('id'),
      orgId: session.user.orgId,
      sessionEnd: () => sessionEnd(deps, accessHash, session),
      ...deps,
      sessionCheckMs: deps.sessionCheckMs ?? LIVE_SESSION_CHECK_MS,
      log,
    });
    c.res = new Response(body, response);
  });
}

/** Why the stream's session no longer passes, or null while it does. */
async function sessionEnd(deps: FollowExtrasDeps, accessHash: string, session: LiveSession): Promise<SessionEndReason | null> {
  const now = deps.clock().toISOString();
  const found = await deps.store.findAccessSession(accessHash, now);
  if (found.ok) return null;
  // An unknown token is most likely an expired one that housekeeping purged: renewing tells.
  if (found.reason === 'expired' || found.reason === 'unknown') return session.expiresAt <= now ? 'expired' : 'renew';
  // Revoked: by an admin (the account's state says so) or by signing out or a reused refresh token.
  const member = (await deps.store.listUsers(session.user.orgId)).find((user) => user.id === session.user.id);
  if (!member) return 'deleted';
  return member.status === 'disabled' ? 'disabled' : 'signed_out';
}

interface ExtrasOptions {
  interviewId: string;
  orgId: string;
  store: Pick<Store, 'workspace'>;
  bus: EventBus;
  sessionCheckMs: number;
  sessionEnd: () => Promise<SessionEndReason | null>;
  log: (line: string) => void;
}

const encoder = new TextEncoder();
const sseEvent = (event: string, data: unknown) => encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);

function withExtras(source: ReadableStream<Uint8Array>, options: ExtrasOptions): ReadableStream<Uint8Array> {
  const { interviewId, orgId, store, bus, log } = options;
  const reader = source.getReader();
  let done = false;
  let timer: ReturnType<typeof setInterval> | undefined;
  let unsubscribe: Unsubscribe | undefined;
  let controller!: ReadableStreamDefaultController<Uint8Array>;

  const stop = async () => {
    done = true;
    clearInterval(timer);
    await reader.cancel().catch(() => undefined);
    await unsubscribe?.().catch(() => undefined);
  };
  /** Ends the stream, with `last` as its final event. */
  const finish = async (last?: Uint8Array) => {
    if (done) return;
    if (last) controller.enqueue(last);
    controller.close();
    await stop();
  };
  const send = (chunk: Uint8Array) => {
    if (!done) controller.enqueue(chunk);
  };

  /** Whether the session still passes; if not, the stream ends with `session-ended`. */
  const sessionHolds = async (): Promise<boolean> => {
    try {
      const reason = await options.sessionEnd();
      if (!reason) return true;
      await finish(sseEvent(LIVE_FOLLOW_EVENTS.sessionEnded, { reason }));
      return false;
    } catch (error) {
      // The database did not answer: the next check decides; a blip does not end the follow.
      log(`Could not check the session of a live follow of interview ${interviewId}: ${(error as Error).message}`);
      return true;
    }
  };

  const pump = async () => {
    // The snapshot was checked by the route's own session check, just now.
    let checked = true;
    for (;;) {
      const read = await reader.read().catch(() => ({ done: true as const, value: undefined }));
      if (done) return;
      if (read.done) return finish();
      // Checked again before anything else passes, so nothing is sent after the session ended.
      if (!checked && !(await sessionHolds())) return;
      checked = false;
      send(read.value);
    }
  };

  // Between events, an idle stream is checked on a timer.
  let checking = false;
  const checkSession = async () => {
    if (checking || done) return;
    checking = true;
    await sessionHolds();
    checking = false;
  };

  // What the follower has been told about: the review when the stream opened, then each addition sent.
  let seen: Set<string> | undefined;
  let reading = false;
  let dirty = false;
  const readReview = async () => {
    if (reading) {
      dirty = true;
      return;
    }
    reading = true;
    try {
      do {
        dirty = false;
        const review = await store.workspace.getReview(orgId, interviewId);
        if (done || !review) return;
        const items = [
          ...review.comments.map((item) => ({ key: `comment:${item.id}`, event: LIVE_FOLLOW_EVENTS.comment, at: item.createdAt, item })),
          ...review.overrides.map((item) => ({ key: `override:${item.id}`, event: LIVE_FOLLOW_EVENTS.override, at: item.createdAt, item })),
        ];
        if (!seen) {
          seen = new Set(items.map((entry) => entry.key));
          continue;
        }
        const known = seen;
        const fresh = items.filter((entry) => !known.has(entry.key)).sort((a, b) => a.at.localeCompare(b.at) || a.key.localeCompare(b.key));
        if (fresh.length && !(await sessionHolds())) return;
        for (const entry of fresh) {
          known.add(entry.key);
          send(sseEvent(entry.event, entry.item));
        }
      } while (dirty && !done);
    } catch (error) {
      log(`Could not read the review of interview ${interviewId} for its live followers: ${(error as Error).message}`);
    } finally {
      reading = false;
    }
  };

  return new ReadableStream<Uint8Array>({
    async start(streamController) {
      controller = streamController;
      timer = setInterval(() => void checkSession(), options.sessionCheckMs);
      try {
        // Subscribed before the review is first read, so no addition falls between the two.
        unsubscribe = await bus.subscribe(interviewReviewChannel(interviewId), (message) => {
          let parsed;
          try {
            parsed = reviewChanged.safeParse(JSON.parse(message));
          } catch {
            return;
          }
          if (parsed.success && parsed.data.orgId === orgId) void readReview();
        });
        if (done) await unsubscribe();
        else await readReview();
      } catch (error) {
        // The stream still carries the interview and still ends with the session; only comments wait for a reload.
        log(`Live follow of interview ${interviewId} gets no comments or overrides: subscribing failed (${(error as Error).message}).`);
      }
      // The route's snapshot passes only now: whatever the follower does after seeing it, the
      // subscription is there to hear it.
      void pump();
    },
    async cancel() {
      await stop();
    },
  });
}
