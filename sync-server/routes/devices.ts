// A device joins an organisation by redeeming an invite code; it gets a bearer token scoped to that
// organisation. Until then it has no token, so nothing it has can sync. Codes are looked up by their
// hash (only hashes are stored) and tried at a limited rate per client IP.
import { Hono, type MiddlewareHandler } from 'hono';
import { hashToken, newToken, normaliseInviteCode } from '../auth/tokens.ts';
import { deviceActor, recordAudit } from '../audit/record-audit.ts';
import type { Store } from '../db/store.ts';
import { ApiError, readJson } from '../errors.ts';
import { PROTOCOL_VERSION, redeemRequest, type RedeemResponse } from '../protocol/index.ts';

const REFUSALS = {
  unknown: 'That invite code does not exist. Check it for typos, or ask your interviewer for a new one.',
  expired: 'That invite code has expired. Ask your interviewer for a new one.',
  'used-up': 'That invite code has already been used. Ask your interviewer for a new one.',
} as const;

export function deviceRoutes(store: Store, clock: () => Date, limit: MiddlewareHandler) {
  return new Hono().post('/devices/redeem', limit, async (c) => {
    const request = redeemRequest.parse(await readJson(c));
    const deviceToken = newToken('dev');
    const result = await store.redeemInvite({
      codeHash: hashToken(normaliseInviteCode(request.inviteCode)),
      clientId: request.deviceId,
      candidateName: request.candidateName,
      tokenHash: hashToken(deviceToken),
      now: clock().toISOString(),
    });
    if (!result.ok) throw new ApiError(result.reason === 'unknown' ? 404 : 400, `invite_${result.reason.replace('-', '_')}`, REFUSALS[result.reason]);
    await recordAudit(c, store, clock, { orgId: result.org.id, actor: deviceActor(result.device), action: 'device.joined', target: `device:${result.device.id}` });
    return c.json({ v: PROTOCOL_VERSION, deviceToken, org: result.org } satisfies RedeemResponse);
  });
}
