import { z } from 'zod';
import { PROTOCOL_VERSION } from './version.ts';
import { MAX_EVENTS_PER_PUSH } from './limits.ts';

/**
 * The batch is checked loosely here: each event is validated on its own by the server, so that one
 * malformed event is rejected alone and the rest of the batch is kept.
 */
export const pushRequest = z.object({
  v: z.literal(PROTOCOL_VERSION),
  deviceId: z.string().min(1).max(80),
  events: z.array(z.unknown()).min(1).max(MAX_EVENTS_PER_PUSH),
});
export type PushRequest = z.infer<typeof pushRequest>;

export const rejectedEvent = z.object({
  /** The event's id, or `#<index>` when the event had no readable id. */
  id: z.string(),
  reason: z.string(),
});

export const pushResponse = z.object({
  v: z.literal(PROTOCOL_VERSION),
  /** The highest seq in this batch that the server has now durably handled (stored, duplicate or rejected). */
  acked: z.number().int().min(0),
  accepted: z.array(z.string()),
  duplicates: z.array(z.string()),
  rejected: z.array(rejectedEvent),
});
export type PushResponse = z.infer<typeof pushResponse>;
