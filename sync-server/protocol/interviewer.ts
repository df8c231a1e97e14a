import { z } from 'zod';
import { interviewSpec } from './interview-spec.ts';
import { plannedQuestion } from './question.ts';
import { answerScore, interviewSummary } from './score.ts';
import { sharedCameraMetrics, sharedSpeechMetrics } from './sharing.ts';

// The interviewer web views talk to /api/interviewer/* with a session cookie.

export const signInRequest = z.object({
  v: z.literal(1),
  email: z.email().max(254),
  password: z.string().min(1).max(1024),
});
export type SignInRequest = z.infer<typeof signInRequest>;

export const interviewerMe = z.object({
  v: z.literal(1),
  user: z.object({ id: z.string(), email: z.string(), name: z.string(), role: z.enum(['admin', 'interviewer']) }),
  org: z.object({ id: z.string(), name: z.string() }),
});
export type InterviewerMe = z.infer<typeof interviewerMe>;

export const createInviteRequest = z.object({
  v: z.literal(1),
  label: z.string().trim().max(120).optional(),
  /** How many devices may redeem it; 1 by default. */
  maxUses: z.number().int().min(1).max(10_000).default(1),
  expiresInDays: z.number().int().min(1).max(365).default(14),
});
export type CreateInviteRequest = z.infer<typeof createInviteRequest>;

/** An invite code as listed: the code itself is not kept (only its hash), so it is not here. */
export const invite = z.object({
  id: z.string(),
  label: z.string().nullable(),
  maxUses: z.number().int(),
  uses: z.number().int(),
  expiresAt: z.string(),
  createdAt: z.string(),
});
export type Invite = z.infer<typeof invite>;

/** The answer to creating an invite code: the only time the code is shown. */
export const createdInvite = invite.extend({ code: z.string() });
export type CreatedInvite = z.infer<typeof createdInvite>;

export const interviewListItem = z.object({
  id: z.string(),
  candidateName: z.string(),
  role: z.string(),
  seniority: z.string(),
  type: z.string(),
  startedAt: z.string(),
  completedAt: z.string().nullable(),
  overall: z.number().nullable(),
  engine: z.string(),
  /** The interviewer's template the interview was started from; null when the candidate set it up. */
  templateId: z.string().nullable(),
});
export type InterviewListItem = z.infer<typeof interviewListItem>;

export const interviewDetail = z.object({
  v: z.literal(1),
  interview: interviewListItem.extend({ spec: interviewSpec, summary: interviewSummary.nullable(), endedEarly: z.boolean() }),
  turns: z.array(
    z.object({
      id: z.string(),
      index: z.number().int(),
      question: plannedQuestion,
      answer: z.string(),
      skipped: z.boolean(),
      activeMs: z.number().int(),
      answeredAt: z.string(),
      score: answerScore.nullable(),
      /** Present only when the candidate shares them. */
      speechMetrics: sharedSpeechMetrics.nullable().optional(),
      cameraMetrics: sharedCameraMetrics.nullable().optional(),
      /** Ids of the answer's shared recordings, in order; played through /api/interviewer/interviews/:id/recordings/:recordingId. */
      recordings: z.array(z.string()).optional(),
    }),
  ),
});
export type InterviewDetail = z.infer<typeof interviewDetail>;
