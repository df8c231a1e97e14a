import { z } from 'zod';
import { interviewSpec } from './interview-spec.ts';
import { plannedQuestion } from './question.ts';
import { answerScore, interviewSummary } from './score.ts';
import { MAX_ANSWER_CHARS } from './limits.ts';
import { sharedCameraMetrics, sharedSpeechMetrics, sharingConsent } from './sharing.ts';

// Events a device appends to its outbox and pushes. Each carries a ULID `id` (idempotency key) and a
// `seq` that rises per device; the server applies each id at most once, in any order of arrival.

const ulid = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a ULID');
const entityId = z.string().min(1).max(80);

export const interviewStarted = z.object({
  type: z.literal('interview.started'),
  payload: z.object({
    interviewId: entityId,
    spec: interviewSpec,
    startedAt: z.iso.datetime(),
    engine: z.string().max(40),
    /** The interviewer's template it was started from (an assignment); absent otherwise, and from older devices. */
    templateId: entityId.optional(),
  }),
});

export const turnAnswered = z.object({
  type: z.literal('turn.answered'),
  payload: z.object({
    interviewId: entityId,
    turnId: entityId,
    index: z.number().int().min(0).max(100),
    question: plannedQuestion,
    answer: z.string().max(MAX_ANSWER_CHARS),
    skipped: z.boolean(),
    /** Time spent on the answer with the timer running, pauses excluded. */
    activeMs: z.number().int().min(0),
    answeredAt: z.iso.datetime(),
    score: answerScore.nullable(),
    /** The one follow-up asked on this question; `answer` above then holds both answers. */
    followUp: z.object({ question: z.string().max(MAX_ANSWER_CHARS), answer: z.string().max(MAX_ANSWER_CHARS) }).nullable().optional(),
    /** Only with the candidate's consent to share them (added at push time); absent from older devices. */
    speechMetrics: sharedSpeechMetrics.nullable().optional(),
    cameraMetrics: sharedCameraMetrics.nullable().optional(),
  }),
});

export const interviewCompleted = z.object({
  type: z.literal('interview.completed'),
  payload: z.object({
    interviewId: entityId,
    completedAt: z.iso.datetime(),
    endedEarly: z.boolean(),
    summary: interviewSummary,
  }),
});

export const interviewDeleted = z.object({
  type: z.literal('interview.deleted'),
  payload: z.object({ interviewId: entityId }),
});

/** The candidate changed what they share; the server deletes what was revoked, for every interview of the device. */
export const consentChanged = z.object({
  type: z.literal('consent.changed'),
  payload: z.object({ consent: sharingConsent }),
});

export const syncEventBody = z.discriminatedUnion('type', [
  interviewStarted,
  turnAnswered,
  interviewCompleted,
  interviewDeleted,
  consentChanged,
]);

const envelope = z.object({
  id: ulid,
  seq: z.number().int().min(1),
  at: z.iso.datetime(),
});

/** One event as pushed; the envelope is checked first so a bad body can still be named by id. */
export const syncEvent = z.intersection(envelope, syncEventBody);
export type SyncEvent = z.infer<typeof syncEvent>;
export type SyncEventType = SyncEvent['type'];
export type SyncEventOf<T extends SyncEventType> = Extract<SyncEvent, { type: T }>;
/** The events about one interview (all but `consent.changed`). */
export type InterviewSyncEvent = Exclude<SyncEvent, { type: 'consent.changed' }>;

export const syncEventEnvelope = envelope.passthrough();
