// The recordings repository: the audio of spoken answers, kept on this device only when the
// candidate turned "keep recordings" on (off by default), each one deletable. Recordings never go in
// the outbox: audio leaves the device only if the candidate shares it. Deleting an interview deletes
// its recordings (interviews.ts).
// Owns: the recordings table and the keepRecordings setting. Must not import: Solid, the UI, fetch,
// the sync client.
import { monotonicFactory } from 'ulid';
import { getDb, type RecordingRecord } from './db.ts';
import { readSetting, writeSetting } from './setting-rows.ts';
import { withStorageErrors, withStorageWrite } from './storage-errors.ts';

const nextRecordingId = monotonicFactory();

/** A recording as the answer recorder hands it over, placed on its turn's word timeline. */
export type NewRecording = Omit<RecordingRecord, 'id' | 'interviewId' | 'turnId' | 'createdAt'>;

export class RecordingTurnMissingError extends Error {
  override name = 'RecordingTurnMissingError';
  constructor(interviewId: string, turnId: string) {
    super(`The recording could not be kept: question ${turnId} of interview ${interviewId} is not on this device (it may have been deleted). Record the answer again if you want to keep it.`);
  }
}

/** Whether the candidate chose to keep recordings of spoken answers. Off unless they turned it on. */
export function getKeepRecordings(): Promise<boolean> {
  return withStorageErrors(async () => (await readSetting<boolean>('keepRecordings')) === true);
}

export function setKeepRecordings(keep: boolean): Promise<void> {
  return writeSetting('keepRecordings', keep);
}

/**
 * Stores an answer's recordings, all or none (a full disk is a StorageFullError, and whatever was
 * stored before, the answer included, stays as it was).
 */
export function saveRecordings(interviewId: string, turnId: string, recordings: readonly NewRecording[], now: Date = new Date()): Promise<RecordingRecord[]> {
  return withStorageWrite(async () => {
    if (recordings.length === 0) return [];
    const db = getDb();
    return db.transaction('rw', [db.turns, db.recordings], async () => {
      const turn = await db.turns.get(turnId);
      if (!turn || turn.interviewId !== interviewId) throw new RecordingTurnMissingError(interviewId, turnId);
      const rows: RecordingRecord[] = recordings.map((recording) => ({
        id: nextRecordingId(now.getTime()),
        interviewId,
        turnId,
        blob: recording.blob,
        mimeType: recording.mimeType,
        bytes: recording.bytes,
        durationSeconds: recording.durationSeconds,
        captureOffsetSeconds: recording.captureOffsetSeconds,
        voiceStartSeconds: recording.voiceStartSeconds,
        createdAt: now.toISOString(),
      }));
      await db.recordings.bulkAdd(rows);
      return rows;
    });
  });
}

/** An interview's recordings, oldest first (ULIDs sort by creation). */
export function listRecordings(interviewId: string): Promise<RecordingRecord[]> {
  return withStorageErrors(() => getDb().recordings.where('interviewId').equals(interviewId).sortBy('id'));
}

export function countRecordings(interviewId: string): Promise<number> {
  return withStorageErrors(() => getDb().recordings.where('interviewId').equals(interviewId).count());
}

/** Deletes one recording; the answer and its transcript stay. */
export function deleteRecording(id: string): Promise<void> {
  return withStorageWrite(() => getDb().recordings.delete(id));
}
