import { z } from 'zod';
import { MAX_TEXT_CHARS } from './limits.ts';

// An interviewer's comment on an interview, or on one of its answers (turnId); the candidate sees it
// on the report after the next sync.

export const addCommentRequest = z.object({
  v: z.literal(1),
  body: z.string().trim().min(1, 'Write the comment first.').max(MAX_TEXT_CHARS),
  turnId: z.string().min(1).max(80).optional(),
});
export type AddCommentRequest = z.infer<typeof addCommentRequest>;

export const interviewComment = z.object({
  id: z.string(),
  interviewId: z.string(),
  turnId: z.string().nullable(),
  body: z.string().max(MAX_TEXT_CHARS),
  authorName: z.string(),
  createdAt: z.string(),
});
export type InterviewComment = z.infer<typeof interviewComment>;
