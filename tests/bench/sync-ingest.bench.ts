// How many complete interviews per second the sync server ingests on this machine, and at what latency.
// Usage: npm run bench:sync   (STEP_SECONDS, SATURATION_SECONDS and RATES override the defaults)
//
// A real server runs in a child process (sync-server/main.ts with a fresh DATA_DIR), so the load
// generator does not share its event loop. An organisation and DEVICES devices join over HTTP, then
// autocannon sends pushes, each one whole interview as a device would sync it: interview.started,
// five turn.answered with ~150-word answers and basic-engine scores, interview.completed.
// Every body is built fresh: new ULIDs and rising per-device seqs, so every event is new to the server.
//
// Open loop first: a fixed overall rate, stepped up until p99 passes P99_LIMIT_MS or anything fails.
// autocannon meters a rate per connection in one-second ticks that all start together, which would
// turn "200/s" into one burst of 200 simultaneous pushes a second. So each step runs STAGGER autocannon
// instances started 1/STAGGER s apart, each with its share of the rate, and the latencies of all of
// them are pooled before taking percentiles. Then a closed-loop pass (no rate limit) finds saturation.
// A rate is held when p99 <= P99_LIMIT_MS with no errors; it is given up only after two misses in a row.
// Progress lines first, then one JSON line (loadAverage: the load at the end; neighbours skew timings).
import autocannon from 'autocannon';
import { Agent, get } from 'node:http';
import os from 'node:os';
import { EVENTS_PER_INTERVIEW, interviewEvents, joinDevices, pushBody, type PushingDevice } from '../helpers/interview-push.ts';
import { signInOverHttp } from '../helpers/interviewer-session.ts';
import { createOrgWithAdmin, startSyncServer, type RunningServer } from '../helpers/sync-server-process.ts';

const CONNECTIONS = 500;
const DEVICES = 500;
const P99_LIMIT_MS = 100;
const STAGGER = 20;
const STEP_SECONDS = Number(process.env.STEP_SECONDS ?? 6);
const SATURATION_SECONDS = Number(process.env.SATURATION_SECONDS ?? 8);
const RATES = (process.env.RATES ?? '50,100,150,200,250,300,400,500,600,800,1000,1200').split(',').map(Number);
const ADMIN = { name: 'Bench Org', email: 'bench@bench.test', adminName: 'Bench', password: 'bench password 1' };

type Device = PushingDevice;

/** One whole interview as a device pushes it (tests/helpers/interview-push.ts), new ids and seqs each time. */
const interviewBody = (device: Device): string => pushBody(device, interviewEvents(device));

interface StepResult {
  rate: number;
  connections: number;
  achieved: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  ok: boolean;
}

// ---------------------------------------------------------------------------------------------------
// Load.

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (value: number) => Math.round(value * 10) / 10;

interface LoadOptions {
  url: string;
  devices: Device[];
  connections: number;
  seconds: number;
  /** Interviews per second over all connections; none for closed loop. */
  rate?: number;
}

interface LoadResult {
  latencies: number[];
  non2xx: number;
  errors: number;
  completed: number;
  seconds: number;
}

let deviceCursor = 0;

