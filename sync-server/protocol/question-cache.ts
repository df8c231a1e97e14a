// The shared question cache: plans of interview questions that devices made with an AI engine, kept on
// the server so the next candidate asking for the same kind of interview need not wait for a model.
//
// Privacy: the cache is shared across organisations, so a contribution is anonymous (the server stores
// no device or organisation id with a plan) and a client contributes only plans generated WITHOUT the
// candidate's résumé or job description: a tailored plan would carry personal content to strangers.
// Reaching the cache still needs a device token: nothing is sent before a candidate joins an org.
//
// GET /api/questions/cache?role=&seniority=&type=&language=&count=  → 200 QuestionCacheGetResponse,
//   or 404 `cache_miss` when no stored plan for the key has at least `count` questions.
// PUT /api/questions/cache  QuestionCachePutRequest → 200 QuestionCachePutResponse.
import { z } from 'zod';
import { interviewType, seniority, type InterviewSpec } from './interview-spec.ts';
import { plannedQuestion } from './question.ts';
import { PROTOCOL_VERSION } from './version.ts';

/** The most questions a plan may have: the most an interview asks (InterviewSpec.questionCount). */
export const MAX_CACHED_PLAN_QUESTIONS = 20;

/** The largest PUT body: a long 20-question plan is far below it; anything bigger is refused with 413. */
export const MAX_QUESTION_CACHE_BODY_BYTES = 256 * 1024;

/** A role as a cache key: "  Senior  Backend\tEngineer " and "senior backend engineer" are one role. */
export function normaliseRole(role: string): string {
  return role.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** A language tag as a cache key: BCP 47 tags are case-insensitive, and `en_GB` is a common misspelling of `en-GB`. */
export function normaliseLanguageTag(tag: string): string {
  return tag.trim().toLowerCase().replaceAll('_', '-');
}

/**
 * Which interviews may share a plan. Spelling differences in what a candidate typed must not split the
 * cache, so parsing normalises the role and the language tag (the server parses every key it gets).
 */
export const questionCacheKey = z.object({
  role: z.string().overwrite(normaliseRole).min(1).max(120),
  seniority,
  type: interviewType,
  language: z
    .string()
    .overwrite(normaliseLanguageTag)
    .max(35)
    .regex(/^[a-z]{2,8}(?:-[a-z0-9]{1,8})*$/, 'must be a BCP 47 language tag such as en or pt-br'),
});
export type QuestionCacheKey = z.infer<typeof questionCacheKey>;

/**
 * The normalised cache key of an interview, or null when its role or language cannot be a key (the
 * interview then simply does not use the cache). The client sends this key; the server normalises
 * whatever it receives the same way, so an old or hand-written client cannot split the cache either.
 */
export function normaliseQuestionCacheKey(spec: Pick<InterviewSpec, 'role' | 'seniority' | 'type' | 'language'>): QuestionCacheKey | null {
  const parsed = questionCacheKey.safeParse({ role: spec.role, seniority: spec.seniority, type: spec.type, language: spec.language });
  return parsed.success ? parsed.data : null;
}

export const questionPlan = z.array(plannedQuestion).min(1).max(MAX_CACHED_PLAN_QUESTIONS);

/** The GET's query string: the key, and how many questions the interview needs. */
export const questionCacheQuery = questionCacheKey.extend({
  count: z.coerce.number().int().min(1).max(MAX_CACHED_PLAN_QUESTIONS),
});
export type QuestionCacheQuery = z.infer<typeof questionCacheQuery>;

/** A stored plan, trimmed to the `count` asked for. */
export const questionCacheGetResponse = z.object({
  v: z.literal(PROTOCOL_VERSION),
  questions: questionPlan,
});
export type QuestionCacheGetResponse = z.infer<typeof questionCacheGetResponse>;

export const questionCachePutRequest = z.object({
  v: z.literal(PROTOCOL_VERSION),
  key: questionCacheKey,
  questions: questionPlan,
});
export type QuestionCachePutRequest = z.input<typeof questionCachePutRequest>;

export const questionCachePutResponse = z.object({
  v: z.literal(PROTOCOL_VERSION),
  /** `duplicate`: the key already had a plan asking the same questions, so nothing changed. */
  outcome: z.enum(['stored', 'duplicate']),
});
export type QuestionCachePutResponse = z.infer<typeof questionCachePutResponse>;
