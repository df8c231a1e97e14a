// The device's side of the shared question cache (GET and PUT /api/questions/cache): asks for a plan
// another candidate's device already made, and contributes plans this device made.
// Owns: the two requests and turning every failure into "no plan". Must not import: Solid, the UI.
// Nothing is sent before the candidate joins an organisation: the device token is the sync identity's
// (data/settings.ts), and without one, or with one the server already refused, these do nothing.
// Callers contribute only plans made without the candidate's résumé or job description (see
// plan-interview.ts): the cache is shared across organisations.
import {
  PROTOCOL_VERSION,
  normaliseQuestionCacheKey,
  questionCacheGetResponse,
  questionCachePutRequest,
  questionCachePutResponse,
  type InterviewSpec,
  type PlannedQuestion,
} from '../../sync-server/protocol/index.ts';
import { getSyncIdentity } from '../data/settings.ts';

export interface QuestionCacheClientOptions {
  fetch?: typeof fetch;
  /** Where the API lives; '' means the same origin as the app. */
  baseUrl?: string;
  /** The interview waits on a lookup, so a slow server must not hold it up for long. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

const DEFAULT_TIMEOUT_MS = 3_000;
const CACHE_PATH = '/api/questions/cache';

type CacheSpec = Pick<InterviewSpec, 'role' | 'seniority' | 'type' | 'language' | 'questionCount'>;

/** A plan of exactly `spec.questionCount` questions from the shared cache, or null on a miss or any failure. */
export async function fetchCachedPlan(spec: CacheSpec, options: QuestionCacheClientOptions = {}): Promise<PlannedQuestion[] | null> {
  const key = normaliseQuestionCacheKey(spec);
  if (!key) return null;
  const query = new URLSearchParams({ ...key, count: String(spec.questionCount) });
  const body = await request(`${CACHE_PATH}?${query}`, { method: 'GET' }, options);
  const reply = questionCacheGetResponse.safeParse(body);
  if (!reply.success || reply.data.questions.length !== spec.questionCount) return null;
  return reply.data.questions;
}

/** Offers a plan to the shared cache. Resolves true when the server has it (now or already), false otherwise; never throws. */
export async function contributePlan(spec: CacheSpec, questions: readonly PlannedQuestion[], options: QuestionCacheClientOptions = {}): Promise<boolean> {
  const key = normaliseQuestionCacheKey(spec);
  if (!key) return false;
  // Parsed before sending so a plan the server would refuse never leaves the device.
  const parsed = questionCachePutRequest.safeParse({ v: PROTOCOL_VERSION, key, questions });
  if (!parsed.success) return false;
  const body = await request(CACHE_PATH, { method: 'PUT', body: JSON.stringify(parsed.data) }, options);
  return questionCachePutResponse.safeParse(body).success;
}

/** The reply's JSON when the server answered 2xx; null when not joined, offline, refused or unreachable. */
async function request(path: string, init: RequestInit, options: QuestionCacheClientOptions): Promise<unknown> {
  try {
    const token = await joinedDeviceToken();
    if (!token) return null;
    if (globalThis.navigator?.onLine === false) return null;
    const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${token}` };
    if (init.body) headers['content-type'] = 'application/json';
    const timeout = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const doFetch = options.fetch ?? ((input, requestInit) => globalThis.fetch(input, requestInit));
    const response = await doFetch(`${options.baseUrl ?? ''}${path}`, {
      ...init,
      headers,
      signal: options.signal ? AbortSignal.any([options.signal, timeout]) : timeout,
      cache: 'no-store',
    });
    if (!response.ok) return null;
    return await response.json();
  } catch {
    // The cache only saves time: a failure of any kind means the device plans the questions itself.
    return null;
  }
}

/** The device token, unless the device has not joined or the server has refused the token (sync asks to re-join). */
async function joinedDeviceToken(): Promise<string | null> {
  const identity = await getSyncIdentity();
  return identity && !identity.needsRejoin ? identity.deviceToken : null;
}
