// Makes db.prepare() return one compiled statement per SQL text, for the life of the connection.
// better-sqlite3 compiles on every prepare(); the store prepares at each call site (the SQL stays
// beside the code that runs it), and on the hot paths (a session's token, a device's token, the list
// and detail reads, ingest) compiling cost more than running. Every SQL text the store uses is a
// constant or one of a few variants (interview-list-sql.ts builds at most a few hundred), so the
// cache stays small. A cached statement's pluck/raw/expand modes are reset on each hand-out, so one
// call site's .pluck() cannot change what another call site of the same text reads.
// Owns: the cache. Must not import: anything of the store.
import type Database from 'better-sqlite3';

export function cachePreparedStatements(db: Database.Database): void {
  const compile = db.prepare.bind(db);
  const cache = new Map<string, Database.Statement>();
  db.prepare = ((source: string) => {
    let statement = cache.get(source);
    if (!statement) {
      statement = compile(source);
      cache.set(source, statement);
    } else if (statement.reader) {
      statement.pluck(false).expand(false).raw(false);
    }
    return statement;
  }) as Database.Database['prepare'];
}
