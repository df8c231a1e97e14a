// GET and PUT /api/questions/cache: the shared question cache over HTTP, for joined devices only.
// Owns: the device token check, the body limit, validation, trimming a plan to the count asked for,
// and what makes two plans "the same". Storage, rotation and the hit/miss counters live in the store.
// Contributions are anonymous: the device is checked but never passed to the store.
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Store } from '../db/store.ts';
import { ApiError, readJson } from '../errors.ts';
import { deviceAuth, type DeviceEnv } from '../middleware/device-auth/device-auth.ts';
import {
  MAX_QUESTION_CACHE_BODY_BYTES,
  PROTOCOL_VERSION,
  questionCachePutRequest,
  questionCacheQuery,
  type PlannedQuestion,
  type QuestionCacheGetResponse,
  type QuestionCachePutResponse,
} from '../protocol/index.ts';

/** Plans kept per key: enough for variety between candidates, few enough that stale plans age out. */
export const QUESTION_CACHE_PLANS_PER_KEY = 8;

export function questionCacheRoutes(store: Store, clock: () => Date) {
  return new Hono<DeviceEnv>()
    .use('/questions/*', deviceAuth(store))
    .use(
      '/questions/*',
      bodyLimit({
        maxSize: MAX_QUESTION_CACHE_BODY_BYTES,
        onError: () => {
          throw new ApiError(
            413,
            'body_too_large',
            `The question plan is larger than ${MAX_QUESTION_CACHE_BODY_BYTES} bytes. Contribute a plan of at most 20 ordinary questions.`,
          );
        },
      }),
    )
    .get('/questions/cache', async (c) => {
      const query = questionCacheQuery.parse(c.req.query());
      const { count, ...key } = query;
      const plan = await store.serveCachedPlan(key, count);
      if (!plan) {
        throw new ApiError(404, 'cache_miss', 'No shared question plan for this interview yet. Plan the questions on the device instead.');
      }
      return c.json({ v: PROTOCOL_VERSION, questions: plan.slice(0, count) } satisfies QuestionCacheGetResponse);
    })
    .put('/questions/cache', async (c) => {
      const request = questionCachePutRequest.parse(await readJson(c));
      const outcome = await store.saveCachedPlan({
        key: request.key,
        questions: request.questions,
        planHash: planHash(request.questions),
        keepNewest: QUESTION_CACHE_PLANS_PER_KEY,
        now: clock().toISOString(),
      });
      return c.json({ v: PROTOCOL_VERSION, outcome } satisfies QuestionCachePutResponse);
    });
}

/**
 * Two plans are the same when they ask the same questions in the same order. Only what is asked counts
 * (kind and text, ignoring case and spacing): ids are made afresh by every run, and a plan that differs
 * only in rubric or talking points would give the candidate no new questions.
 */
export function planHash(questions: readonly PlannedQuestion[]): string {
  const asked = questions.map((question) => [question.kind, question.text.trim().toLowerCase().replace(/\s+/g, ' ')]);
  return createHash('sha256').update(JSON.stringify(asked)).digest('base64url');
}
