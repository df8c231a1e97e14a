// "Interview X changed" on the event bus (shared-state/event-bus.ts): the channel per interview and
// the message, for the sync push (publisher) and the interviewer's live follow (subscriber). A message
// only says "read it again": delivery is best effort, so it never carries the change itself.
// Must not import: routes, the store, Hono.
import { z } from 'zod';
import type { EventBus } from '../shared-state/event-bus.ts';

export const interviewChannel = (interviewId: string) => `interview:${interviewId}`;

export const interviewChanged = z.object({ type: z.literal('interview.changed'), interviewId: z.string().min(1), cause: z.enum(['sync', 'workspace']) });
export type InterviewChanged = z.infer<typeof interviewChanged>;

/** Publishes one message per interview; never throws (a follower re-reads when it reconnects anyway). */
export async function publishInterviewsChanged(bus: EventBus, interviewIds: Iterable<string>, cause: InterviewChanged['cause']): Promise<void> {
  await Promise.all(
    [...new Set(interviewIds)].map((interviewId) =>
      bus
        .publish(interviewChannel(interviewId), JSON.stringify({ type: 'interview.changed', interviewId, cause } satisfies InterviewChanged))
        .catch((error: unknown) => console.warn(`Could not announce a change to interview ${interviewId}: ${(error as Error).message}`)),
    ),
  );
}
