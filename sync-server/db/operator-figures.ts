// The operator dashboard's figures that live in the database: interviews per UTC day, active devices,
// and the bytes the database takes. One implementation over the SqlRunner that both stores provide;
// only the storage statement differs by dialect.
// Owns: these read-only queries. Must not import: Hono, a route, a database driver.

/** Runs one read-only statement with `?` placeholders. */
export interface SqlReader {
  all<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

/** A reader over a better-sqlite3 database. */
export function sqliteReader(db: { prepare(sql: string): { all(...params: unknown[]): unknown[] } }): SqlReader {
  return { all: async <T>(sql: string, params: unknown[] = []) => db.prepare(sql).all(...params) as T[] };
}

/** A reader over a pg pool: `?` becomes `$n`. */
export function postgresReader(pool: { query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }> }): SqlReader {
  return {
    all: async <T>(sql: string, params: unknown[] = []) => {
      let n = 0;
      return (await pool.query(sql.replace(/\?/g, () => `$${++n}`), params)).rows as T[];
    },
  };
}

export interface OperatorFiguresQuery {
  /** The organisation whose interviews and devices count; null: every organisation (for /metrics). */
  orgId: string | null;
  /** ISO time; "today" is its UTC day. */
  now: string;
  /** How many UTC days, today included, interviewsPerDay covers (1..366). */
  days: number;
}

export interface OperatorFigures {
  /** Oldest first, one entry per day (zero-filled), the last one `now`'s day. Deleted interviews are not counted. */
  interviewsPerDay: { day: string; started: number; completed: number }[];
  /** Devices of the organisation; active: pushed or pulled (last_seen_at) in the last 24 hours / 7 days. */
  devices: { total: number; activeDay: number; activeWeek: number };
  /** The whole database, every organisation: SQLite's pages, PostgreSQL's pg_database_size. */
  storageBytes: number;
}

const DAY_MS = 86_400_000;

const STORAGE_SQL = {
  sqlite: 'SELECT page_count * page_size AS bytes FROM pragma_page_count(), pragma_page_size()',
  postgres: 'SELECT pg_database_size(current_database()) AS bytes',
} as const;

export async function queryOperatorFigures(sql: SqlReader, dialect: 'sqlite' | 'postgres', query: OperatorFiguresQuery): Promise<OperatorFigures> {
  const days = Math.min(Math.max(Math.trunc(query.days), 1), 366);
  const nowMs = Date.parse(query.now);
  const today = new Date(nowMs).toISOString().slice(0, 10);
  const firstDay = new Date(Date.parse(`${today}T00:00:00.000Z`) - (days - 1) * DAY_MS).toISOString();
  const orgClause = query.orgId === null ? '' : 'org_id = ? AND';
  const orgParams = query.orgId === null ? [] : [query.orgId];
  const perDay = async (column: 'started_at' | 'completed_at') =>
    sql.all<{ day: string; n: number }>(
      `SELECT substr(${column}, 1, 10) AS day, count(*) AS n FROM interviews
       WHERE ${orgClause} deleted = 0 AND ${column} IS NOT NULL AND ${column} >= ? GROUP BY substr(${column}, 1, 10)`,
      [...orgParams, firstDay],
    );
  const [started, completed, devices, storage] = await Promise.all([
    perDay('started_at'),
    perDay('completed_at'),
    sql.all<{ total: number; active_day: number | null; active_week: number | null }>(
      `SELECT count(*) AS total,
              sum(CASE WHEN last_seen_at >= ? THEN 1 ELSE 0 END) AS active_day,
              sum(CASE WHEN last_seen_at >= ? THEN 1 ELSE 0 END) AS active_week
       FROM devices${query.orgId === null ? '' : ' WHERE org_id = ?'}`,
      [new Date(nowMs - DAY_MS).toISOString(), new Date(nowMs - 7 * DAY_MS).toISOString(), ...orgParams],
    ),
    sql.all<{ bytes: number }>(STORAGE_SQL[dialect]),
  ]);
  const count = (rows: { day: string; n: number }[], day: string) => Number(rows.find((row) => row.day === day)?.n ?? 0);
  const interviewsPerDay = Array.from({ length: days }, (_, i) => {
    const day = new Date(Date.parse(firstDay) + i * DAY_MS).toISOString().slice(0, 10);
    return { day, started: count(started, day), completed: count(completed, day) };
  });
  const device = devices[0];
  return {
    interviewsPerDay,
    devices: { total: Number(device?.total ?? 0), activeDay: Number(device?.active_day ?? 0), activeWeek: Number(device?.active_week ?? 0) },
    storageBytes: Number(storage[0]?.bytes ?? 0),
  };
}
