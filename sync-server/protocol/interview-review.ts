import { z } from 'zod';
import { interviewComment } from './interview-comment.ts';
import { interviewControl } from './interview-control.ts';
import { scoreOverride } from './score-override.ts';

// What interviewers added to one interview: comments, score overrides (all, oldest first) and controls
// sent. The detail endpoint returns it beside the interview; later additions go here as new fields.
export const interviewReview = z.object({
  comments: z.array(interviewComment),
  overrides: z.array(scoreOverride),
  controls: z.array(interviewControl),
});
export type InterviewReview = z.infer<typeof interviewReview>;
