// The sharing side of a push: the batch as the candidate's consent allows it, and their kept
// recordings sent one per request while they share audio (after the events, so the interview is on
// the server first). Each recording goes once; a refusal that names it (too large, interview gone)
// leaves it on the device and moves on, so one bad recording never blocks the others.
// Owns: reading consent, turns and recordings for a push. Must not import: Solid, the UI's components.
import type { RecordingRecord } from '../data/db.ts';
import { getDb } from '../data/db.ts';
import type { OutgoingEvent } from '../data/outbox.ts';
import { getSharedRecordingIds, getSharingConsent, markRecordingShared } from '../data/sharing-consent.ts';
import { withStorageErrors } from '../data/storage-errors.ts';
import { shareableEvent } from './shared-items.ts';

export async function shareableBatch(events: OutgoingEvent[]): Promise<OutgoingEvent[]> {
  const consent = await getSharingConsent();
  const lookup = (interviewId: string, turnId: string) =>
    withStorageErrors(async () => {
      const turn = await getDb().turns.get(turnId);
      return turn && turn.interviewId === interviewId ? turn : null;
    });
  const shared: OutgoingEvent[] = [];
  for (const event of events) shared.push(await shareableEvent(event, consent, lookup));
  return shared;
}

/** Sends the recordings not sent yet, if the candidate shares audio. `send` throws on a failed request. */
export async function shareRecordings(send: (path: string, init: RequestInit) => Promise<unknown>): Promise<void> {
  const consent = await getSharingConsent();
  if (!consent.audio) return;
  const done = await getSharedRecordingIds();
  const recordings: RecordingRecord[] = await withStorageErrors(() => getDb().recordings.toArray());
  for (const recording of recordings) {
    if (done.has(recording.id)) continue;
    const path = `/api/sync/recordings/${encodeURIComponent(recording.interviewId)}/${encodeURIComponent(recording.turnId)}/${encodeURIComponent(recording.id)}`;
    const type = recording.mimeType.split(';')[0]!.trim();
    try {
      await send(path, { method: 'PUT', body: new Blob([recording.blob], { type }) });
    } catch (error) {
      // 413, 415 and 404 are about this recording; anything else (offline, 5xx) ends this round.
      const status = (error as { status?: unknown }).status;
      if (status === 413 || status === 415 || status === 404 || status === 400) continue;
      throw error;
    }
    await markRecordingShared(recording.id);
  }
}
