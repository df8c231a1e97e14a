import { z } from 'zod';
import { questionKind } from './interview-spec.ts';
import { MAX_TEXT_CHARS } from './limits.ts';

/** A talking point a strong answer covers, and the words or phrases that show it was covered. */
export const talkingPoint = z.object({
  point: z.string().min(3).max(200),
  cues: z.array(z.string().min(2).max(60)).min(1).max(12),
});
export type TalkingPoint = z.infer<typeof talkingPoint>;

/** A question as it is asked in an interview, whichever engine planned it. */
export const plannedQuestion = z.object({
  id: z.string().min(1).max(80),
  kind: questionKind,
  text: z.string().min(5).max(MAX_TEXT_CHARS),
  talkingPoints: z.array(talkingPoint).max(12),
  rubricHint: z.string().max(MAX_TEXT_CHARS),
  /** Roughly how long a good spoken answer takes; the scorer judges length against it. */
  expectedSeconds: z.number().int().min(15).max(1200),
});
export type PlannedQuestion = z.infer<typeof plannedQuestion>;
