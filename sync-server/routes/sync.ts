// Push and pull for devices. A push is validated event by event, so one malformed event is rejected
// alone with its id and reason, and the whole batch is stored in one transaction. Each device may push
// and pull at a limited rate; a deletion the server accepts goes to the organisation's audit log.
// Shared recordings arrive here too, one per request, only while the device shares audio.
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { recordAudit } from '../audit/record-audit.ts';
import type { PushItem, Store } from '../db/store.ts';
import { seenBefore } from '../db/rows.ts';
import { ApiError, readJson, zodIssues } from '../errors.ts';
import { deviceAuth, type DeviceEnv } from '../middleware/device-auth/device-auth.ts';
import {
  MAX_SHARED_AUDIO_BYTES,
  PROTOCOL_VERSION,
  SHARED_AUDIO_TYPES,
  pushRequest,
  syncEvent,
  syncEventEnvelope,
  type PullResponse,
  type PushResponse,
} from '../protocol/index.ts';
import { publishInterviewsChanged } from '../live/interview-events.ts';
import type { EventBus } from '../shared-state/event-bus.ts';

const PULL_LIMIT = 500;

export function syncRoutes(
  store: Store,
  clock: () => Date,
  limits: { push: MiddlewareHandler<DeviceEnv>; pull: MiddlewareHandler<DeviceEnv> },
  /** Where "interview X changed" goes after a push commits, for interviewers following it live. */
  bus?: EventBus,
) {
  return new Hono<DeviceEnv>()
    .use('/sync/*', deviceAuth(store))
    .post('/sync/push', limits.push, async (c) => {
      const device = c.get('device');
      const request = pushRequest.parse(await readJson(c));
      if (request.deviceId !== device.clientId) {
        throw new ApiError(403, 'wrong_device', 'This push names another device than the one signed in. Join again with an invite code.');
      }
      const items = request.events.map((raw, index) => toPushItem(raw, index));
      const outcome = await store.ingest(device, items, clock().toISOString());
      // After the commit: an entry per interview the candidate deleted (ids only; the answers are gone).
      const accepted = new Set(outcome.accepted);
      for (const item of items) {
        if ('event' in item && item.event.type === 'interview.deleted' && accepted.has(item.event.id)) {
          await recordAudit(c, store, clock, { action: 'interview.deleted', target: `interview:${item.event.payload.interviewId}`, detail: { event: item.event.id } });
        }
      }
      if (bus) {
        const changed = items.flatMap((item) => ('event' in item && accepted.has(item.event.id) && 'interviewId' in item.event.payload ? [item.event.payload.interviewId] : []));
        await publishInterviewsChanged(bus, changed, 'sync');
      }
      return c.json({ v: PROTOCOL_VERSION, ...outcome } satisfies PushResponse);
    })
    .put(
      '/sync/recordings/:interviewId/:turnId/:recordingId',
      limits.push,
      bodyLimit({
        maxSize: MAX_SHARED_AUDIO_BYTES,
        onError: () => {
          throw new ApiError(413, 'recording_too_large', `A shared recording may be at most ${MAX_SHARED_AUDIO_BYTES / (1024 * 1024)} MB. It stays on the device and is not shared.`);
        },
      }),
      async (c) => {
        const device = c.get('device');
        const { interviewId, turnId, recordingId } = c.req.param();
        if (![interviewId, turnId, recordingId].every((id) => /^[A-Za-z0-9_-]{1,80}$/.test(id))) {
          throw new ApiError(400, 'bad_recording_id', 'Interview, turn and recording ids are 1 to 80 letters, digits, - or _.');
        }
        const mimeType = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
        if (!(SHARED_AUDIO_TYPES as readonly string[]).includes(mimeType)) {
          throw new ApiError(415, 'audio_type', `Send the recording as ${SHARED_AUDIO_TYPES.join(' or ')}.`);
        }
        const audio = new Uint8Array(await c.req.arrayBuffer());
        if (audio.byteLength === 0) throw new ApiError(400, 'empty_recording', 'The recording is empty. Nothing was stored.');
        const outcome = await store.putRecording({ device, interviewId, turnId, recordingId, mimeType, audio, now: clock().toISOString() });
        if (outcome === 'not-consented') {
          throw new ApiError(403, 'audio_not_shared', 'This device does not share audio. Turn on sharing recordings on the Sync page first.');
        }
        if (outcome === 'unknown-interview') {
          throw new ApiError(404, 'unknown_interview', 'The server has no such interview from this device. Sync the interview first, then send its recordings.');
        }
        return c.json({ v: PROTOCOL_VERSION, stored: outcome === 'stored' }, outcome === 'stored' ? 201 : 200);
      },
    )
    .get('/sync/pull', limits.pull, async (c) => {
      const device = c.get('device');
      const raw = c.req.query('cursor') ?? '0';
      if (!/^\d{1,15}$/.test(raw)) throw new ApiError(400, 'bad_cursor', 'The pull cursor is not one this server gave out. Pull again without a cursor.');
      const now = clock().toISOString();
      // The device row read for authentication says whether it was seen this minute: most pulls write nothing.
      if (device.lastSeenAt === null || device.lastSeenAt < seenBefore(now)) await store.noteDeviceSeen(device.id, now);
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