function runInstance(options: LoadOptions, sink: LoadResult, rate: number | undefined, connections: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${options.url}/api/sync/push`,
        connections,
        duration: options.seconds,
        timeout: 10,
        ...(rate ? { overallRate: rate } : {}),
        method: 'POST',
        // Each connection is one device (round robin) and builds a fresh interview for every request.
        setupClient: (client) => {
          const device = options.devices[deviceCursor++ % options.devices.length]!;
          const headers = { 'content-type': 'application/json', authorization: `Bearer ${device.token}` };
          client.setRequests([{ method: 'POST', path: '/api/sync/push', setupRequest: (request) => ({ ...request, headers, body: interviewBody(device) }) }]);
        },
      },
      (error, result) => {
        if (error) return reject(error);
        sink.errors += result.errors + result.timeouts;
        resolve();
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode < 200 || statusCode > 299) sink.non2xx++;
      sink.latencies.push(responseTime);
      sink.completed++;
    });
  });
}

async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const sink: LoadResult = { latencies: [], non2xx: 0, errors: 0, completed: 0, seconds: options.seconds };
  const started = performance.now();
  if (!options.rate) {
    await runInstance(options, sink, undefined, options.connections);
  } else {
    const runs: Promise<void>[] = [];
    for (let i = 0; i < STAGGER; i++) {
      const share = Math.floor(options.rate / STAGGER) + (i < options.rate % STAGGER ? 1 : 0);
      const connections = Math.floor(options.connections / STAGGER) + (i < options.connections % STAGGER ? 1 : 0);
      if (share > 0) runs.push(runInstance(options, sink, share, connections));
      await new Promise((r) => setTimeout(r, 1000 / STAGGER));
    }
    await Promise.all(runs);
  }
  sink.seconds = (performance.now() - started) / 1000;
  sink.latencies.sort((a, b) => a - b);
  return sink;
}

async function step(url: string, devices: Device[], rate: number): Promise<StepResult> {
  const load = await runLoad({ url, devices, connections: CONNECTIONS, seconds: STEP_SECONDS, rate });
  // Connections that actually carried load: autocannon uses at most one per request per second.
  const connections = Math.min(CONNECTIONS, rate);
  // The staggered starts stretch the wall time by under a second; the rate is what was sent per
  // second of each instance's own run.
  const achieved = load.completed / STEP_SECONDS;
  const result: StepResult = {
    rate,
    connections,
    achieved: round(achieved),
    p50: round(percentile(load.latencies, 50)),
    p95: round(percentile(load.latencies, 95)),
    p99: round(percentile(load.latencies, 99)),
    max: round(load.latencies.at(-1) ?? 0),
    non2xx: load.non2xx,
    errors: load.errors,
    ok: false,
  };
  result.ok = result.p99 <= P99_LIMIT_MS && result.non2xx === 0 && result.errors === 0 && achieved >= rate * 0.95;
  return result;
}

function printStep(result: StepResult, retry: boolean): void {
  console.log(
    `${retry ? '  retry ' : ''}rate ${result.rate}/s over ${result.connections} connections: achieved ${result.achieved}/s, ` +
      `p50 ${result.p50} ms, p95 ${result.p95} ms, p99 ${result.p99} ms, max ${result.max} ms, ` +
      `non-2xx ${result.non2xx}, errors ${result.errors}${result.ok ? '' : '  <- over the limit'}`,
  );
}

/**
 * Keeps `count` devices connected the whole time: idle keep-alive connections, as open apps that are
 * between syncs hold them. autocannon only opens as many connections as its rate needs, so without
 * these the server would see fewer than DEVICES connections at the lower steps. Each connection is
 * re-used for a health check every 30 s, well inside the server's keep-alive timeout.
 */
async function holdIdleConnections(url: string, count: number): Promise<{ open: () => number; close: () => void }> {
  const agent = new Agent({ keepAlive: true, maxSockets: count, maxFreeSockets: count });
  const touchAll = () =>
    Promise.all(
      Array.from({ length: count }, () => new Promise<void>((resolve, reject) => get(`${url}/api/health`, { agent }, (response) => response.resume().on('end', resolve)).on('error', reject))),
    );
  await touchAll();
  const timer = setInterval(() => void touchAll().catch(() => undefined), 30_000);
  const open = () => Object.values(agent.freeSockets).reduce((sum, sockets) => sum + (sockets?.length ?? 0), 0) + Object.values(agent.sockets).reduce((sum, sockets) => sum + (sockets?.length ?? 0), 0);
  return { open, close: () => (clearInterval(timer), agent.destroy()) };
}

async function main(): Promise<void> {
  console.log(`sync ingest bench: ${DEVICES} devices, ${CONNECTIONS} connections, ${EVENTS_PER_INTERVIEW} events per push`);
  const sample = interviewBody({ clientId: 'sample', token: '', seq: 0 });
  console.log(`one push is ${sample.length} bytes`);
  // Devices here push far more often than real ones (a whole interview every second or so), so the
  // per-device sync limit is lifted: the bench measures ingest, not the limit.
  const server: RunningServer = await startSyncServer({
    HOST: '127.0.0.1',
    STATIC_DIR: './no-static-for-bench',
    TRUST_PROXY: '1',
    DEVICE_SYNC_REQUESTS_PER_MINUTE: '1000000',
  });
  const url = `http://127.0.0.1:${server.port}`;
  try {
    createOrgWithAdmin(server.dataDir, ADMIN);
    const setupStart = performance.now();
    const devices = await joinDevices(url, await signInOverHttp(url, ADMIN), DEVICES, { prefix: 'bench-device', ownAddresses: true });
    console.log(`${devices.length} devices joined over HTTP in ${Math.round(performance.now() - setupStart)} ms`);

    const idle = await holdIdleConnections(url, DEVICES);
    console.log(`${idle.open()} devices hold an idle keep-alive connection throughout`);

    // Warm the JIT and the SQLite page cache; not reported.
    await runLoad({ url, devices, connections: 50, seconds: 2, rate: 100 });

    const steps: StepResult[] = [];
    let held: StepResult | null = null;
    for (const rate of RATES) {
      // One failed step can be a neighbour's burst of CPU or disk; a rate counts as not held only when
      // it fails twice in a row. Both attempts are reported.
      let result = await step(url, devices, rate);
      steps.push(result);
      printStep(result, false);
      if (!result.ok) {
        result = await step(url, devices, rate);
        steps.push(result);
        printStep(result, true);
      }
      if (!result.ok) break;
      held = result;
    }

    const saturation = await runLoad({ url, devices, connections: CONNECTIONS, seconds: SATURATION_SECONDS });
    const saturationRps = round(saturation.completed / SATURATION_SECONDS);
    console.log(
      `closed loop, ${CONNECTIONS} connections: ${saturationRps} interviews/s (${Math.round(saturationRps * EVENTS_PER_INTERVIEW)} events/s), ` +
        `p50 ${round(percentile(saturation.latencies, 50))} ms, p99 ${round(percentile(saturation.latencies, 99))} ms, ` +
        `non-2xx ${saturation.non2xx}, errors ${saturation.errors}`,
    );

    console.log(
      JSON.stringify({
        bench: 'sync',
        connections: CONNECTIONS,
        idleDeviceConnections: idle.open(),
        heldRate: held?.rate ?? 0,
        p50: held?.p50 ?? null,
        p95: held?.p95 ?? null,
        p99: held?.p99 ?? null,
        errors: steps.reduce((sum, s) => sum + s.errors + s.non2xx, 0) + saturation.errors + saturation.non2xx,
        saturationRps,
        eventsPerInterview: EVENTS_PER_INTERVIEW,
        pushBytes: sample.length,
        steps: steps.map(({ ok: _ok, ...rest }) => rest),
        loadAverage: os.loadavg().map(round),
      }),
    );
    idle.close();
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
