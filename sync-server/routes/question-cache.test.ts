// The shared question cache through app.request() on a real database: misses and hits (counted in the
// database), key normalisation, trimming, rotation, de-duplication, the cap per key, and refusals.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normaliseQuestionCacheKey, type PlannedQuestion, type QuestionCacheGetResponse, type QuestionCachePutRequest, type QuestionCachePutResponse } from '../protocol/index.ts';
import { createTestServer, json, orgWithDevice, queryRaw, type TestServer } from '../test-support/fixtures.ts';
import { QUESTION_CACHE_PLANS_PER_KEY } from './question-cache.ts';

let server: TestServer;
let token: string;
beforeEach(async () => {
  server = await createTestServer();
  ({ token } = await orgWithDevice(server));
});
afterEach(() => server.cleanup());

const key = { role: 'Senior Backend Engineer', seniority: 'senior', type: 'technical', language: 'en-GB' } as const;

/** A plan of `count` distinct technical questions; `variant` makes plans differ in what they ask. */
function plan(count: number, variant = 'a'): PlannedQuestion[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `ai-${variant}-${index}`,
    kind: 'technical' as const,
    text: `Question ${index} of plan ${variant}: how would you design an idempotent API?`,
    talkingPoints: [{ point: 'Idempotency keys', cues: ['idempotency key', 'retry'] }],
    rubricHint: 'Strong answers explain retries.',
    expectedSeconds: 120,
  }));
}

function put(questions: unknown, requestKey: unknown = key, auth: string | null = token) {
  const headers: Record<string, string> = auth ? { authorization: `Bearer ${auth}` } : {};
  return server.app.request('/api/questions/cache', json({ v: 1, key: requestKey, questions }, headers, 'PUT'));
}

async function putOk(questions: PlannedQuestion[], requestKey: QuestionCachePutRequest['key'] = key): Promise<QuestionCachePutResponse['outcome']> {
  const response = await put(questions, requestKey);
  expect(response.status, await response.clone().text()).toBe(200);
  return ((await response.json()) as QuestionCachePutResponse).outcome;
}

function get(count: number, query: Record<string, string> = key, auth: string | null = token) {
  const search = new URLSearchParams({ ...query, count: String(count) });
  return server.app.request(`/api/questions/cache?${search}`, { headers: auth ? { authorization: `Bearer ${auth}` } : {} });
}

async function getQuestions(count: number, query: Record<string, string> = key): Promise<PlannedQuestion[] | null> {
  const response = await get(count, query);
  if (response.status === 404) return null;
  expect(response.status).toBe(200);
  return ((await response.json()) as QuestionCacheGetResponse).questions;
}

const storedPlans = async () => (await queryRaw<{ n: number }>(server, 'SELECT count(*) AS n FROM question_plans'))[0]!.n;

describe('GET /api/questions/cache', () => {
  it('answers a miss with 404 cache_miss, and counts it in the database', async () => {
    const response = await get(5);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'cache_miss', message: expect.stringMatching(/Plan the questions on the device/) } });
    expect(await server.store.questionCacheStats()).toEqual({ hits: 0, misses: 1, plans: 0, keys: 0 });
    expect(await queryRaw(server, 'SELECT name, value FROM question_cache_counters ORDER BY name')).toEqual([
      { name: 'hits', value: 0 },
      { name: 'misses', value: 1 },
    ]);
  });

  it('serves a stored plan after a PUT, and counts the hit', async () => {
    const questions = plan(5);
    expect(await putOk(questions)).toBe('stored');
    const response = await get(5);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ v: 1, questions });
    expect(await server.store.questionCacheStats()).toEqual({ hits: 1, misses: 0, plans: 1, keys: 1 });
  });

  it('treats role spelling and language case as the same key', async () => {
    await putOk(plan(3), { ...key, role: ' Senior  Backend\tEngineer ', language: 'EN-gb' });
    expect(await getQuestions(3, { ...key, role: 'senior backend engineer', language: 'en-gb' })).toEqual(plan(3));
    expect(await queryRaw(server, 'SELECT role, language FROM question_plans')).toEqual([{ role: 'senior backend engineer', language: 'en-gb' }]);
    // The client's normaliseQuestionCacheKey lands on the very key the server stored.
    const clientKey = normaliseQuestionCacheKey({ ...key, role: '\nSENIOR backend  engineer', language: 'en_GB' });
    expect(clientKey).toEqual({ role: 'senior backend engineer', seniority: 'senior', type: 'technical', language: 'en-gb' });
    expect(normaliseQuestionCacheKey({ ...key, language: 'english please' })).toBeNull();
    expect(normaliseQuestionCacheKey({ ...key, role: '  ' })).toBeNull();
    // A different seniority, type or language is a different key.
    expect(await getQuestions(3, { ...key, seniority: 'mid' })).toBeNull();
    expect(await getQuestions(3, { ...key, type: 'behavioural' })).toBeNull();
    expect(await getQuestions(3, { ...key, language: 'fr' })).toBeNull();
  });

  it('trims a plan to the count asked for, and a plan with too few questions is a miss', async () => {
    await putOk(plan(6));
    expect(await getQuestions(4)).toEqual(plan(6).slice(0, 4));
    expect(await getQuestions(7)).toBeNull();
    expect(await server.store.questionCacheStats()).toMatchObject({ hits: 1, misses: 1 });
  });

  it('rotates among the plans of a key, least served first', async () => {
    for (const variant of ['a', 'b', 'c']) await putOk(plan(3, variant));
    const served = [];
    for (let i = 0; i < 6; i++) served.push((await getQuestions(3))![0]!.id);
    const variants = served.map((id) => id.split('-')[1]);
    // Each plan once, newest first among equals, then round again in the same order.
    expect(variants).toEqual(['c', 'b', 'a', 'c', 'b', 'a']);
  });

  it('lets a newly contributed plan join the rotation instead of being served to everyone in a row', async () => {
    await putOk(plan(3, 'a'));
    for (let i = 0; i < 5; i++) await getQuestions(3);
    await putOk(plan(3, 'b'));
    const variants = [];
    for (let i = 0; i < 4; i++) variants.push((await getQuestions(3))![0]!.id.split('-')[1]);
    expect(variants).toEqual(['b', 'a', 'b', 'a']);
  });
});

