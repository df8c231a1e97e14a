// What one sync server process holds on this machine, OPEN LOOP, on SQLite and on PostgreSQL.
// Usage: npm run bench:server   (PostgreSQL at BENCH_DATABASE_URL or TEST_DATABASE_URL, in a schema of
// its own, dropped afterwards; RUNS, STEP_SECONDS and SATURATION_SECONDS override the defaults;
// KINDS=sqlite or KINDS=postgres measures one database only, PARTS=push or PARTS=reads one workload
// only; PROFILE_DIR writes the server's V8 CPU profile there, to open in Chrome DevTools)
//
// The server is tests/bench/bench-server-entry.ts: the real app plus a bare /bench/bare route, in a
// child process. Requests leave on a fixed schedule whatever the replies do, and each latency counts
// from the moment its request was due, so a server that falls behind shows it (no coordinated
// omission; autocannon is closed loop). Node's http.Agent with keep-alive carries them (undici's Pool
// is not installed here; Node's fetch does not expose it).
// - Pushes: 500 devices, each with its own token and its own keep-alive connection, opened before the
//   load starts; one request = one whole interview (tests/helpers/interview-push.ts). Held when p99
//   <= 100 ms with no errors.
// - Interviewer reads: list and detail in turn, over 1,000 open connections, with a signed-in
//   cookie and a browser's Accept-Encoding. Held when p95 <= 20 ms with no errors. Nothing is pushed
//   while reads are measured, so after the first read of each page they come from the server's read
//   and session caches (sync-server/read-cache/); `reads.withoutCaches` is the same read saturation
//   from a second process over the same database with both caches off (BENCH_CACHES=off).
// The highest held rate is found by doubling then bisecting, STEP_SECONDS a step; a step that fails
// is tried once more (see findHeldRate), and the JSON counts those retries. Saturation is closed
// loop (a fixed number of requests always outstanding). The load generator shares the machine's cores
// with the server: its CPU and the server's are measured and printed, and the server's CPU time per
// request at saturation is given too, which depends far less on what else the machine is running.
// On PostgreSQL every commit waits for its WAL to reach the disk, and a checkpoint's writes compete
// for that disk: the JSON gives the settings it ran with (`settings`), and ARCHITECTURE.md those the
// figures there were taken with.
// Progress lines first, then one JSON line (medians over RUNS runs).
import { Agent, request } from 'node:http';
import os from 'node:os';
import { readFileSync } from 'node:fs';
import { interviewEvents, joinDevices, pushBody, EVENTS_PER_INTERVIEW, type PushingDevice } from '../helpers/interview-push.ts';
import { signInOverHttp } from '../helpers/interviewer-session.ts';
import { bundleServer } from '../helpers/server-bundle.ts';
import { createServerDatabase, type ServerDatabase, type ServerDatabaseKind } from '../helpers/server-database.ts';
import { createOrgWithAdmin, findFreePort, startSyncServer } from '../helpers/sync-server-process.ts';
import { median, round } from './stats.ts';

const RUNS = Number(process.env.RUNS ?? 3);
const STEP_SECONDS = Number(process.env.STEP_SECONDS ?? 3);
const SATURATION_SECONDS = Number(process.env.SATURATION_SECONDS ?? 3);
const KINDS = (process.env.KINDS ?? 'sqlite,postgres').split(',').map((kind) => kind.trim());
const PROFILE_DIR = process.env.PROFILE_DIR;
const PARTS = (process.env.PARTS ?? 'push,reads').split(',').map((part) => part.trim());
const DEVICES = 500;
const READ_CONNECTIONS = 1000;
const PUSH_P99_MS = 100;
const READ_P95_MS = 20;
const TARGET_PUSH_RATE = 200;
const TARGET_READ_RATE = 2000;
// What Chromium sends with every fetch(): the interviewer's reads come from a browser.
const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br, zstd';
const ADMIN = { name: 'Bench Org', email: 'bench@bench.test', adminName: 'Bench', password: 'bench password 1' };

interface Req {
  agent: Agent;
  /** The server's port; the bench server's by default. */
  port?: number;
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string | number>;
  body?: string;
}

let port = 0;

function send(r: Req): Promise<number> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port: r.port ?? port, path: r.path, method: r.method, agent: r.agent, headers: r.headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve(0));
    });
    req.setTimeout(10_000, () => req.destroy());
    req.on('error', () => resolve(0));
    req.end(r.body);
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface Cpu {
  generator: number;
  server: number;
}

