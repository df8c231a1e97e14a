import { z } from 'zod';
import { PROTOCOL_VERSION } from './version.ts';

export const redeemRequest = z.object({
  v: z.literal(PROTOCOL_VERSION),
  inviteCode: z.string().trim().min(4).max(64),
  deviceId: z.string().min(1).max(80),
  /** How interviewers will see this candidate. */
  candidateName: z.string().trim().min(1).max(120),
});
export type RedeemRequest = z.infer<typeof redeemRequest>;

export const redeemResponse = z.object({
  v: z.literal(PROTOCOL_VERSION),
  deviceToken: z.string(),
  org: z.object({ id: z.string(), name: z.string() }),
});
export type RedeemResponse = z.infer<typeof redeemResponse>;
