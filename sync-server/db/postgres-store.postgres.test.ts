// What only PostgreSQL has to get right: several server processes on one database. Runs in the
// server-postgres project only (vitest.config.ts), each test on a schema of its own. Two stores on
// one schema are two servers: two pools, so the races below are real transactions on real connections.
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { PushItem, Store } from './store.ts';
import { MIGRATIONS } from './migrations.ts';
import { DatabaseSetupError, migratePostgres, openPostgresStore, type PostgresStoreOptions } from './postgres-store.ts';
import { postgresRunner } from './workspace-store.ts';
import { interviewEvents } from '../test-support/fixtures.ts';
import { createTestDatabase, databaseUrlWithSchema, TEST_STORE_KIND, testDatabaseUrl, type TestDatabase } from '../test-support/test-store.ts';

const NOW = '2026-11-20T10:00:00.000Z';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function database(): Promise<TestDatabase> {
  const db = await createTestDatabase();
  cleanups.push(() => db.cleanup());
  return db;
}

/** Another server on the same database; `extraOptions` are PostgreSQL settings for its connections. */
async function server(db: TestDatabase, options: Omit<PostgresStoreOptions, 'databaseUrl'> = {}, extraOptions = ''): Promise<Store> {
  const url = new URL(db.env.DATABASE_URL!);
  if (extraOptions) url.searchParams.set('options', `${url.searchParams.get('options') ?? ''} ${extraOptions}`);
  const store = await openPostgresStore({ ...options, databaseUrl: url.toString() });
  cleanups.push(() => store.close());
  return store;
}

async function orgWithInvite(store: Store, maxUses: number) {
  const { org, admin } = await store.createOrg({ name: `Org ${Math.random()}`, admin: { email: `${Math.random()}@acme.test`, name: 'Ada', passwordHash: 'x' } });
  const codeHash = `CODE-HASH-${Math.random()}`;
  const invite = await store.createInvite({ orgId: org.id, createdBy: admin.id, codeHash, label: null, maxUses, expiresAt: '2099-01-01T00:00:00.000Z' });
  return { org, invite: { ...invite, codeHash } };
}

async function joinedDevice(store: Store, clientId = 'device-a') {
  const { invite } = await orgWithInvite(store, 10);
  const result = await store.redeemInvite({ codeHash: invite.codeHash, clientId, candidateName: 'Grace', tokenHash: `hash-${clientId}-${Math.random()}`, now: NOW });
  if (!result.ok) throw new Error(result.reason);
  return result.device;
}

const asItems = (events: ReturnType<typeof interviewEvents>): PushItem[] => events.map((event, index) => ({ index, event }));

describe('the server-postgres project', () => {
  it('really runs on PostgreSQL', async () => {
    expect(TEST_STORE_KIND).toBe('postgres');
    const db = await database();
    expect(db.env.DATABASE_URL).toMatch(/^postgres(ql)?:\/\/.*search_path/);
    expect(await db.queryRaw<{ version: string }>('SELECT version()')).toEqual([{ version: expect.stringMatching(/^PostgreSQL/) }]);
  });
});