/** The server process's user + system CPU seconds so far (utime and stime, in 1/100 s ticks). */
function serverCpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

let serverPid = 0;

/** CPU used during `run`, in cores (1 = one core busy the whole time). */
async function measureCpu<T>(run: () => Promise<T>, pid = serverPid): Promise<{ result: T; cpu: Cpu }> {
  const startWall = performance.now();
  const startGen = process.cpuUsage();
  const startServer = serverCpuSeconds(pid);
  const result = await run();
  const wall = (performance.now() - startWall) / 1000;
  const gen = process.cpuUsage(startGen);
  return { result, cpu: { generator: round((gen.user + gen.system) / 1e6 / wall, 2), server: round((serverCpuSeconds(pid) - startServer) / wall, 2) } };
}

interface OpenLoopResult {
  rate: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  achieved: number;
  cpu: Cpu;
}

/** Sends rate*seconds requests on a fixed schedule; latency from each request's due time. */
async function openLoop(rate: number, seconds: number, next: () => Req): Promise<OpenLoopResult> {
  const { result, cpu } = await measureCpu(async () => {
    const total = Math.round(rate * seconds);
    const latencies: number[] = [];
    let errors = 0;
    const pending: Promise<void>[] = [];
    const start = performance.now() + 5;
    let sent = 0;
    while (sent < total) {
      const now = performance.now();
      while (sent < total && start + (sent * 1000) / rate <= now) {
        const due = start + (sent * 1000) / rate;
        pending.push(
          send(next()).then((status) => {
            latencies.push(performance.now() - due);
            if (status < 200 || status > 299) errors++;
          }),
        );
        sent++;
      }
      // Sleep until the next request is due (timers wake at 1 ms granularity, so at high rates a
      // wake-up sends the few that fell due) rather than spin: a spinning generator takes a whole
      // core from the server and the database on a 2-core machine. A late wake-up is not hidden:
      // latency counts from the due time.
      const wait = start + (sent * 1000) / rate - performance.now();
      await new Promise((r) => setTimeout(r, Math.max(0, wait - 1)));
    }
    await Promise.all(pending);
    const wall = (performance.now() - start) / 1000;
    latencies.sort((a, b) => a - b);
    return { latencies, errors, wall };
  });
  return {
    rate,
    p50: round(percentile(result.latencies, 50)),
    p95: round(percentile(result.latencies, 95)),
    p99: round(percentile(result.latencies, 99)),
    errors: result.errors,
    achieved: round(result.latencies.length / result.wall),
    cpu,
  };
}

/** Closed loop: `concurrency` requests always outstanding; completed requests per second. */
async function saturation(seconds: number, concurrency: number, next: () => Req, pid = serverPid): Promise<{ rps: number; errors: number; cpu: Cpu }> {
  const { result, cpu } = await measureCpu(async () => {
    let done = 0;
    let errors = 0;
    const end = performance.now() + seconds * 1000;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < end) {
          const status = await send(next());
          done++;
          if (status < 200 || status > 299) errors++;
        }
      }),
    );
    return { rps: done / ((performance.now() - start) / 1000), errors };
  }, pid);
  return { rps: round(result.rps), errors: result.errors, cpu };
}

/**
 * Doubles from `from` until a step fails, then bisects twice; returns the highest held step. A step
 * that fails is run once more, and counts as held only if that second try holds: on this shared
 * machine the disk now and then stalls every commit for a few hundred milliseconds, even at 25
 * pushes a second, and one such stall would otherwise end the search far below what the server
 * sustains. An overloaded server fails both tries. `retriedSteps` says how often that happened.
 */
