// The sync server killed with SIGKILL in the middle of pushes loses nothing it acknowledged, stores a
// push all or nothing, and ends with every event stored exactly once after the devices re-send.
//
// Several simulated devices keep an outbox each (ULID ids, rising seqs) and push it the way
// web/sync/sync-client.ts does: the pending events in a batch that fits the body limit; an event is
// done when the reply lists it as accepted or duplicate or its seq is <= `acked`; anything else stays
// queued and goes again after a failure. Unlike the real client, a re-sent batch is shuffled, so the
// server also sees events out of order. The server (the real main.ts, bundled so that a restart takes
// about a second) is killed KILLS times, each a random 0–30 ms after a randomly chosen push left, so
// some kills land before a request is read, some mid-transaction, some after the reply. After every
// restart, before anything is re-sent, the database must hold every event acknowledged so far and,
// of each batch that was cut off, all of it or none of it. At the end, through the database and the
// interviewer API: each event once, each interview with all its turns.
// Runs on SQLite, and on PostgreSQL too when TEST_DATABASE_URL is set. CRASH_SEED=<n> replays a run.
import { request, Agent } from 'node:http';
import { afterAll, beforeAll, describe, expect, onTestFailed, test } from 'vitest';
import { MAX_BODY_BYTES, MAX_EVENTS_PER_PUSH, pushResponse, type SyncEvent } from '../../sync-server/protocol/index.ts';
import { interviewEvents, joinDevices, pushBody, TURNS, answerText, type PushingDevice } from '../helpers/interview-push.ts';
import { signInOverHttp } from '../helpers/interviewer-session.ts';
import { bundleServer, type ServerBundle } from '../helpers/server-bundle.ts';
import { createServerDatabase, serverDatabaseKinds, type ServerDatabase } from '../helpers/server-database.ts';
import { createOrgWithAdmin, findFreePort, startSyncServer, type RunningServer } from '../helpers/sync-server-process.ts';

const KILLS = 20;
const DEVICES = 4;
const ADMIN = { name: 'Crash Org', email: 'crash@crash.test', adminName: 'Crash', password: 'crash password 1' };
// As web/sync/sync-client.ts: room for the envelope under the server's body limit.
const BODY_BUDGET = MAX_BODY_BYTES - 4_096;

let bundle: ServerBundle;
beforeAll(async () => {
  bundle = await bundleServer();
});
afterAll(() => bundle?.remove());

