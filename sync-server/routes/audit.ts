// GET /api/interviewer/audit: the organisation's audit log for its admins, newest first, a page at a
// time (`next` is an opaque cursor to pass as `before`), optionally one action or one area of actions.
import { Hono } from 'hono';
import type { Store } from '../db/store.ts';
import { ApiError } from '../errors.ts';
import { adminOnly, type SessionEnv } from '../middleware/session-auth/session-auth.ts';
import { auditQuery, PROTOCOL_VERSION, type AuditPage } from '../protocol/index.ts';

const BAD_CURSOR = 'The page cursor is not one this server gave out. Start again from the first page.';

function decodeCursor(cursor: string): { at: string; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof at === 'string' && typeof id === 'string') return { at, id };
  } catch {
    // falls through to the refusal
  }
  throw new ApiError(400, 'bad_cursor', BAD_CURSOR);
}

const encodeCursor = (at: string, id: string): string => Buffer.from(JSON.stringify([at, id])).toString('base64url');

export function auditRoutes(deps: { store: Store }) {
  return new Hono<SessionEnv>().use('*', adminOnly()).get('/', async (c) => {
    const query = auditQuery.parse(c.req.query());
    const entries = await deps.store.listAudit(c.get('user').orgId, {
      ...(query.action ? { action: query.action } : {}),
      ...(query.before ? { before: decodeCursor(query.before) } : {}),
      // One more than asked, to know whether another page follows.
      limit: query.limit + 1,
    });
    const page = entries.slice(0, query.limit);
    const last = page[page.length - 1];
    const body: AuditPage = { v: PROTOCOL_VERSION, entries: page, next: entries.length > query.limit && last ? encodeCursor(last.at, last.id) : null };
    return c.json(body);
  });
}