async function findHeldRate(label: string, from: number, ok: (r: OpenLoopResult) => boolean, next: () => Req): Promise<{ held: OpenLoopResult | null; retriedSteps: number }> {
  let held: OpenLoopResult | null = null;
  let failed: number | null = null;
  let retriedSteps = 0;
  const tryOnce = async (rate: number, attempt: string) => {
    const result = await openLoop(rate, STEP_SECONDS, next);
    const good = ok(result) && result.achieved >= rate * 0.9;
    console.log(
      `  ${label} ${rate}/s${attempt}: p50 ${result.p50} ms, p95 ${result.p95} ms, p99 ${result.p99} ms, errors ${result.errors}, ` +
        `CPU generator ${result.cpu.generator} server ${result.cpu.server} cores${good ? '' : '  <- not held'}`,
    );
    return good ? result : null;
  };
  const tryRate = async (rate: number) => {
    let result = await tryOnce(rate, '');
    if (!result) {
      retriedSteps++;
      result = await tryOnce(rate, ' (again)');
    }
    if (result) held = result;
    else failed = rate;
    return result !== null;
  };
  for (let rate = from; rate <= 64_000; rate *= 2) if (!(await tryRate(rate))) break;
  for (let i = 0; i < 2 && failed !== null; i++) {
    const low = (held as OpenLoopResult | null)?.rate ?? 0;
    const mid = Math.round((low + failed) / 2);
    if (mid - low < Math.max(10, low * 0.1)) break;
    await tryRate(mid);
  }
  return { held, retriedSteps };
}

async function holdConnections(agent: Agent, count: number, headers: Record<string, string> = {}): Promise<void> {
  await Promise.all(Array.from({ length: count }, () => send({ agent, method: 'GET', path: '/api/health', headers })));
}

function openSockets(agent: Agent): number {
  const count = (group: NodeJS.ReadOnlyDict<unknown[]>) => Object.values(group).reduce((sum, sockets) => sum + (sockets?.length ?? 0), 0);
  return count(agent.freeSockets) + count(agent.sockets);
}

/**
 * The PostgreSQL settings that decide how pushes fare: a commit waits for its WAL to reach the disk,
 * and a checkpoint's writes compete with that WAL on the same disk.
 */
async function postgresSettings(db: ServerDatabase): Promise<Record<string, string>> {
  const rows = await db.query<{ name: string; value: string }>(
    "SELECT name, current_setting(name) AS value FROM pg_settings WHERE name IN ('server_version', 'synchronous_commit', 'max_wal_size', 'checkpoint_timeout', 'shared_buffers') ORDER BY name",
  );
  return Object.fromEntries(rows.map((row) => [row.name, row.value]));
}

