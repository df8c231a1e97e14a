// Push and pull for devices. A push is validated event by event, so one malformed event is rejected
// alone with its id and reason, and the whole batch is stored in one transaction.
import { Hono } from 'hono';
import type { PushItem, Store } from '../db/store.ts';
import { ApiError, readJson, zodIssues } from '../errors.ts';
import { deviceAuth, type DeviceEnv } from '../middleware/device-auth/device-auth.ts';
import {
  PROTOCOL_VERSION,
  pushRequest,
  syncEvent,
  syncEventEnvelope,
  type PullResponse,
  type PushResponse,
} from '../protocol/index.ts';

const PULL_LIMIT = 500;

export function syncRoutes(store: Store, clock: () => Date) {
  return new Hono<DeviceEnv>()
    .use('/sync/*', deviceAuth(store))
    .post('/sync/push', async (c) => {
      const device = c.get('device');
      const request = pushRequest.parse(await readJson(c));
      if (request.deviceId !== device.clientId) {
        throw new ApiError(403, 'wrong_device', 'This push names another device than the one signed in. Join again with an invite code.');
      }
      const items = request.events.map((raw, index) => toPushItem(raw, index));
      const outcome = await store.ingest(device, items, clock().toISOString());
      return c.json({ v: PROTOCOL_VERSION, ...outcome } satisfies PushResponse);
    })
    .get('/sync/pull', async (c) => {
      const device = c.get('device');
      const raw = c.req.query('cursor') ?? '0';
      if (!/^\d{1,15}$/.test(raw)) throw new ApiError(400, 'bad_cursor', 'The pull cursor is not one this server gave out. Pull again without a cursor.');
      const changes = await store.listDeviceChanges(device.id, Number(raw), PULL_LIMIT);
      const cursor = changes.length ? String(changes[changes.length - 1]!.cursor) : raw;
      const body: PullResponse = {
        v: PROTOCOL_VERSION,
        changes: changes.map(({ cursor: at, change }) => ({ cursor: String(at), ...change })),
        cursor,
      };
      return c.json(body);
    });
}

function toPushItem(raw: unknown, index: number): PushItem {
  const parsed = syncEvent.safeParse(raw);
  if (parsed.success) return { index, event: parsed.data };
  const envelope = syncEventEnvelope.safeParse(raw);
  const reason = zodIssues(parsed.error)
    .map((issue) => `${issue.path}: ${issue.message}`)
    .join('; ');
  return {
    index,
    id: envelope.success ? envelope.data.id : `#${index}`,
    seq: envelope.success ? envelope.data.seq : null,
    invalid: reason,
  };
}
