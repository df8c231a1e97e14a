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
import { monotonicFactory } from 'ulid';
import { signInOverHttp } from '../helpers/interviewer-session.ts';
import { createOrgWithAdmin, startSyncServer, type RunningServer } from '../helpers/sync-server-process.ts';
import type { AnswerScore, PlannedQuestion, SyncEvent } from '../../sync-server/protocol/index.ts';

const CONNECTIONS = 500;
const DEVICES = 500;
const TURNS = 5;
const EVENTS_PER_INTERVIEW = TURNS + 2;
const P99_LIMIT_MS = 100;
const STAGGER = 20;
const STEP_SECONDS = Number(process.env.STEP_SECONDS ?? 6);
const SATURATION_SECONDS = Number(process.env.SATURATION_SECONDS ?? 8);
const RATES = (process.env.RATES ?? '50,100,150,200,250,300,400,500,600,800,1000,1200').split(',').map(Number);
const ADMIN = { name: 'Bench Org', email: 'bench@bench.test', adminName: 'Bench', password: 'bench password 1' };

const nextUlid = monotonicFactory();

interface Device {
  clientId: string;
  token: string;
  seq: number;
}

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
// What one pushed interview looks like.

const STORY = [
  'At my previous company our checkout service started timing out every evening during the peak, and customers were abandoning their baskets.',
  'I was the engineer on call, so the situation was mine to own, and my task was to find the cause and fix it before the weekend sale.',
  'First I read the logs and the traces, and I found that one query ran once for every item in the basket instead of once per order.',
  'I rewrote it as a single batched query, added an index on the order table, and put a small cache in front of the product lookups.',
  'Then I load tested the change with recorded traffic, rolled it out behind a flag to ten percent of users, and watched the error rate.',
  'As a result the p95 latency fell from about two seconds to under two hundred milliseconds, and the weekend sale ran with no incidents.',
  'Afterwards I wrote a short postmortem, shared what I had learned with the team, and we added a check for this pattern in code review.',
  'Looking back I would have added the load test to our pipeline earlier, because the regression had been visible for weeks before it hurt.',
];

function answerText(turn: number): string {
  // ~150 words: the same story told from a different starting sentence, so no two turns are identical.
  const sentences: string[] = [];
  for (let i = 0; i < 6; i++) sentences.push(STORY[(turn + i) % STORY.length]!);
  return sentences.join(' ');
}
const ANSWERS = Array.from({ length: TURNS }, (_, turn) => answerText(turn));

function question(turn: number): PlannedQuestion {
  return {
    id: `software-engineer-beh-${String(turn + 1).padStart(3, '0')}`,
    kind: 'behavioural',
    text: 'Tell me about a time you found and fixed a performance problem in production. What did you do, and what was the result?',
    talkingPoints: [
      { point: 'Explains the situation and the stakes', cues: ['customers', 'peak', 'sale', 'timing out'] },
      { point: 'Describes how the cause was diagnosed', cues: ['logs', 'traces', 'profiled', 'root cause'] },
      { point: 'Names concrete actions taken', cues: ['rewrote', 'index', 'cache', 'batched'] },
      { point: 'Quantifies the result', cues: ['p95', 'latency', 'milliseconds', 'percent'] },
    ],
    rubricHint: 'A strong answer follows situation, task, action and result, names the diagnosis and gives a measurable outcome.',
    expectedSeconds: 120,
  };
}

