import { z } from 'zod';
import { INTERVIEW_TYPES, QUESTION_KINDS, SENIORITIES } from './interview-spec-values.ts';
import { MAX_TEXT_CHARS } from './limits.ts';

// The lists live in a zod-free module so that screens can show them without loading zod.
export { INTERVIEW_TYPES, QUESTION_KINDS, SENIORITIES } from './interview-spec-values.ts';

export const seniority = z.enum(SENIORITIES);
export type Seniority = z.infer<typeof seniority>;

export const interviewType = z.enum(INTERVIEW_TYPES);
export type InterviewType = z.infer<typeof interviewType>;

export const questionKind = z.enum(QUESTION_KINDS);
export type QuestionKind = z.infer<typeof questionKind>;

export const interviewSpec = z.object({
  role: z.string().trim().min(1).max(120),
  seniority,
  type: interviewType,
  questionCount: z.number().int().min(1).max(20),
  /** BCP 47 language tag of the interview itself (not the UI). */
  language: z.string().min(2).max(35).default('en'),
  /** Minutes the candidate planned for; the timer shows it, nothing is cut off. */
  minutes: z.number().int().min(1).max(180),
  notes: z.string().max(MAX_TEXT_CHARS).optional(),
});
export type InterviewSpec = z.infer<typeof interviewSpec>;
