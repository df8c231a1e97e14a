// Builders for server tests: the app on a fresh real database (test-store.ts), an org with an admin, a
// joined device, and realistic interview events.
import { monotonicFactory } from 'ulid';
import type { AiGateway } from '../ai/gateway.ts';
import { createApp, type AppDeps } from '../app.ts';
import { hashPassword } from '../auth/password.ts';
import type { Store } from '../db/store.ts';
import { CSRF_COOKIE, CSRF_HEADER, type AnswerScore, type PlannedQuestion, type SyncEvent } from '../protocol/index.ts';
import { openTestStore, type TestStore, type TestStoreOptions } from './test-store.ts';

const nextUlid = monotonicFactory();

export interface TestServer {
  app: ReturnType<typeof createApp>;
  store: Store;
  /** The database under the store, for raw reads and child processes. */
  db: TestStore;
  cleanup: () => Promise<void>;
}

export async function createTestServer(
  options: TestStoreOptions & { maxBodyBytes?: number; now?: () => Date; ai?: AiGateway; app?: Partial<Pick<AppDeps, 'trustProxy' | 'deviceSyncPerMinute' | 'accessTtlMs'>> } = {},
): Promise<TestServer> {
  const db = await openTestStore(options.beforeIngestCommit ? { beforeIngestCommit: options.beforeIngestCommit } : {});
  const app = createApp({
    store: db.store,
    maxBodyBytes: options.maxBodyBytes ?? 1_048_576,
    sessionTtlMs: 3_600_000,
    ...(options.now ? { clock: options.now } : {}),
    ...(options.ai ? { ai: options.ai } : {}),
    ...options.app,
  });
  return { app, store: db.store, db, cleanup: () => db.cleanup() };
}

/**
 * What the builders below need: an app and its store. `dataDir` and `cleanup` are accepted and ignored,
 * so a test that builds the app another way (createAppFromEnv) can pass what it has.
 */
export interface AppUnderTest {
  app: ReturnType<typeof createApp>;
  store: Store;
  dataDir?: string;
  cleanup?: () => unknown;
}

/** Reads the database through a second connection: the ground truth, not what the API says. */
export function queryRaw<T>(server: TestServer, sql: string, ...params: unknown[]): Promise<T[]> {
  return server.db.queryRaw<T>(sql, ...params);
}

export const PASSWORD = 'a long enough password';

export async function createOrg(server: AppUnderTest, name: string, email: string) {
  return server.store.createOrg({ name, admin: { email, name: `${name} admin`, passwordHash: await hashPassword(PASSWORD) } });
}

/**
 * Signs in and returns a Cookie header with the session's cookies (access, refresh and CSRF), as a
 * browser would hold them. json() below adds the matching X-IB-CSRF header whenever its headers carry
 * this cookie, so a state change in a test passes the CSRF check the way the page does.
 */
export async function signIn(server: AppUnderTest, email: string, password = PASSWORD): Promise<string> {
  const response = await server.app.request('/api/interviewer/sign-in', json({ v: 1, email, password }));
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return cookiesOf(response);
}

/** The cookies a response sets, as one Cookie header (cleared ones left out). */
export function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0]!)
    .filter((pair) => !pair.endsWith('='))
    .join('; ');
}

/** The value of cookie `name` in a Cookie header, or undefined. */
export function cookieValue(cookieHeader: string, name: string): string | undefined {
  for (const pair of cookieHeader.split(/;\s*/)) {
    const at = pair.indexOf('=');
    if (pair.slice(0, at) === name) return pair.slice(at + 1);
  }
  return undefined;
}

export async function createInvite(server: AppUnderTest, cookie: string, body: Record<string, unknown> = {}): Promise<string> {
  const response = await server.app.request('/api/interviewer/invites', json({ v: 1, ...body }, { cookie }));
  if (response.status !== 201) throw new Error(`invite failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { code: string }).code;
}

export async function joinDevice(server: AppUnderTest, inviteCode: string, deviceId: string, candidateName = 'Grace') {
  const response = await server.app.request('/api/devices/redeem', json({ v: 1, inviteCode, deviceId, candidateName }));
  if (response.status !== 200) throw new Error(`redeem failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { deviceToken: string }).deviceToken;
}

/** An org with an admin session and one joined device: the usual starting point. */
export async function orgWithDevice(server: AppUnderTest, name = 'Acme', deviceId = 'device-a') {
  const email = `${name.toLowerCase()}@example.test`;
  await createOrg(server, name, email);
  const cookie = await signIn(server, email);
  const token = await joinDevice(server, await createInvite(server, cookie), deviceId);
  return { cookie, token, deviceId };
}

export function json(body: unknown, headers: Record<string, string> = {}, method = 'POST'): RequestInit {
  const csrf = headers.cookie ? cookieValue(headers.cookie, CSRF_COOKIE) : undefined;
  return { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...(csrf ? { [CSRF_HEADER]: csrf } : {}), ...headers } };
}

export function push(server: AppUnderTest, token: string, deviceId: string, events: unknown[]) {
  return server.app.request('/api/sync/push', json({ v: 1, deviceId, events }, { authorization: `Bearer ${token}` }));
}

const question: PlannedQuestion = {
  id: 'software-engineer-beh-001',
  kind: 'behavioural',
  text: 'Tell me about a time you fixed a production incident.',
  talkingPoints: [{ point: 'Diagnosed the root cause', cues: ['root cause', 'logs'] }],
  rubricHint: 'Strong answers name the cause and a measurable result.',
  expectedSeconds: 120,
};

export function score(overall: number): AnswerScore {
  return {
    engine: 'basic',
    overall,
    dimensions: [{ key: 'coverage', label: 'Talking points', score: 4, reason: 'Covered the root cause.', evidence: ['I read the logs'] }],
    flags: [],
  };
}

/** A complete interview as a device records it: started, `turns` answers, completed. */
export function interviewEvents(interviewId: string, firstSeq: number, turns = 3): SyncEvent[] {
  const at = '2026-11-20T10:00:00.000Z';
  const events: SyncEvent[] = [
    {
      id: nextUlid(),
      seq: firstSeq,
      at,
      type: 'interview.started',
      payload: {
        interviewId,
        startedAt: at,
        engine: 'basic',
        spec: { role: 'Software Engineer', seniority: 'mid', type: 'behavioural', questionCount: Math.max(1, turns), language: 'en', minutes: 15 },
      },
    },
  ];
  for (let index = 0; index < turns; index++) {
    events.push({
      id: nextUlid(),
      seq: firstSeq + 1 + index,
      at,
      type: 'turn.answered',
      payload: {
        interviewId,
        turnId: `${interviewId}-t${index}`,
        index,
        question: { ...question, id: `${question.id}-${index}` },
        answer: `I read the logs and found the root cause in answer ${index}.`,
        skipped: false,
        activeMs: 60_000,
        answeredAt: at,
        score: score(60 + index),
      },
    });
  }
  events.push({
    id: nextUlid(),
    seq: firstSeq + 1 + turns,
    at,
    type: 'interview.completed',
    payload: {
      interviewId,
      completedAt: at,
      endedEarly: false,
      summary: {
        engine: 'basic',
        overall: 61,
        dimensions: [{ key: 'coverage', label: 'Talking points', score: 4 }],
        strengths: ['Clear causes.'],
        improvements: ['Add numbers.'],
        answered: turns,
        skipped: 0,
      },
    },
  });
  return events;
}
