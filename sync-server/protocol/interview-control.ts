import { z } from 'zod';
import { MAX_TEXT_CHARS } from './limits.ts';

// A live control an interviewer sends to a candidate's interview: it reaches the device on its next
// pull and takes effect there (pause until resumed, more time, end now, lock read-only).

export const CONTROL_ACTIONS = ['pause', 'resume', 'extend', 'end', 'lock'] as const;
export const controlAction = z.enum(CONTROL_ACTIONS);
export type ControlAction = z.infer<typeof controlAction>;

export const issueControlRequest = z
  .object({
    v: z.literal(1),
    action: controlAction,
    /** Only for `extend`: minutes added to the time limit. */
    minutes: z.number().int().min(1).max(120).optional(),
    message: z.string().trim().max(500).default(''),
  })
  .refine((request) => request.action !== 'extend' || request.minutes !== undefined, {
    message: 'Extending the time needs `minutes` (1 to 120).',
    path: ['minutes'],
  });
export type IssueControlRequest = z.input<typeof issueControlRequest>;

export const interviewControl = z.object({
  id: z.string(),
  interviewId: z.string(),
  action: controlAction,
  minutes: z.number().int().nullable(),
  message: z.string().max(MAX_TEXT_CHARS),
  issuedBy: z.string(),
  issuedAt: z.string(),
});
export type InterviewControl = z.infer<typeof interviewControl>;