describe('PUT /api/questions/cache', () => {
  it('stores an identical plan once, even when only ids, case or spacing differ', async () => {
    expect(await putOk(plan(4))).toBe('stored');
    expect(await putOk(plan(4))).toBe('duplicate');
    const respelled = plan(4).map((question, index) => ({ ...question, id: `ai-other-${index}`, text: `  ${question.text.toUpperCase()} ` }));
    expect(await putOk(respelled, { ...key, role: 'senior backend engineer' })).toBe('duplicate');
    expect(await storedPlans()).toBe(1);
    // The same questions under another key are another plan.
    expect(await putOk(plan(4), { ...key, seniority: 'mid' })).toBe('stored');
    expect(await server.store.questionCacheStats()).toMatchObject({ plans: 2, keys: 2 });
  });

  it(`keeps only the ${QUESTION_CACHE_PLANS_PER_KEY} newest plans of a key`, async () => {
    const variants = Array.from({ length: QUESTION_CACHE_PLANS_PER_KEY + 3 }, (_, index) => `v${index}`);
    for (const variant of variants) await putOk(plan(2, variant));
    await putOk(plan(2, 'other-key'), { ...key, language: 'de' });
    expect(await server.store.questionCacheStats()).toMatchObject({ plans: QUESTION_CACHE_PLANS_PER_KEY + 1, keys: 2 });
    const kept = await queryRaw<{ questions: string }>(server, "SELECT questions FROM question_plans WHERE language = 'en-gb' ORDER BY id");
    expect(kept.map((row) => (JSON.parse(row.questions) as PlannedQuestion[])[0]!.id.split('-')[1])).toEqual(variants.slice(3));
  });

  it('stores no device or organisation with a plan', async () => {
    await putOk(plan(2));
    const columns = await server.db.columns('question_plans');
    expect(columns).toContain('plan_hash');
    expect(columns.filter((name) => /device|org/.test(name))).toEqual([]);
    expect(JSON.stringify(await queryRaw(server, 'SELECT * FROM question_plans'))).not.toMatch(/device-a|Acme/);
  });
});

describe('refusals', () => {
  it('refuses both routes without a device token (401), and with an unknown one', async () => {
    for (const response of [await get(3, key, null), await put(plan(3), key, null)]) {
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: 'no_device_token', message: expect.stringMatching(/invite code/) } });
    }
    expect((await get(3, key, 'dev_not-a-real-token')).status).toBe(401);
    expect(await storedPlans()).toBe(0);
    expect(await server.store.questionCacheStats()).toMatchObject({ hits: 0, misses: 0 });
  });

  it('refuses malformed queries and bodies with 400 and says what is wrong', async () => {
    const badQueries: Array<[Record<string, string>, number, RegExp]> = [
      [{ ...key, seniority: 'principal' }, 3, /seniority/],
      [{ ...key, role: '   ' }, 3, /role/],
      [{ ...key, language: 'english please' }, 3, /language: must be a BCP 47 language tag/],
      [key, 0, /count/],
      [key, 21, /count/],
    ];
    for (const [query, count, message] of badQueries) {
      const response = await get(count, query);
      expect(response.status, JSON.stringify(query)).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 'invalid_request', message: expect.stringMatching(message) } });
    }

    const badBodies: Array<[unknown, RegExp]> = [
      [[], /questions/],
      [plan(21), /questions/],
      [[{ ...plan(1)[0], text: 42 }], /questions\.0\.text/],
    ];
    for (const [questions, message] of badBodies) {
      const response = await put(questions);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 'invalid_request', message: expect.stringMatching(message) } });
    }
    expect((await put(plan(1), { ...key, type: 'quiz' })).status).toBe(400);

    const notJson = await server.app.request('/api/questions/cache', { method: 'PUT', body: '{', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: { code: 'invalid_json' } });
    expect(await storedPlans()).toBe(0);
  });

  it('refuses an oversized body with 413', async () => {
    const response = await server.app.request(
      '/api/questions/cache',
      json({ v: 1, key, questions: plan(1), padding: 'x'.repeat(300_000) }, { authorization: `Bearer ${token}` }, 'PUT'),
    );
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: 'body_too_large', message: expect.stringMatching(/at most 20/) } });
    expect(await storedPlans()).toBe(0);
  });
});