function basicScore(turn: number): AnswerScore {
  return {
    engine: 'basic',
    overall: 72 + turn,
    dimensions: [
      {
        key: 'structure',
        label: 'STAR structure',
        score: 4,
        reason: 'Situation, task, action and result are all present; the result comes with numbers.',
        evidence: ['our checkout service started timing out every evening', 'my task was to find the cause', 'As a result the p95 latency fell'],
      },
      {
        key: 'coverage',
        label: 'Talking points',
        score: 4,
        reason: 'Covers 4 of 4 talking points: situation, diagnosis, actions and a quantified result.',
        evidence: ['I read the logs and the traces', 'added an index on the order table'],
      },
      {
        key: 'specificity',
        label: 'Specificity',
        score: 5,
        reason: 'Names tools, numbers and concrete steps rather than generalities.',
        evidence: ['from about two seconds to under two hundred milliseconds', 'ten percent of users'],
      },
      { key: 'fillers', label: 'Filler words', score: 5, reason: 'No filler words found.', evidence: [] },
      { key: 'length', label: 'Length', score: 3, reason: 'About 150 words: a little short for a 2-minute answer.', evidence: [] },
    ],
    flags: [],
    feedback: 'Clear and well structured. Say what you personally decided versus what the team did, and say what you would do differently.',
  };
}
const QUESTIONS = Array.from({ length: TURNS }, (_, turn) => question(turn));
const SCORES = Array.from({ length: TURNS }, (_, turn) => basicScore(turn));

function interviewBody(device: Device): string {
  const interviewId = nextUlid();
  const at = new Date().toISOString();
  const seq = () => ++device.seq;
  const events: SyncEvent[] = [
    {
      id: nextUlid(),
      seq: seq(),
      at,
      type: 'interview.started',
      payload: {
        interviewId,
        startedAt: at,
        engine: 'basic',
        spec: { role: 'Software Engineer', seniority: 'mid', type: 'behavioural', questionCount: TURNS, language: 'en', minutes: 15 },
      },
    },
  ];
  for (let index = 0; index < TURNS; index++) {
    events.push({
      id: nextUlid(),
      seq: seq(),
      at,
      type: 'turn.answered',
      payload: {
        interviewId,
        turnId: `${interviewId}-${index}`,
        index,
        question: QUESTIONS[index]!,
        answer: ANSWERS[index]!,
        skipped: false,
        activeMs: 95_000 + index * 1000,
        answeredAt: at,
        score: SCORES[index]!,
      },
    });
  }
  events.push({
    id: nextUlid(),
    seq: seq(),
    at,
    type: 'interview.completed',
    payload: {
      interviewId,
      completedAt: at,
      endedEarly: false,
      summary: {
        engine: 'basic',
        overall: 74,
        dimensions: SCORES[0]!.dimensions.map(({ key, label, score }) => ({ key, label, score })),
        strengths: ['Clear structure with a measurable result.', 'Concrete technical detail.'],
        improvements: ['Say what you personally decided.', 'Reflect on what you would change.'],
        answered: TURNS,
        skipped: 0,
      },
    },
  });
  return JSON.stringify({ v: 1, deviceId: device.clientId, events });
}

// ---------------------------------------------------------------------------------------------------
// Setup over HTTP, as real devices do it.

async function api(url: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return response;
}

async function joinDevices(url: string): Promise<Device[]> {
  const session = await signInOverHttp(url, ADMIN);
  const invite = (await (await api(url, '/api/interviewer/invites', { v: 1, label: 'bench', maxUses: DEVICES }, session.headers)).json()) as { code: string };
  const devices: Device[] = [];
  for (let start = 0; start < DEVICES; start += 50) {
    const batch = Array.from({ length: Math.min(50, DEVICES - start) }, async (_, i) => {
      const clientId = `bench-device-${start + i}`;
      // Each candidate joins from an address of their own (the server trusts one proxy here), as 500
      // real candidates would; from one address the per-IP limit on redeeming would refuse most.
      const reply = await api(
        url,
        '/api/devices/redeem',
        { v: 1, inviteCode: invite.code, deviceId: clientId, candidateName: `Candidate ${start + i}` },
        { 'x-forwarded-for': `10.${(start + i) >> 8}.${(start + i) & 255}.1` },
      );
      return { clientId, token: ((await reply.json()) as { deviceToken: string }).deviceToken, seq: 0 };
    });
    devices.push(...(await Promise.all(batch)));
  }
  return devices;
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
    const devices = await joinDevices(url);
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
