import { z } from 'zod';
import { MAX_TEXT_CHARS } from './limits.ts';

// An interviewer replacing one dimension's score of one answer. The reason is required; every
// override is kept (the latest one per answer and dimension is the score in force).

export const overrideScoreRequest = z.object({
  v: z.literal(1),
  turnId: z.string().min(1).max(80),
  dimensionKey: z.string().min(1).max(40),
  score: z.number().int().min(1).max(5),
  reason: z.string().trim().min(3, 'Say why the score changes (at least 3 characters).').max(MAX_TEXT_CHARS),
});
export type OverrideScoreRequest = z.infer<typeof overrideScoreRequest>;

export const scoreOverride = z.object({
  id: z.string(),
  interviewId: z.string(),
  turnId: z.string(),
  dimensionKey: z.string(),
  /** The score before this override: the engine's, or the previous override's. */
  from: z.number().int().min(1).max(5),
  to: z.number().int().min(1).max(5),
  reason: z.string().max(MAX_TEXT_CHARS),
  authorName: z.string(),
  createdAt: z.string(),
});
export type ScoreOverride = z.infer<typeof scoreOverride>;
