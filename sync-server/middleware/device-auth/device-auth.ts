// Bearer device tokens: what a candidate's device got when it redeemed an invite code. The device found
// here is the only identity the sync routes trust; nothing in the body can widen it.
import { createMiddleware } from 'hono/factory';
import { hashToken } from '../../auth/tokens.ts';
import type { Device, Store } from '../../db/store.ts';
import { ApiError } from '../../errors.ts';

export type DeviceEnv = { Variables: { device: Device } };

export function deviceAuth(store: Pick<Store, 'findDeviceByTokenHash'>) {
  return createMiddleware<DeviceEnv>(async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new ApiError(401, 'no_device_token', 'This device has not joined an organisation. Join with an invite code first.');
    const device = await store.findDeviceByTokenHash(hashToken(match[1]!));
    if (!device) {
      throw new ApiError(401, 'bad_device_token', 'This device is no longer signed in to the organisation. Join again with a new invite code.');
    }
    c.set('device', device);
    await next();
  });
}
