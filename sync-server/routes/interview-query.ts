// The interviewer's list query (filters, sort, keyset pagination) and its CSV form, as pure functions
// over an organisation's interview list, for GET /api/interviewer/interviews and /interviews.csv.
// Keyset, not offset: the cursor names the last row's sort key and id, so rows synced between two
// pages neither repeat nor push others off a page.
// Owns: the query's shape (zod) and the CSV format. Must not import: Hono, a store, a database driver.
import { z } from 'zod';
import type { InterviewListItem } from '../protocol/index.ts';

export const MAX_PAGE = 200;
export const DEFAULT_PAGE = 100;
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

type SortKey = string | number;
function keyOf(item: InterviewListItem, sort: InterviewQuery['sort']): SortKey {
  if (sort === 'overall') return item.overall ?? -1; // unscored sorts below every score
  if (sort === 'candidate') return item.candidateName.toLowerCase();
  return Date.parse(item.startedAt);
}

function compare(a: [SortKey, string], b: [SortKey, string]): number {
  if (a[0] < b[0]) return -1;
  if (a[0] > b[0]) return 1;
  return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
}

const cursorBody = z.tuple([z.enum(['startedAt', 'overall', 'candidate']), z.union([z.string(), z.number()]), z.string()]);

function encodeCursor(sort: InterviewQuery['sort'], key: SortKey, id: string): string {
  return Buffer.from(JSON.stringify([sort, key, id])).toString('base64url');
}

function decodeCursor(cursor: string, sort: InterviewQuery['sort']): [SortKey, string] {
  let parsed;
  try {
    parsed = cursorBody.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new BadCursorError();
  }
  if (!parsed.success || parsed.data[0] !== sort) throw new BadCursorError();
  return [parsed.data[1], parsed.data[2]];
}

/** Filtered and sorted, before paging. */
export function filterInterviews(items: readonly InterviewListItem[], q: InterviewQuery): InterviewListItem[] {
  const candidate = q.candidate?.toLowerCase();
  const role = q.role?.toLowerCase();
  const from = q.from ? Date.parse(q.from) : undefined;
  const to = q.to ? Date.parse(endOf(q.to)) : undefined;
  const direction = q.order === 'asc' ? 1 : -1;
  return items
    .filter((item) => {
      if (candidate && !item.candidateName.toLowerCase().includes(candidate)) return false;
      if (role && !item.role.toLowerCase().includes(role)) return false;
      const started = Date.parse(item.startedAt);
      if (from !== undefined && started < from) return false;
      if (to !== undefined && started > to) return false;
      // A score filter leaves out interviews with no score yet.
      if (q.minScore !== undefined && (item.overall === null || item.overall < q.minScore)) return false;
      if (q.maxScore !== undefined && (item.overall === null || item.overall > q.maxScore)) return false;
      return true;
    })
    .sort((a, b) => direction * compare([keyOf(a, q.sort), a.id], [keyOf(b, q.sort), b.id]));
}

export interface InterviewPage {
  interviews: InterviewListItem[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export function pageOfInterviews(items: readonly InterviewListItem[], q: InterviewQuery): InterviewPage {
  let rows = filterInterviews(items, q);
  if (q.cursor) {
    const after = decodeCursor(q.cursor, q.sort);
    const direction = q.order === 'asc' ? 1 : -1;
    rows = rows.filter((item) => direction * compare([keyOf(item, q.sort), item.id], after) > 0);
  }
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return { interviews: page, nextCursor: rows.length > q.limit && last ? encodeCursor(q.sort, keyOf(last, q.sort), last.id) : null };
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
