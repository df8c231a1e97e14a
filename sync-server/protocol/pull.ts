import { z } from 'zod';
import { PROTOCOL_VERSION } from './version.ts';

// What a device pulls: changes addressed to it, in the order the server recorded them. The cursor is
// opaque to the client; it sends back the last one it got.

export const orgChange = z.object({
  type: z.literal('org.joined'),
  payload: z.object({ orgId: z.string(), orgName: z.string() }),
});

export const deviceChange = z.discriminatedUnion('type', [orgChange]);
export type DeviceChange = z.infer<typeof deviceChange>;

export const pullResponse = z.object({
  v: z.literal(PROTOCOL_VERSION),
  changes: z.array(z.intersection(z.object({ cursor: z.string() }), deviceChange)),
  cursor: z.string(),
});
export type PullResponse = z.infer<typeof pullResponse>;
