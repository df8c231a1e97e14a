// The interviewer's list query (filters, sort, keyset pagination) and its CSV form, for
// GET /api/interviewer/interviews and /interviews.csv: the query's parameters, its cursor and the CSV
// here; the filtering, sorting and paging itself in the database (db/interview-list-sql.ts).
// Keyset, not offset: the cursor names the last row's sort key (as the database gave it) and id, so
// rows synced between two pages neither repeat nor push others off a page.
// Owns: the query's shape (zod), the cursor and the CSV format. Must not import: Hono, a database driver.
import { z } from 'zod';
import type { InterviewListQuery, InterviewListRow } from '../db/interview-list-sql.ts';
import type { InterviewListItem } from '../protocol/index.ts';

export const MAX_PAGE = 200;
export const DEFAULT_PAGE = 50;
/** A CSV export holds at most this many rows; narrow the filters for more. */
export const MAX_CSV_ROWS = 10_000;

const isoDate = z
  .string()
  .refine((value) => /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(value) && !Number.isNaN(Date.parse(value)), {
    error: 'must be a date such as 2026-11-23 or a time such as 2026-11-23T10:00:00Z',
  });
const score = z.coerce.number({ error: 'must be a number from 0 to 100' }).min(0, { error: 'must be from 0 to 100' }).max(100, { error: 'must be from 0 to 100' });

export const interviewQuery = z
  .object({
    candidate: z.string().trim().min(1).max(200).optional(),
    role: z.string().trim().min(1).max(200).optional(),
    /** A template's id: only interviews started from it. */
    template: z.string().trim().min(1).max(80).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    minScore: score.optional(),
    maxScore: score.optional(),
    sort: z.enum(['startedAt', 'overall', 'candidate'], { error: 'must be startedAt, overall or candidate' }).default('startedAt'),
    order: z.enum(['asc', 'desc'], { error: 'must be asc or desc' }).default('desc'),
    limit: z.coerce.number({ error: `must be a whole number from 1 to ${MAX_PAGE}` }).int().min(1).max(MAX_PAGE).default(DEFAULT_PAGE),
    cursor: z.string().max(1000).optional(),
  })
  .refine((q) => q.minScore === undefined || q.maxScore === undefined || q.minScore <= q.maxScore, { error: 'minScore must not be above maxScore', path: ['minScore'] })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) <= Date.parse(endOf(q.to)), { error: 'from must not be after to', path: ['from'] });
export type InterviewQuery = z.infer<typeof interviewQuery>;

export class BadCursorError extends Error {
  override name = 'BadCursorError';
  constructor() {
    super('The cursor is not one this list gave out (or the sort changed). Start again from the first page, without cursor.');
  }
}

/** A date alone means the whole day (UTC) for `to`. */
function endOf(to: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(to) ? `${to}T23:59:59.999Z` : to;
}

const cursorBody = z.union([
  z.tuple([z.literal('startedAt'), z.string(), z.string()]),
  z.tuple([z.literal('overall'), z.number(), z.string()]),
  z.tuple([z.literal('candidate'), z.string(), z.string()]),
]);

function encodeCursor(sort: InterviewQuery['sort'], key: string | number, id: string): string {
  return Buffer.from(JSON.stringify([sort, key, id])).toString('base64url');
}

function decodeCursor(cursor: string, sort: InterviewQuery['sort']): { key: string | number; id: string } {
  let parsed;
  try {
    parsed = cursorBody.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new BadCursorError();
  }
  if (!parsed.success || parsed.data[0] !== sort) throw new BadCursorError();
  return { key: parsed.data[1], id: parsed.data[2] };
}

/** The store's query for `q` (filters and sort; `limit` rows), dates as the stores write them. */
export function listQueryOf(q: InterviewQuery, limit: number): InterviewListQuery {
  return {
    ...(q.candidate ? { candidate: q.candidate } : {}),
    ...(q.role ? { role: q.role } : {}),
    ...(q.template ? { templateId: q.template } : {}),
    ...(q.from ? { from: new Date(q.from).toISOString() } : {}),
    ...(q.to ? { to: new Date(endOf(q.to)).toISOString() } : {}),
    ...(q.minScore !== undefined ? { minScore: q.minScore } : {}),
    ...(q.maxScore !== undefined ? { maxScore: q.maxScore } : {}),
    sort: q.sort,
    order: q.order,
    ...(q.cursor ? { after: decodeCursor(q.cursor, q.sort) } : {}),
    limit,
  };
}

export interface InterviewPage {
  interviews: InterviewListItem[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

type Query = (query: InterviewListQuery) => Promise<InterviewListRow[]>;

/** One page: the store is asked for one row more than the page, to know whether another follows. */
export async function pageOfInterviews(query: Query, q: InterviewQuery): Promise<InterviewPage> {
  const rows = await query(listQueryOf(q, q.limit + 1));
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    interviews: page.map(({ sortKey: _key, ...item }) => item),
    nextCursor: rows.length > q.limit && last ? encodeCursor(q.sort, last.sortKey, last.id) : null,
  };
}

/** Every interview the filters match, for the CSV (MAX_CSV_ROWS + 1 at most, so a caller can tell it overflowed). */
export async function allOfInterviews(query: Query, q: Omit<InterviewQuery, 'cursor' | 'limit'>): Promise<InterviewListItem[]> {
  const rows = await query(listQueryOf({ ...q, limit: MAX_CSV_ROWS }, MAX_CSV_ROWS + 1));
  return rows.map(({ sortKey: _key, ...item }) => item);
}

export const CSV_COLUMNS = ['id', 'candidate', 'role', 'seniority', 'type', 'started_at', 'completed_at', 'overall', 'engine'] as const;

/**
 * One CSV field, RFC 4180: quoted when it holds a comma, quote, CR or LF, quotes doubled. A text cell
 * a spreadsheet would run as a formula (starting with = + - @, tab or CR) gets a leading apostrophe.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function interviewsCsv(items: readonly InterviewListItem[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const item of items) {
    lines.push(
      [item.id, item.candidateName, item.role, item.seniority, item.type, item.startedAt, item.completedAt, item.overall === null ? null : Math.round(item.overall * 10) / 10, item.engine]
        .map(csvField)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
