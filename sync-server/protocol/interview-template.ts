import { z } from 'zod';
import { seniority } from './interview-spec.ts';
import { MAX_TEXT_CHARS } from './limits.ts';
import { plannedQuestion } from './question.ts';

// An organisation's interview template: what an interviewer sets up once and assigns to candidates'
// devices. Templates are versioned: saving one raises its version, and an assignment carries a copy of
// the version it was made from, so an edit never changes an interview a candidate already has.

/** A question of a template: the interviewer's own text, or one picked from the basic engine's bank. */
export const templateQuestion = plannedQuestion.extend({ source: z.enum(['own', 'bank']) });
export type TemplateQuestion = z.infer<typeof templateQuestion>;

/** How much one scoring dimension counts in the overall score, 0 (ignored) to 5. */
export const rubricWeight = z.object({ key: z.string().min(1).max(40), weight: z.number().min(0).max(5) });
export type RubricWeight = z.infer<typeof rubricWeight>;

export const templateBody = z.object({
  name: z.string().trim().min(1).max(120),
  role: z.string().trim().min(1).max(120),
  seniority: seniority.default('mid'),
  questions: z.array(templateQuestion).min(1).max(20),
  rubricWeights: z.array(rubricWeight).max(12).default([]),
  /** The interview ends when this runs out (an interviewer may extend it). */
  timeLimitMinutes: z.number().int().min(1).max(180),
  /** BCP 47 tag of the interview's language. */
  language: z.string().min(2).max(35).default('en'),
  cameraRequired: z.boolean().default(false),
  voiceRequired: z.boolean().default(false),
  notes: z.string().max(MAX_TEXT_CHARS).optional(),
});
export type TemplateBody = z.infer<typeof templateBody>;

export const interviewTemplate = templateBody.extend({
  id: z.string(),
  version: z.number().int().min(1),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type InterviewTemplate = z.infer<typeof interviewTemplate>;

export const saveTemplateRequest = z.object({ v: z.literal(1), template: templateBody });
export type SaveTemplateRequest = z.input<typeof saveTemplateRequest>;

export const templateList = z.object({ v: z.literal(1), templates: z.array(interviewTemplate) });
export type TemplateList = z.infer<typeof templateList>;
