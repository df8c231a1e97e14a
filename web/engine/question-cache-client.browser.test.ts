// The question cache client in real Chromium (real IndexedDB for the device token, real fetch) against
// the real sync server that the chromium project's globalSetup starts and Vite proxies at /api. Only an
// unreachable server is injected, by wrapping fetch.
import Dexie from 'dexie';
import { afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { questionCacheGetResponse, questionCachePutResponse, type InterviewSpec, type PlannedQuestion } from '../../sync-server/protocol/index.ts';
import { closeDb, DB_NAME } from '../data/db.ts';
import { getSyncIdentity, markNeedsRejoin } from '../data/settings.ts';
import { createInvite, signIn } from '../interviewer/api-client.ts';
import { SyncClient } from '../sync/sync-client.ts';
import { createSyncStore } from '../sync/sync-state.ts';
import { contributePlan, fetchCachedPlan } from './question-cache-client.ts';
import { recordingFetch } from '../test-support/recording-fetch.ts';

const admin = inject('syncAdmin');

/** Passes every request on to the real server and records it with the reply. */
const recording = () => recordingFetch();

/** Each test asks about its own role, so plans other tests stored on the shared server do not answer it. */
function specFor(role: string, questionCount = 3): InterviewSpec {
  return { role, seniority: 'senior', type: 'technical', questionCount, language: 'en-GB', minutes: 20, notes: 'my private notes' };
}

function plan(count: number): PlannedQuestion[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `ai-${index}`,
    kind: 'technical' as const,
    text: `Question ${index}: how would you make a payment API safe to retry?`,
    talkingPoints: [{ point: 'Idempotency keys', cues: ['idempotency'] }],
    rubricHint: 'Strong answers explain retries.',
    expectedSeconds: 120,
  }));
}

/** Joins the org for real (redeems a new invite code) and waits for the sync that joining starts. */
async function join(): Promise<string> {
  const { code } = await createInvite({ maxUses: 1, expiresInDays: 1 });
  const client = new SyncClient({ store: createSyncStore(), isOnline: () => true, setTimeout: () => null, clearTimeout: () => undefined });
  await client.join({ inviteCode: code, candidateName: 'Grace' });
  await client.whenIdle();
  return (await getSyncIdentity())!.deviceToken;
}

beforeAll(async () => {
  await signIn(admin.email, admin.password);
});

beforeEach(async () => {
  closeDb();
  await new Promise((resolve) => setTimeout(resolve));
  await Dexie.delete(DB_NAME);
});

afterEach(() => closeDb());

describe('question cache client, against the real sync server', () => {
  it('on a joined device, contributes a plan and then fetches it back', async () => {
    const token = await join();
    const spec = specFor(`Senior  Payments Engineer ${crypto.randomUUID()}`, 3);
    const wire = recording();

    expect(await fetchCachedPlan(spec, { fetch: wire.fetch })).toBeNull();
    expect(await contributePlan(spec, plan(4), { fetch: wire.fetch })).toBe(true);
    // The same interview, typed differently: the cache key is normalised on both sides.
    const respelled = { ...spec, role: `  ${spec.role.toUpperCase()} `, language: 'en-gb' };
    expect(await fetchCachedPlan(respelled, { fetch: wire.fetch })).toEqual(plan(3));

    const [miss, put, hit] = wire.calls;
    expect(wire.calls).toHaveLength(3);
    for (const call of wire.calls) expect(call.auth).toBe(`Bearer ${token}`);
    expect(miss).toMatchObject({ method: 'GET', status: 404, reply: { error: { code: 'cache_miss' } } });
    const role = spec.role.toLowerCase().replace(/\s+/g, ' ');
    expect(miss!.path).toBe(`/api/questions/cache?${new URLSearchParams({ role, seniority: 'senior', type: 'technical', language: 'en-gb', count: '3' })}`);
    // Only the key and the questions leave the device: not the candidate's notes, nor who they are.
    expect(put).toMatchObject({ method: 'PUT', path: '/api/questions/cache', status: 200 });
    expect(put!.body).toEqual({ v: 1, key: { role, seniority: 'senior', type: 'technical', language: 'en-gb' }, questions: plan(4) });
    expect(questionCachePutResponse.parse(put!.reply).outcome).toBe('stored');
    expect(hit).toMatchObject({ method: 'GET', status: 200 });
    expect(questionCacheGetResponse.parse(hit!.reply).questions).toHaveLength(3);
  });

  it('on a device that has not joined, sends nothing', async () => {
    const wire = recording();
    const spec = specFor(`Unjoined Engineer ${crypto.randomUUID()}`);
    expect(await fetchCachedPlan(spec, { fetch: wire.fetch })).toBeNull();
    expect(await contributePlan(spec, plan(3), { fetch: wire.fetch })).toBe(false);
    expect(wire.calls).toEqual([]);
  });

  it('sends nothing once the server has refused the token and the device must join again', async () => {
    await join();
    await markNeedsRejoin();
    const wire = recording();
    const spec = specFor(`Refused Engineer ${crypto.randomUUID()}`);
    expect(await contributePlan(spec, plan(3), { fetch: wire.fetch })).toBe(false);
    expect(await fetchCachedPlan(spec, { fetch: wire.fetch })).toBeNull();
    expect(wire.calls).toEqual([]);
  });

  it('turns an unreachable server, a refusal and an invalid plan into null or false, never a throw', async () => {
    await join();
    const spec = specFor(`Unlucky Engineer ${crypto.randomUUID()}`);
    const unreachable = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await fetchCachedPlan(spec, { fetch: unreachable })).toBeNull();
    expect(await contributePlan(spec, plan(3), { fetch: unreachable })).toBe(false);

    const hanging = ((_input: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)))) as typeof fetch;
    expect(await fetchCachedPlan(spec, { fetch: hanging, timeoutMs: 50 })).toBeNull();

    // The server refuses a plan of 21 questions; the client does not even send it.
    const wire = recording();
    expect(await contributePlan(spec, plan(21), { fetch: wire.fetch })).toBe(false);
    expect(await contributePlan({ ...spec, language: 'not a language' }, plan(3), { fetch: wire.fetch })).toBe(false);
    expect(wire.calls).toEqual([]);
  });
});