/** mulberry32: small, seedable, good enough to pick moments and orders. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** POST over one keep-alive agent per server lifetime, so a dead server's sockets are never reused. */
function post(agent: Agent, port: number, path: string, token: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: 'POST', agent, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

interface Lifetime {
  port: number;
  agent: Agent;
  /** Called as each push leaves. */
  onSend: () => void;
}

class SimulatedDevice {
  readonly all: SyncEvent[] = [];
  readonly confirmed = new Set<string>();
  /** Pending events in seq order, as the outbox lists them. */
  private outbox: SyncEvent[] = [];
  /** The batch whose push failed without a reply: its fate is unknown until the server is back. */
  cutOff: SyncEvent[] | null = null;
  private resending = false;
  pushes = 0;

  constructor(
    readonly device: PushingDevice,
    private readonly random: () => number,
  ) {}

  finishInterview(): void {
    const events = interviewEvents(this.device);
    this.all.push(...events);
    this.outbox.push(...events);
  }

  get pending(): number {
    return this.outbox.length;
  }

  /** Pushes until the outbox is empty; a failed push leaves its batch queued and ends the attempt. */
  async sync(life: Lifetime): Promise<'done' | 'failed'> {
    while (this.outbox.length > 0) {
      const batch = this.fitToBody(this.outbox.slice(0, MAX_EVENTS_PER_PUSH));
      // Re-sent events go in a different order from the first time.
      const sent = this.resending ? shuffle([...batch], this.random) : batch;
      this.cutOff = batch;
      life.onSend();
      this.pushes++;
      let reply: { status: number; text: string };
      try {
        reply = await post(life.agent, life.port, '/api/sync/push', this.device.token, pushBody(this.device, sent));
      } catch {
        this.resending = true;
        return 'failed';
      }
      if (reply.status !== 200) throw new Error(`push from ${this.device.clientId} answered ${reply.status}: ${reply.text}`);
      this.cutOff = null;
      this.resending = false;
      const outcome = pushResponse.parse(JSON.parse(reply.text));
      expect(outcome.rejected, 'no valid event may be rejected').toEqual([]);
      const confirmed = new Set([...outcome.accepted, ...outcome.duplicates]);
      const done = new Set(batch.filter((e) => confirmed.has(e.id) || e.seq <= outcome.acked).map((e) => e.id));
      expect(done.size, 'a reply settles the whole batch').toBe(batch.length);
      for (const id of done) this.confirmed.add(id);
      this.outbox = this.outbox.filter((e) => !done.has(e.id));
    }
    return 'done';
  }

  private fitToBody(events: SyncEvent[]): SyncEvent[] {
    let bytes = pushBody(this.device, []).length;
    const batch: SyncEvent[] = [];
    for (const event of events) {
      const size = Buffer.byteLength(JSON.stringify(event)) + 1;
      if (batch.length > 0 && bytes + size > BODY_BUDGET) break;
      batch.push(event);
      bytes += size;
    }
    return batch;
  }
}

async function storedEventIds(db: ServerDatabase): Promise<Map<string, number>> {
  const rows = await db.query<{ id: string; n: number }>('SELECT id, COUNT(*) AS n FROM events GROUP BY id');
  return new Map(rows.map((row) => [row.id, Number(row.n)]));
}

describe.each(serverDatabaseKinds())('on %s, a server killed mid-push', (kind) => {
  let db: ServerDatabase;
  let server: RunningServer | null = null;

  beforeAll(async () => {
    db = await createServerDatabase(kind);
  });
  afterAll(async () => {
    if (server && server.process.exitCode === null && server.process.signalCode === null) await server.stop();
    await db?.drop();
  });

  test(`loses nothing it acknowledged across ${KILLS} SIGKILLs, and the re-sends are exactly-once`, { timeout: 120_000 }, async () => {
    const seed = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
    onTestFailed(() => console.error(`crash test on ${kind} failed with seed ${seed}: replay it with CRASH_SEED=${seed}`));
    const random = seededRandom(seed);
    const port = await findFreePort();
    // Devices here push far more often than real ones; the per-device limit is not what is tested.
    const env = { ...db.env, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: db.dataDir, STATIC_DIR: './no-static-for-tests', DEVICE_SYNC_REQUESTS_PER_MINUTE: '1000000' };
    const start = () => startSyncServer(env, { command: bundle.command });

    server = await start();
    createOrgWithAdmin(db.dataDir, ADMIN, db.env);
    const url = `http://127.0.0.1:${port}`;
    const devices = (await joinDevices(url, await signInOverHttp(url, ADMIN), DEVICES, { prefix: 'crash-device' })).map((d) => new SimulatedDevice(d, random));

    let kills = 0;
    let cutOffBatches = 0;
    let committedCutOffs = 0;
    // What the database held at the last restart: a re-sent batch may carry events stored by an
    // earlier push whose reply the kill swallowed; only the rest are this push's to store or not.
    let storedAtRestart = new Map<string, number>();
    while (kills < KILLS) {
      const agent = new Agent({ keepAlive: true });
      // Kill a random 0–30 ms after the k-th push of this round leaves (k = 0: before any).
      const killAfterSends = Math.floor(random() * 12);
      const killDelay = random() * 30;
      let sends = 0;
      let killTimer: NodeJS.Timeout | null = null;
      const current = server;
      const kill = () => {
        killTimer ??= setTimeout(() => current.process.kill('SIGKILL'), killDelay);
      };
      if (killAfterSends === 0) kill();
      const life: Lifetime = { port, agent, onSend: () => ++sends === killAfterSends && kill() };
      // Each device finishes one to three interviews and syncs after each, until the server dies.
      await Promise.all(
        devices.map(async (device) => {
          const interviews = 1 + Math.floor(random() * 3);
          for (let i = 0; i < interviews; i++) {
            device.finishInterview();
            if ((await device.sync(life)) === 'failed') return;
          }
        }),
      );
      kill(); // every push of this round finished before the chosen moment: kill between requests
      await new Promise<void>((resolve) => (current.process.exitCode !== null || current.process.signalCode !== null ? resolve() : current.process.once('exit', () => resolve())));
      expect(current.process.signalCode).toBe('SIGKILL');
      agent.destroy();
      kills++;

      server = await start();
      // Before any device re-sends: everything acknowledged is there, and a cut-off push is all or nothing.
      const stored = await storedEventIds(db);
      for (const device of devices) {
        const missing = [...device.confirmed].filter((id) => !stored.has(id));
        expect(missing, `acknowledged events of ${device.device.clientId} missing after kill ${kills}`).toEqual([]);
        if (device.cutOff) {
          cutOffBatches++;
          const fresh = device.cutOff.filter((e) => !storedAtRestart.has(e.id) && !device.confirmed.has(e.id));
          const kept = fresh.filter((e) => stored.has(e.id)).length;
          if (kept > 0 && kept === fresh.length) committedCutOffs++;
          expect([0, fresh.length], `a push of ${fresh.length} new events cut off by kill ${kills} was stored in part`).toContain(kept);
        }
      }
      storedAtRestart = stored;
    }

    const acknowledgedThroughKills = devices.reduce((sum, device) => sum + device.confirmed.size, 0);
    // The devices re-send what is still queued, with the server left running.
    const agent = new Agent({ keepAlive: true });
    const life: Lifetime = { port, agent, onSend: () => undefined };
    await Promise.all(devices.map((device) => device.sync(life).then((result) => expect(result).toBe('done'))));
    agent.destroy();
    for (const device of devices) expect(device.pending).toBe(0);

    // The database: every event once, no other events, each device's seqs 1..n.
    const all = devices.flatMap((device) => device.all);
    const stored = await storedEventIds(db);
    expect(stored.size).toBe(all.length);
    for (const event of all) expect(stored.get(event.id), `event ${event.id}`).toBe(1);
    for (const device of devices) {
      const seqs = await db.query<{ seq: number }>('SELECT e.seq FROM events e JOIN devices d ON d.id = e.device_id WHERE d.client_id = ? ORDER BY e.seq', device.device.clientId);
      expect(seqs.map((row) => Number(row.seq))).toEqual(device.all.map((_, i) => i + 1));
    }

    // The materialised interviews and turns: each interview once, complete, each turn once.
    const interviewIds = new Set(all.filter((e) => e.type === 'interview.started').map((e) => e.payload.interviewId));
    const interviews = await db.query<{ id: string; completed_at: string | null }>('SELECT id, completed_at FROM interviews');
    expect(new Set(interviews.map((row) => row.id))).toEqual(interviewIds);
    expect(interviews.length).toBe(interviewIds.size);
    expect(interviews.filter((row) => row.completed_at === null)).toEqual([]);
    const turns = await db.query<{ interview_id: string; idx: number; answer: string }>('SELECT interview_id, idx, answer FROM turns');
    expect(turns.length).toBe(interviewIds.size * TURNS);
    for (const turn of turns) expect(turn.answer).toBe(answerText(Number(turn.idx)));

    // The interviewer API tells the same story.
    const session = await signInOverHttp(url, ADMIN);
    // The list comes in pages; follow nextCursor to the end.
    const listed: string[] = [];
    for (let cursor: string | null = '', pages = 0; cursor !== null && pages < 50; pages++) {
      const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
      const page = (await (await fetch(`${url}/api/interviewer/interviews${query}`, { headers: { cookie: session.cookie } })).json()) as {
        interviews: Array<{ id: string }>;
        nextCursor?: string | null;
      };
      listed.push(...page.interviews.map((item) => item.id));
      cursor = page.nextCursor ?? null;
    }
    expect(listed.length).toBe(interviewIds.size);
    expect(new Set(listed)).toEqual(interviewIds);
    for (const id of interviewIds) {
      const response = await fetch(`${url}/api/interviewer/interviews/${id}`, { headers: { cookie: session.cookie } });
      expect(response.status).toBe(200);
      const detail = (await response.json()) as { interview: { completedAt: string | null }; turns: Array<{ index: number; answer: string }> };
      expect(detail.interview.completedAt).not.toBeNull();
      expect(detail.turns.map((turn) => turn.index)).toEqual([...Array(TURNS).keys()]);
      for (const turn of detail.turns) expect(turn.answer).toBe(answerText(turn.index));
    }

    const pushes = devices.reduce((sum, device) => sum + device.pushes, 0);
    console.info(
      `crash test on ${kind}, seed ${seed}: ${kills} kills, ${pushes} pushes, ${cutOffBatches} pushes cut off ` +
        `(${committedCutOffs} of them committed before the kill), ${acknowledgedThroughKills} events acknowledged between kills, ${all.length} events, ${interviewIds.size} interviews, each stored once`,
    );
    await server.stop();
    server = null;
  });
});
