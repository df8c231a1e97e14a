// What the candidate shares with the organisation they joined, item by item, and what changing it
// means on this device: the choice is saved with a `consent.changed` event in the same transaction,
// so the server deletes what was revoked on the next sync; an item granted again makes the device
// re-send its interviews (copies of the sent events with new ids and seqs, which the server applies
// over the old ones), because what was pushed earlier went without that item.
// Owns: the `sharingConsent` and `sharedRecordings` settings. Must not import: Solid, the UI, fetch, the sync client.
import {
  DEFAULT_SHARING_CONSENT,
  grantedItems,
  revokedItems,
  sharingConsent,
  type SharingConsent,
  type SyncEventOf,
} from '../../sync-server/protocol/index.ts';
import { getDb } from './db.ts';
import { appendEvent, notifyOutboxChanged } from './outbox.ts';
import { readSetting } from './setting-rows.ts';
import { withStorageErrors } from './storage-errors.ts';

/** Item shares that depend on the answers' content: re-sent when granted again. */
const RESENT_WITH = ['transcript', 'scores', 'speechMetrics', 'cameraMetrics'] as const;

export function getSharingConsent(): Promise<SharingConsent> {
  return withStorageErrors(async () => parseConsent(await readSetting('sharingConsent')));
}

/** Whether the candidate has chosen yet (the join screen asks before the first sync). */
export function hasChosenSharing(): Promise<boolean> {
  return withStorageErrors(async () => sharingConsent.safeParse(await readSetting('sharingConsent')).success);
}

function parseConsent(value: unknown): SharingConsent {
  const parsed = sharingConsent.safeParse(value);
  return parsed.success ? parsed.data : DEFAULT_SHARING_CONSENT;
}

/**
 * Saves the candidate's choice and queues it for the server. Granting an item that depends on the
 * answers re-queues every interview still on this device, so the server gets what it lacked.
 */
export function saveSharingConsent(next: SharingConsent, now: Date = new Date()): Promise<void> {
  return withStorageErrors(async () => {
    const db = getDb();
    await db.transaction('rw', [db.settings, db.outbox, db.interviews], async () => {
      const before = parseConsent(await readSetting('sharingConsent'));
      const chosenBefore = sharingConsent.safeParse(await readSetting('sharingConsent')).success;
      await db.settings.put({ key: 'sharingConsent', value: next });
      const changed = !chosenBefore || revokedItems(before, next).length > 0 || grantedItems(before, next).length > 0;
      if (!changed) return;
      await appendEvent(db, 'consent.changed', { consent: next }, now);
      if (revokedItems(before, next).includes('audio')) await db.settings.delete('sharedRecordings');
      const granted = grantedItems(before, next);
      if (!chosenBefore || !granted.some((item) => (RESENT_WITH as readonly string[]).includes(item))) return;
      // Only what already went out lacks the item: pending events are filtered when they are pushed.
      const sent = await db.outbox.where('state').equals('sent').sortBy('seq');
      const kept = new Set(await db.interviews.toCollection().primaryKeys());
      for (const event of sent) {
        if (!event.interviewId || !kept.has(event.interviewId)) continue;
        if (event.type === 'turn.answered') await appendEvent(db, 'turn.answered', event.payload as SyncEventOf<'turn.answered'>['payload'], now);
        if (event.type === 'interview.completed') await appendEvent(db, 'interview.completed', event.payload as SyncEventOf<'interview.completed'>['payload'], now);
      }
    });
    notifyOutboxChanged();
  });
}

/** Recordings already sent ("recordingId"), so each goes once. Forgotten when audio is revoked. */
export function getSharedRecordingIds(): Promise<Set<string>> {
  return withStorageErrors(async () => {
    const value = await readSetting<unknown>('sharedRecordings');
    return new Set(Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : []);
  });
}

export function markRecordingShared(recordingId: string): Promise<void> {
  return withStorageErrors(async () => {
    const db = getDb();
    await db.transaction('rw', db.settings, async () => {
      const value = await readSetting<unknown>('sharedRecordings');
      const ids = new Set(Array.isArray(value) ? (value as string[]) : []);
      ids.add(recordingId);
      await db.settings.put({ key: 'sharedRecordings', value: [...ids] });
    });
  });
}