describe('migrations on PostgreSQL', () => {
  it('run once each, in order, each recorded with the version number SQLite uses', async () => {
    const db = await database();
    await server(db);
    const recorded = await db.queryRaw<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version');
    expect(recorded).toEqual(MIGRATIONS.map(({ version, name }) => ({ version, name })));
    const pool = new pg.Pool({ connectionString: db.env.DATABASE_URL });
    try {
      expect(await migratePostgres(pool)).toEqual([]);
    } finally {
      await pool.end();
    }
  });

  it('are applied once when several servers start at the same moment', async () => {
    const db = await database();
    const pools = Array.from({ length: 5 }, () => new pg.Pool({ connectionString: db.env.DATABASE_URL, max: 1 }));
    try {
      const ran = await Promise.all(pools.map((pool) => migratePostgres(pool)));
      expect(ran.flat().sort((a, b) => a - b)).toEqual(MIGRATIONS.map((migration) => migration.version));
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
    }
    expect(await db.queryRaw('SELECT version FROM schema_migrations ORDER BY version')).toEqual(MIGRATIONS.map(({ version }) => ({ version })));
  });

  it('refuse to start on a schema that does not exist, saying so', async () => {
    const opening = openPostgresStore({ databaseUrl: databaseUrlWithSchema(testDatabaseUrl(), `ib_test_missing_${Date.now()}`) });
    await expect(opening).rejects.toBeInstanceOf(DatabaseSetupError);
    await expect(opening).rejects.toThrow(/search_path in DATABASE_URL does not exist: create it/);
  });

  it('upgrade a version 1 database in place, keeping its data', async () => {
    const db = await database();
    await db.queryRaw('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const pool = new pg.Pool({ connectionString: db.env.DATABASE_URL, max: 1 });
    try {
      await pool.query(MIGRATIONS[0]!.postgres);
      await pool.query(`
        INSERT INTO schema_migrations VALUES (1, 'v1', '2026-11-01T00:00:00Z');
        INSERT INTO orgs VALUES ('o', 'Acme', 't');
        INSERT INTO devices (id, org_id, client_id, candidate_name, token_hash, created_at) VALUES ('d', 'o', 'c', 'Grace', 'h', 't');
        INSERT INTO events VALUES ('e1', 'd', 'o', 1, 'turn.answered', 't', '{"interviewId":"iv"}', 't');
        INSERT INTO interviews (id, org_id, device_id, candidate_name, updated_at) VALUES ('iv', 'o', 'd', 'Grace', 't');
        INSERT INTO turns VALUES ('t1', 'iv', 0, '{}', 'my answer', 0, 1000, 't', NULL, NULL);
      `);
      expect(await migratePostgres(pool)).toEqual(MIGRATIONS.slice(1).map((migration) => migration.version));
    } finally {
      await pool.end();
    }
    expect(await db.queryRaw('SELECT interview_id FROM events')).toEqual([{ interview_id: 'iv' }]);
    expect(await db.queryRaw('SELECT interview_id, id, seq, answer FROM turns')).toEqual([{ interview_id: 'iv', id: 't1', seq: 0, answer: 'my answer' }]);
    // The new key: the same turn id in another interview is another turn.
    await db.queryRaw("INSERT INTO interviews (id, org_id, device_id, candidate_name, updated_at) VALUES ('iv2', 'o', 'd', 'Grace', 't')");
    await db.queryRaw("INSERT INTO turns (interview_id, id, seq, idx, question, answer, skipped, active_ms, answered_at) VALUES ('iv2', 't1', 1, 0, '{}', 'other', 0, 1, 't')");
    expect(await db.queryRaw('SELECT name, value FROM question_cache_counters ORDER BY name')).toEqual([
      { name: 'hits', value: 0 },
      { name: 'misses', value: 0 },
    ]);
  });
});

describe('concurrent pushes', () => {
  it('store each event once when two servers receive the same batch at the same moment', async () => {
    const db = await database();
    const [a, b] = [await server(db), await server(db)];
    const device = await joinedDevice(a);
    for (let round = 0; round < 8; round++) {
      const events = interviewEvents(`iv-race-${round}`, 1 + round * 10, 4);
      const [first, second] = await Promise.all([a.ingest(device, asItems(events), NOW), b.ingest(device, asItems(events), NOW)]);
      const ids = events.map((event) => event.id);
      // One of the two stored everything; the other found everything already there.
      expect([first.accepted, second.accepted].sort((x, y) => y.length - x.length)).toEqual([ids, []]);
      expect([first.duplicates, second.duplicates].sort((x, y) => y.length - x.length)).toEqual([ids, []]);
      expect(first.rejected).toEqual([]);
      expect(second.rejected).toEqual([]);
      expect(first.acked).toBe(events.at(-1)!.seq);
      expect(second.acked).toBe(events.at(-1)!.seq);
      expect(await db.queryRaw('SELECT count(*) AS n FROM events WHERE interview_id = ?', `iv-race-${round}`)).toEqual([{ n: events.length }]);
    }
    expect(await db.queryRaw('SELECT count(*) AS n FROM turns')).toEqual([{ n: 8 * 4 }]);
  });

  it('store each event once when overlapping batches race, and end in the same state as one after the other', async () => {
    const db = await database();
    const [a, b] = [await server(db), await server(db)];
    const device = await joinedDevice(a);
    const events = interviewEvents('iv-overlap', 1, 6);
    const [first, second] = await Promise.all([a.ingest(device, asItems(events.slice(0, 6)), NOW), b.ingest(device, asItems(events.slice(3).reverse()), NOW)]);
    expect(new Set([...first.accepted, ...second.accepted])).toEqual(new Set(events.map((event) => event.id)));
    expect(first.accepted.length + second.accepted.length).toBe(events.length);
    expect(await db.queryRaw('SELECT count(*) AS n FROM events')).toEqual([{ n: events.length }]);
    const detail = await a.getInterview(device.orgId, 'iv-overlap');
    expect(detail?.turns.map((turn) => turn.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(detail?.interview.overall).toBe(61);
  });

  it('give an interview to the one device that wrote it first when two devices race for its id', async () => {
    const db = await database();
    const [a, b] = [await server(db), await server(db)];
    const { invite } = await orgWithInvite(a, 5);
    const redeem = async (clientId: string) => {
      const result = await a.redeemInvite({ codeHash: invite.codeHash, clientId, candidateName: clientId, tokenHash: `hash-${clientId}`, now: NOW });
      if (!result.ok) throw new Error(result.reason);
      return result.device;
    };
    const [one, two] = [await redeem('one'), await redeem('two')];
    for (let round = 0; round < 5; round++) {
      const id = `iv-contested-${round}`;
      const [first, second] = await Promise.all([
        a.ingest(one, asItems(interviewEvents(id, 1 + round * 10, 1)), NOW),
        b.ingest(two, asItems(interviewEvents(id, 1 + round * 10, 1)), NOW),
      ]);
      const [winner, loser] = first.accepted.length > 0 ? [first, second] : [second, first];
      expect(winner.accepted).toHaveLength(3);
      expect(loser.accepted).toEqual([]);
      expect(loser.rejected.map((rejection) => rejection.reason)).toEqual(Array(3).fill('This interview belongs to another device.'));
      expect(await db.queryRaw('SELECT count(*) AS n FROM events WHERE interview_id = ?', id)).toEqual([{ n: 3 }]);
    }
  });

  it('see a deletion that commits while they wait for the device, and apply nothing to the deleted interview', async () => {
    const db = await database();
    let deletionInside: () => void = () => undefined;
    const inside = new Promise<void>((resolve) => (deletionInside = resolve));
    let holdDeletion = false;
    const a = await server(db, {
      beforeIngestCommit: async () => {
        if (!holdDeletion) return;
        deletionInside();
        // Commit only once the other push waits for the device's row: its statement's snapshot was
        // taken before this commit.
        for (let i = 0; i < 300 && (await db.queryRaw<{ n: number }>("SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()"))[0]!.n === 0; i++) {
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      },
    });
    const b = await server(db);
    const device = await joinedDevice(a);
    const [started, firstTurn, secondTurn] = interviewEvents('iv-gone', 1, 2);
    await a.ingest(device, asItems([started!, firstTurn!]), NOW);
    holdDeletion = true;
    const deletion = a.ingest(device, [{ index: 0, event: { id: '01KZZZZZZZZZZZZZZZZZZZZZZZ', seq: 10, at: NOW, type: 'interview.deleted', payload: { interviewId: 'iv-gone' } } }], NOW);
    await inside;
    holdDeletion = false;
    const late = await b.ingest(device, asItems([secondTurn!]), NOW);
    expect((await deletion).accepted).toHaveLength(1);
    expect(late.accepted).toEqual([secondTurn!.id]);
    expect(await db.queryRaw("SELECT count(*) AS n FROM turns WHERE interview_id = 'iv-gone'")).toEqual([{ n: 0 }]);
    expect(await db.queryRaw('SELECT payload FROM events WHERE id = ?', secondTurn!.id)).toEqual([{ payload: JSON.stringify({ interviewId: 'iv-gone', redacted: true }) }]);
  });

  it('retry a push that PostgreSQL aborts with a serialization failure, and lose nothing', async () => {
    const db = await database();
    // SERIALIZABLE, as some managed databases are configured by default. Pushes of different devices
    // touch different rows (looked up by index) and both commit; two pushes of one device queue for
    // its row, and the second, whose snapshot is older than the first's commit, is aborted with 40001
    // ("could not serialize access due to concurrent update") when it gets the row.
    let firstInside: () => void = () => undefined;
    const inside = new Promise<void>((resolve) => (firstInside = resolve));
    let holding = true;
    const beforeIngestCommit = async () => {
      if (!holding) return;
      holding = false;
      firstInside();
      // Commit only once the other push waits for the device's row.
      for (let i = 0; i < 300 && (await db.queryRaw<{ n: number }>("SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()"))[0]!.n === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    const serializable = '-c default_transaction_isolation=serializable';
    const [a, b] = [await server(db, { beforeIngestCommit }, serializable), await server(db, {}, serializable)];
    const device = await joinedDevice(a);
    const batches = [interviewEvents('iv-s1', 1, 2), interviewEvents('iv-s2', 11, 2)];
    const first = a.ingest(device, asItems(batches[0]!), NOW);
    await inside;
    const second = await b.ingest(device, asItems(batches[1]!), NOW);
    expect([(await first).accepted, second.accepted]).toEqual(batches.map((events) => events.map((event) => event.id)));
    expect(await db.queryRaw('SELECT count(*) AS n FROM events')).toEqual([{ n: 8 }]);
  });
});

describe('concurrent invite redemption', () => {
  it('never admits more devices than the invite allows', async () => {
    const db = await database();
    const [a, b] = [await server(db), await server(db)];
    const { invite } = await orgWithInvite(a, 3);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        (i % 2 ? a : b).redeemInvite({ codeHash: invite.codeHash, clientId: `device-${i}`, candidateName: `C${i}`, tokenHash: `hash-${i}`, now: NOW }),
      ),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(3);
    expect(results.filter((result) => !result.ok).map((result) => !result.ok && result.reason)).toEqual(Array(9).fill('used-up'));
    expect(await db.queryRaw('SELECT uses FROM invites WHERE code_hash = ?', invite.codeHash)).toEqual([{ uses: 3 }]);
    expect(await db.queryRaw('SELECT count(*) AS n FROM devices')).toEqual([{ n: 3 }]);
  });

  it('admits one device once when it redeems two codes of the organisation at the same moment', async () => {
    const db = await database();
    const [a, b] = [await server(db), await server(db)];
    const { org, invite } = await orgWithInvite(a, 1);
    const admin = (await db.queryRaw<{ id: string }>('SELECT id FROM users'))[0]!;
    await a.createInvite({ orgId: org.id, createdBy: admin.id, codeHash: 'SECOND-CODE-HASH', label: null, maxUses: 1, expiresAt: '2099-01-01T00:00:00.000Z' });
    const [first, again] = await Promise.all([
      a.redeemInvite({ codeHash: invite.codeHash, clientId: 'same-device', candidateName: 'Grace', tokenHash: 'hash-1', now: NOW }),
      b.redeemInvite({ codeHash: 'SECOND-CODE-HASH', clientId: 'same-device', candidateName: 'Grace', tokenHash: 'hash-2', now: NOW }),
    ]);
    expect(first.ok && again.ok).toBe(true);
    expect(first.ok && again.ok && first.device.id === again.device.id).toBe(true);
    expect(await db.queryRaw('SELECT count(*) AS n FROM devices')).toEqual([{ n: 1 }]);
    // The second redemption found the device admitted and used no slot of its code.
    expect(await db.queryRaw('SELECT sum(uses) AS n FROM invites')).toEqual([{ n: 1 }]);
    const device = first.ok ? first.device : null;
    const changes = await a.listDeviceChanges(device!.id, 0, 10);
    expect(changes.map((change) => change.change.type)).toEqual(['org.joined', 'org.joined']);
    expect(changes.every((change) => typeof change.cursor === 'number')).toBe(true);
  });
});

describe('numbers', () => {
  it('come back as numbers, as from SQLite, including BIGINT seqs, counts and cursors', async () => {
    const db = await database();
    const store = await server(db);
    const device = await joinedDevice(store);
    const big = 2 ** 40;
    const outcome = await store.ingest(device, asItems(interviewEvents('iv-big', big, 1)), NOW);
    expect(outcome.acked).toBe(big + 2);
    const [change] = await store.listDeviceChanges(device.id, 0, 1);
    expect(typeof change!.cursor).toBe('number');
    const detail = await store.getInterview(device.orgId, 'iv-big');
    expect(detail?.turns[0]).toMatchObject({ index: 0, activeMs: 60_000, skipped: false });
    expect(detail?.interview).toMatchObject({ overall: 61, endedEarly: false });
    expect(await store.questionCacheStats()).toEqual({ hits: 0, misses: 0, plans: 0, keys: 0 });
    expect(await db.queryRaw('SELECT seq FROM events ORDER BY seq LIMIT 1')).toEqual([{ seq: big }]);
  });
});

describe("a device's changes", () => {
  it('commit in cursor order, so a device that pulled past a cursor never misses a change numbered below it', async () => {
    const db = await database();
    const store = await server(db);
    const device = await joinedDevice(store);
    const pool = new pg.Pool({ connectionString: db.env.DATABASE_URL!, max: 4 });
    cleanups.push(() => pool.end());
    const runner = postgresRunner(pool);
    const change = (label: string) => ({
      sql: 'INSERT INTO device_changes (device_id, type, payload, created_at) VALUES (?, ?, ?, ?)',
      params: [device.id, 'org.joined', JSON.stringify({ orgId: device.orgId, orgName: label }), NOW],
    });
    const [joined] = await store.listDeviceChanges(device.id, 0, 10);
    // The first writer takes its cursor, then stays in its transaction a while; the second takes the
    // next cursor and would commit first without the per-device lock.
    const slow = runner.batch([change('first'), { sql: 'SELECT pg_sleep(0.6)', params: [] }]);
    await new Promise((resolve) => setTimeout(resolve, 150));
    await runner.batch([change('second')]);
    // The moment the second is committed, a pull must see the first too (or neither).
    const seen = await store.listDeviceChanges(device.id, joined!.cursor, 10);
    await slow;
    expect(seen.map((row) => (row.change.type === 'org.joined' ? row.change.payload.orgName : row.change.type))).toEqual(['first', 'second']);
    expect(seen[0]!.cursor).toBeLessThan(seen[1]!.cursor);
  });
});
