// What a device pushes for one whole interview, as the candidate app syncs it: interview.started,
// TURNS turn.answered with ~150-word answers and basic-engine scores, interview.completed; fresh ULIDs
// and rising per-device seqs. Also joins devices to an organisation over HTTP, as real ones do.
// Shared by the reliability tests (tests/integration) and the server bench (tests/bench/server.bench.ts).
// Must not import: the server's code other than its protocol types.
import { monotonicFactory } from 'ulid';
import { PROTOCOL_VERSION, type AnswerScore, type PlannedQuestion, type SyncEvent } from '../../sync-server/protocol/index.ts';
import type { InterviewerHttpSession } from './interviewer-session.ts';

export const TURNS = 5;
export const EVENTS_PER_INTERVIEW = TURNS + 2;

export interface PushingDevice {
  clientId: string;
  token: string;
  /** The last seq this device gave out. */
  seq: number;
}

const nextUlid = monotonicFactory();

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

/** ~150 words: the same story told from a different starting sentence, so no two turns are identical. */
export function answerText(turn: number): string {
  const sentences: string[] = [];
  for (let i = 0; i < 6; i++) sentences.push(STORY[(turn + i) % STORY.length]!);
  return sentences.join(' ');
}

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
const ANSWERS = Array.from({ length: TURNS }, (_, turn) => answerText(turn));

/** One whole interview's events, with the device's next seqs. */
export function interviewEvents(device: PushingDevice): SyncEvent[] {
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
  return events;
}

export function pushBody(device: PushingDevice, events: readonly SyncEvent[]): string {
  return JSON.stringify({ v: PROTOCOL_VERSION, deviceId: device.clientId, events });
}

async function postJson(url: string, path: string, body: unknown, headers: Record<string, string>): Promise<Response> {
  const response = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return response;
}

/**
 * Joins `count` devices with one invite code. With `ownAddresses`, each redeems from an address of its
 * own (X-Forwarded-For; the server must trust one proxy), as that many real candidates would: from one
 * address the per-IP limit on redeeming refuses more than a few dozen.
 */
export async function joinDevices(url: string, session: InterviewerHttpSession, count: number, { prefix = 'device', ownAddresses = false } = {}): Promise<PushingDevice[]> {
  const invite = (await (await postJson(url, '/api/interviewer/invites', { v: 1, label: prefix, maxUses: count }, session.headers)).json()) as { code: string };
  const devices: PushingDevice[] = [];
  for (let start = 0; start < count; start += 50) {
    const batch = Array.from({ length: Math.min(50, count - start) }, async (_, i) => {
      const n = start + i;
      const clientId = `${prefix}-${n}`;
      const headers: Record<string, string> = ownAddresses ? { 'x-forwarded-for': `10.${n >> 8}.${n & 255}.1` } : {};
      const reply = await postJson(url, '/api/devices/redeem', { v: 1, inviteCode: invite.code, deviceId: clientId, candidateName: `Candidate ${n}` }, headers);
      return { clientId, token: ((await reply.json()) as { deviceToken: string }).deviceToken, seq: 0 };
    });
    devices.push(...(await Promise.all(batch)));
  }
  return devices;
}
