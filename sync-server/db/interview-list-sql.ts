// The interviewer's interview list (filters, sort, one keyset page) as one SQL statement, for SQLite
// and for PostgreSQL, so both databases filter, order and page the same way, in the database: the
// process reads only the page it sends, however many interviews the organisation holds.
// Sort keys compare as the database compares them, and the cursor carries the key the database gave
// (`sort_key`), so a page never depends on JavaScript and SQL agreeing about order:
// - startedAt: the ISO time as stored (stores write it normalised, Date#toISOString, so text order is
//   time order); PostgreSQL compares it in the "C" collation, byte order, as SQLite does.
// - overall: the score, unscored as -1 (below every score).
// - candidate: the name case-folded (SQLite: ib_casefold, which the store registers as JavaScript's
//   toLowerCase; PostgreSQL: lower()), compared byte-wise.
// The id breaks ties, byte-wise in both. The partial indexes of migration 7 serve the first two sorts.
// Owns: this statement's text. Must not import: a database driver, Hono.
import type { InterviewListItem } from '../protocol/index.ts';

export type InterviewSort = 'startedAt' | 'overall' | 'candidate';

export interface InterviewListQuery {
  /** Any part of the candidate's name, any case. */
  candidate?: string;
  /** Any part of the role, any case. */
  role?: string;
  templateId?: string;
  /** Inclusive ISO times (Date#toISOString form). */
  from?: string;
  to?: string;
  /** Inclusive; a score filter leaves out interviews with no score yet. */
  minScore?: number;
  maxScore?: number;
  sort: InterviewSort;
  order: 'asc' | 'desc';
  /** The last row of the previous page: this page starts after it. */
  after?: { key: string | number; id: string };
  limit: number;
}

/** A list row and the key it was sorted by, for the next page's cursor. */
export type InterviewListRow = InterviewListItem & { sortKey: string | number };

export type SqlDialect = 'sqlite' | 'postgres';

export interface SqlStatement {
  text: string;
  values: unknown[];
}

const SORT_KEY: Record<InterviewSort, Record<SqlDialect, string>> = {
  startedAt: { sqlite: 'started_at', postgres: 'started_at COLLATE "C"' },
  overall: { sqlite: 'COALESCE(overall, -1)', postgres: 'COALESCE(overall, -1)' },
  candidate: { sqlite: 'ib_casefold(candidate_name)', postgres: 'lower(candidate_name) COLLATE "C"' },
};
const ID: Record<SqlDialect, string> = { sqlite: 'id', postgres: 'id COLLATE "C"' };
const CONTAINS: Record<SqlDialect, (column: string, param: string) => string> = {
  sqlite: (column, param) => `instr(ib_casefold(${column}), ${param}) > 0`,
  postgres: (column, param) => `strpos(lower(${column}), ${param}) > 0`,
};

/** The statement for one page (ask for one row more than the page to learn whether another follows). */
export function interviewListSql(dialect: SqlDialect, orgId: string, query: InterviewListQuery): SqlStatement {
  const values: unknown[] = [];
  const param = (value: unknown) => {
    values.push(value);
    return dialect === 'sqlite' ? '?' : `$${values.length}`;
  };
  const key = SORT_KEY[query.sort][dialect];
  // These three terms are the partial indexes' condition, written the same way so the planner uses them.
  const where = [`org_id = ${param(orgId)}`, 'deleted = 0', 'started_at IS NOT NULL'];
  if (query.candidate) where.push(CONTAINS[dialect]('candidate_name', param(query.candidate.toLowerCase())));
  if (query.role) where.push(CONTAINS[dialect]('role', param(query.role.toLowerCase())));
  if (query.templateId) where.push(`template_id = ${param(query.templateId)}`);
  if (query.from) where.push(`started_at >= ${param(query.from)}`);
  if (query.to) where.push(`started_at <= ${param(query.to)}`);
  if (query.minScore !== undefined) where.push(`overall IS NOT NULL AND overall >= ${param(query.minScore)}`);
  if (query.maxScore !== undefined) where.push(`overall IS NOT NULL AND overall <= ${param(query.maxScore)}`);
  const direction = query.order === 'asc' ? 'ASC' : 'DESC';
  if (query.after) where.push(`(${key}, ${ID[dialect]}) ${query.order === 'asc' ? '>' : '<'} (${param(query.after.key)}, ${param(query.after.id)})`);
  const text =
    `SELECT id, candidate_name, role, seniority, type, started_at, completed_at, overall, engine, template_id, ${key} AS sort_key ` +
    `FROM interviews WHERE ${where.join(' AND ')} ORDER BY ${key} ${direction}, ${ID[dialect]} ${direction} LIMIT ${param(query.limit)}`;
  return { text, values };
}

export interface InterviewListDbRow {
  id: string;
  candidate_name: string;
  role: string | null;
  seniority: string | null;
  type: string | null;
  started_at: string | null;
  completed_at: string | null;
  overall: number | null;
  engine: string | null;
  template_id: string | null;
  sort_key: string | number;
}

export const toInterviewListRow = (row: InterviewListDbRow): InterviewListRow => ({
  id: row.id,
  candidateName: row.candidate_name,
  role: row.role ?? '',
  seniority: row.seniority ?? '',
  type: row.type ?? '',
  startedAt: row.started_at ?? '',
  completedAt: row.completed_at,
  overall: row.overall,
  engine: row.engine ?? '',
  templateId: row.template_id,
  sortKey: row.sort_key,
});
