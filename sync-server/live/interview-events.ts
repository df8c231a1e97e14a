// "Interview X changed" and "interview X's review changed" on the event bus (shared-state/event-bus.ts):
// the channels per interview and the messages, for the sync push and the workspace's comments and
// overrides (publishers) and the interviewer's live follow (subscriber). A message
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

// "Interviewers added to interview X's review" (a comment, a score override): a channel of its own, so
// a follower re-reads the review only, and the interview only on `interview.changed`. The message names
// the organisation, because interview ids come from devices and two organisations may share one.
export const interviewReviewChannel = (interviewId: string) => `interview-review:${interviewId}`;

export const reviewChanged = z.object({ type: z.literal('review.changed'), orgId: z.string().min(1), interviewId: z.string().min(1) });
export type ReviewChanged = z.infer<typeof reviewChanged>;

/** Never throws: the addition is stored already, and the page's review shows it on its next read. */
export async function publishReviewChanged(bus: EventBus, orgId: string, interviewId: string): Promise<void> {
  await bus
    .publish(interviewReviewChannel(interviewId), JSON.stringify({ type: 'review.changed', orgId, interviewId } satisfies ReviewChanged))
    .catch((error: unknown) => console.warn(`Could not announce a review change to interview ${interviewId}: ${(error as Error).message}`));
}
