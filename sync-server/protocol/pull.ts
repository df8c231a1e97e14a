import { z } from 'zod';
import { interviewComment } from './interview-comment.ts';
import { interviewControl } from './interview-control.ts';
import { scoreOverride } from './score-override.ts';
import { templateAssignment } from './template-assignment.ts';
import { PROTOCOL_VERSION } from './version.ts';

// What a device pulls: changes addressed to it, in the order the server recorded them. The cursor is
// opaque to the client; it sends back the last one it got.

export const orgChange = z.object({
  type: z.literal('org.joined'),
  payload: z.object({ orgId: z.string(), orgName: z.string() }),
});

// From the interviewer workspace. Each payload has an id: the device stores by it, so a change pulled
// twice (a retry after a lost response) is applied once.
export const templateAssignedChange = z.object({ type: z.literal('template.assigned'), payload: templateAssignment });
export const controlIssuedChange = z.object({ type: z.literal('control.issued'), payload: interviewControl });
export const commentAddedChange = z.object({ type: z.literal('comment.added'), payload: interviewComment });
export const scoreOverriddenChange = z.object({ type: z.literal('score.overridden'), payload: scoreOverride });

export const deviceChange = z.discriminatedUnion('type', [orgChange, templateAssignedChange, controlIssuedChange, commentAddedChange, scoreOverriddenChange]);
export type DeviceChange = z.infer<typeof deviceChange>;

export const pullResponse = z.object({
  v: z.literal(PROTOCOL_VERSION),
  changes: z.array(z.intersection(z.object({ cursor: z.string() }), deviceChange)),
  cursor: z.string(),
});
export type PullResponse = z.infer<typeof pullResponse>;
