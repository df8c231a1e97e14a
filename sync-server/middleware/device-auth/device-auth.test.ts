import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { hashToken } from '../../auth/tokens.ts';
import type { Device } from '../../db/store.ts';
import { handleError } from '../../errors.ts';
import { deviceAuth, type DeviceEnv } from './device-auth.ts';

const device: Device = { id: 'dev-row', orgId: 'org-1', clientId: 'device-a', candidateName: 'Grace', lastSeenAt: null };
const TOKEN = 'dev_good-token';

function appWithDeviceAuth() {
  const store = { findDeviceByTokenHash: async (hash: string) => (hash === hashToken(TOKEN) ? device : null) };
  const app = new Hono<DeviceEnv>().use('*', deviceAuth(store)).get('/who', (c) => c.json(c.get('device')));
  app.onError(handleError);
  return app;
}

describe('deviceAuth', () => {
  it('lets a known bearer token through and names its device', async () => {
    const response = await appWithDeviceAuth().request('/who', { headers: { authorization: `bearer  ${TOKEN}` } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(device);
  });

  it('refuses a missing token with a message that says to join first', async () => {
    const response = await appWithDeviceAuth().request('/who');
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: 'no_device_token', message: expect.stringMatching(/invite code/) } });
  });

  it('refuses an unknown or malformed token', async () => {
    const app = appWithDeviceAuth();
    for (const authorization of ['Bearer dev_other', 'Basic abc', `Bearer ${TOKEN} extra`]) {
      const response = await app.request('/who', { headers: { authorization } });
      expect(response.status, authorization).toBe(401);
    }
  });
});
