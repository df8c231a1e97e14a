import { z } from 'zod';
import { interviewComment } from './interview-comment.ts';
import { scoreOverride } from './score-override.ts';

// Events of GET /api/interviewer/interviews/:id/live besides the interview's own (snapshot, update,
// deleted): another interviewer's comment or score override as it is made, and the last event of a
// stream whose session ended. Imports neither Node nor Hono: the browser bundles it.

export const LIVE_FOLLOW_EVENTS = { comment: 'comment', override: 'override', sessionEnded: 'session-ended' } as const;

/**
 * Why a live stream ended with its session:
 * - `renew`: only the short-lived access token ran out; the session lives on, so the page renews it
 *   (POST /api/interviewer/refresh) and follows again.
 * - `expired`: the session reached its end; sign in again.
 * - `signed_out`: the session was signed out (here or in another tab) or revoked (its refresh token
 *   was used twice).
 * - `disabled` / `deleted`: an admin disabled or deleted the account.
 */
export const SESSION_END_REASONS = ['renew', 'expired', 'signed_out', 'disabled', 'deleted'] as const;
export const sessionEndReason = z.enum(SESSION_END_REASONS);
export type SessionEndReason = z.infer<typeof sessionEndReason>;

export const liveSessionEnded = z.object({ reason: sessionEndReason });
export type LiveSessionEnded = z.infer<typeof liveSessionEnded>;

/** `comment` event data: a comment added to the followed interview since the stream opened. */
export const liveComment = interviewComment;
/** `override` event data: a score override made on the followed interview since the stream opened. */
export const liveOverride = scoreOverride;