async function benchDatabase(kind: ServerDatabaseKind, postgresUrl?: string) {
  const db: ServerDatabase = await createServerDatabase(kind, postgresUrl);
  const bundle = await bundleServer('tests/bench/bench-server-entry.ts');
  port = await findFreePort();
  const serverEnv = { ...db.env, HOST: '127.0.0.1', DATA_DIR: db.dataDir, TRUST_PROXY: '1', DEVICE_SYNC_REQUESTS_PER_MINUTE: '1000000' };
  const server = await startSyncServer(
    { ...serverEnv, PORT: String(port) },
    { command: PROFILE_DIR ? [bundle.command[0], '--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`, ...bundle.command.slice(1)] : bundle.command },
  );
  serverPid = server.process.pid!;
  let uncached: Awaited<ReturnType<typeof startSyncServer>> | null = null;
  try {
    createOrgWithAdmin(db.dataDir, ADMIN, db.env);
    const url = `http://127.0.0.1:${port}`;
    const session = await signInOverHttp(url, ADMIN);
    const devices: PushingDevice[] = await joinDevices(url, session, DEVICES, { prefix: 'bench-device', ownAddresses: true });
    const deviceAgents = devices.map(() => new Agent({ keepAlive: true, maxSockets: 1 }));
    await Promise.all(deviceAgents.map((agent) => holdConnections(agent, 1)));
    console.log(`${kind}: ${devices.length} devices joined, ${deviceAgents.reduce((sum, a) => sum + openSockets(a), 0)} device connections open`);
    let cursor = 0;
    const nextPush = (): Req => {
      const i = cursor++ % devices.length;
      const body = pushBody(devices[i]!, interviewEvents(devices[i]!));
      return { agent: deviceAgents[i]!, method: 'POST', path: '/api/sync/push', body, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${devices[i]!.token}` } };
    };
    // Interviews for the interviewer to read: 200, as an organisation's recent list would hold.
    const seedAgent = new Agent({ keepAlive: true, maxSockets: 20 });
    for (let i = 0; i < 200; i += 20) await Promise.all(Array.from({ length: 20 }, () => send({ ...nextPush(), agent: seedAgent })));
    seedAgent.destroy();
    const list = (await (await fetch(`${url}/api/interviewer/interviews`, { headers: { cookie: session.cookie } })).json()) as { interviews: Array<{ id: string }> };
    const ids = list.interviews.map((item) => item.id);
    const readAgent = new Agent({ keepAlive: true, maxSockets: READ_CONNECTIONS, maxFreeSockets: READ_CONNECTIONS });
    await holdConnections(readAgent, READ_CONNECTIONS);
    console.log(`${kind}: ${ids.length} interviews to read, ${openSockets(readAgent)} reader connections open`);
    let readCursor = 0;
    const nextRead = (): Req => {
      const n = readCursor++;
      const path = n % 2 === 0 ? '/api/interviewer/interviews' : `/api/interviewer/interviews/${ids[n % ids.length]}`;
      return { agent: readAgent, method: 'GET', path, headers: { cookie: session.cookie, 'accept-encoding': BROWSER_ACCEPT_ENCODING } };
    };
    const bareAgent = new Agent({ keepAlive: true, maxSockets: 64 });
    const nextBare = (): Req => ({ agent: bareAgent, method: 'GET', path: '/bench/bare', headers: {} });
    // The same reads from a second process over the same database with the read and session caches
    // off (BENCH_CACHES=off): what a read costs when it misses, for the ratio the caches buy.
    const uncachedPort = await findFreePort();
    uncached = PARTS.includes('reads')
      ? await startSyncServer({ ...serverEnv, PORT: String(uncachedPort), BENCH_CACHES: 'off' }, { command: bundle.command })
      : null;
    const uncachedAgent = new Agent({ keepAlive: true, maxSockets: 64 });
    const nextUncachedRead = (): Req => ({ ...nextRead(), agent: uncachedAgent, port: uncachedPort });

    // Warm the JIT and the database caches; not reported.
    await openLoop(100, 2, nextPush);
    await openLoop(500, 2, nextRead);

    const runs = [];
    for (let run = 1; run <= RUNS; run++) {
      console.log(`${kind}: run ${run} of ${RUNS}`);
      const skipped = { rps: 0, errors: 0, cpu: { generator: 0, server: 0 } };
      const measurePush = PARTS.includes('push');
      const measureReads = PARTS.includes('reads');
      const pushSearch = measurePush ? await findHeldRate('push', 50, (r) => r.p99 <= PUSH_P99_MS && r.errors === 0, nextPush) : null;
      const pushSat = measurePush ? await saturation(SATURATION_SECONDS, 64, nextPush) : skipped;
      const readSearch = measureReads ? await findHeldRate('read', 500, (r) => r.p95 <= READ_P95_MS && r.errors === 0, nextRead) : null;
      const readSat = measureReads ? await saturation(SATURATION_SECONDS, 64, nextRead) : skipped;
      const uncachedSat = uncached ? await saturation(SATURATION_SECONDS, 64, nextUncachedRead, uncached.process.pid!) : skipped;
      const bare = await saturation(SATURATION_SECONDS, 64, nextBare);
      console.log(
        `  saturation: push ${pushSat.rps} interviews/s (errors ${pushSat.errors}, CPU generator ${pushSat.cpu.generator} server ${pushSat.cpu.server}), ` +
          `read ${readSat.rps}/s (errors ${readSat.errors}, CPU generator ${readSat.cpu.generator} server ${readSat.cpu.server}), ` +
          `read without caches ${uncachedSat.rps}/s (errors ${uncachedSat.errors}, CPU server ${uncachedSat.cpu.server}), ` +
          `bare ${bare.rps}/s (CPU generator ${bare.cpu.generator} server ${bare.cpu.server})`,
      );
      runs.push({ push: pushSearch?.held ?? null, pushRetries: pushSearch?.retriedSteps ?? 0, pushSat, read: readSearch?.held ?? null, readRetries: readSearch?.retriedSteps ?? 0, readSat, uncachedSat, bare });
    }
    const med = (values: number[]) => round(median(values));
    const pushHeld = med(runs.map((r) => r.push?.rate ?? 0));
    const readHeld = med(runs.map((r) => r.read?.rate ?? 0));
    const bareRps = med(runs.map((r) => r.bare.rps));
    const pushSatRps = med(runs.map((r) => r.pushSat.rps));
    const readSatRps = med(runs.map((r) => r.readSat.rps));
    const summary = {
      ...(kind === 'postgres' ? { settings: await postgresSettings(db) } : {}),
      push: {
        heldRate: pushHeld,
        heldRatePerRun: runs.map((r) => r.push?.rate ?? 0),
        retriedSteps: runs.reduce((sum, r) => sum + r.pushRetries, 0),
        p99AtHeld: med(runs.map((r) => r.push?.p99 ?? 0)),
        saturationRps: pushSatRps,
        saturationEventsPerSecond: round(pushSatRps * EVENTS_PER_INTERVIEW),
        saturationVsBare: round(pushSatRps / bareRps, 3),
        serverCpuMsPerInterview: med(runs.map((r) => (r.pushSat.cpu.server / r.pushSat.rps) * 1000)),
        generatorCpuAtHeld: med(runs.map((r) => r.push?.cpu.generator ?? 0)),
        serverCpuAtHeld: med(runs.map((r) => r.push?.cpu.server ?? 0)),
      },
      reads: {
        heldRate: readHeld,
        p95AtHeld: med(runs.map((r) => r.read?.p95 ?? 0)),
        heldRatePerRun: runs.map((r) => r.read?.rate ?? 0),
        retriedSteps: runs.reduce((sum, r) => sum + r.readRetries, 0),
        saturationRps: readSatRps,
        saturationVsBare: round(readSatRps / bareRps, 3),
        serverCpuMsPerRead: round(median(runs.map((r) => (r.readSat.cpu.server / r.readSat.rps) * 1000)), 3),
        // Every read in these phases after the first of each page hits the caches: nothing is pushed meanwhile.
        withoutCaches: {
          saturationRps: med(runs.map((r) => r.uncachedSat.rps)),
          saturationVsBare: round(median(runs.map((r) => r.uncachedSat.rps)) / bareRps, 3),
          serverCpuMsPerRead: round(median(runs.map((r) => (r.uncachedSat.cpu.server / r.uncachedSat.rps) * 1000)), 3),
        },
        generatorCpuAtHeld: med(runs.map((r) => r.read?.cpu.generator ?? 0)),
        serverCpuAtHeld: med(runs.map((r) => r.read?.cpu.server ?? 0)),
      },
      bare: { saturationRps: bareRps, serverCpuMsPerRequest: round(median(runs.map((r) => (r.bare.cpu.server / r.bare.rps) * 1000)), 3), generatorCpu: med(runs.map((r) => r.bare.cpu.generator)), serverCpu: med(runs.map((r) => r.bare.cpu.server)) },
      errors: runs.reduce((sum, r) => sum + r.pushSat.errors + r.readSat.errors + r.uncachedSat.errors + r.bare.errors, 0),
      targets: {
        push200HeldAtP99Under100ms: pushHeld >= TARGET_PUSH_RATE,
        reads2000HeldAtP95Under20ms: readHeld >= TARGET_READ_RATE,
        readSaturationAtLeastHalfOfBare: readSatRps / bareRps >= 0.5,
      },
    };
    console.log(`${kind}: ${JSON.stringify(summary)}`);
    for (const agent of [...deviceAgents, readAgent, bareAgent, uncachedAgent]) agent.destroy();
    return summary;
  } finally {
    await uncached?.stop();
    await server.stop();
    bundle.remove();
    await db.drop();
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  console.log(`server bench: ${RUNS} runs, ${STEP_SECONDS} s steps; ${os.cpus().length} cores, load ${os.loadavg().map((l) => round(l)).join(' ')}`);
  const sqlite = KINDS.includes('sqlite') ? await benchDatabase('sqlite') : { notMeasured: 'not in KINDS' };
  const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const postgres = !KINDS.includes('postgres')
    ? { notMeasured: 'not in KINDS' }
    : postgresUrl
      ? await benchDatabase('postgres', postgresUrl)
      : { notMeasured: 'no PostgreSQL: set BENCH_DATABASE_URL or TEST_DATABASE_URL to a postgres:// URL whose user may create schemas' };
  console.log(
    JSON.stringify({
      bench: 'server',
      runs: RUNS,
      stepSeconds: STEP_SECONDS,
      devices: DEVICES,
      readConnections: READ_CONNECTIONS,
      sqlite,
      postgres,
      cores: os.cpus().length,
      loadAverage: os.loadavg().map((l) => round(l)),
      seconds: round((performance.now() - started) / 1000),
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
