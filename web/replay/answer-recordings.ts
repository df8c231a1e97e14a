// What the interview screen does with the recordings of an answer: asks whether the candidate wants
// them kept, and stores them with the answered question in a write of their own, after the answer's,
// so a full disk can refuse a recording but never the answer. Says in words what went wrong.
// Owns: that decision and its words. Must not import: Solid components.
import type { AnswerRecording } from '../voice/answer-recorder.ts';
import { getKeepRecordings, saveRecordings } from '../data/recordings.ts';
import { StorageFullError } from '../data/storage-errors.ts';
import { t } from '../i18n/i18n.ts';
import { messageOf } from '../ui/page.ts';

/** A recording waiting for its answer to be submitted, placed on the answer's word timeline. */
export type PendingRecording = AnswerRecording & { voiceStartSeconds: number };

/** Whether to record the next answer: the candidate's choice, off when it cannot be read. */
export function wantsRecordings(): Promise<boolean> {
  return getKeepRecordings().catch(() => false);
}

/**
 * Stores the recordings of an answered question, unless the candidate turned keeping off since they
 * were made. Returns null, or why they were not kept in the interface language; never throws, since
 * the answer is already stored and the interview goes on.
 */
export async function keepAnswerRecordings(interviewId: string, turnId: string, recordings: readonly PendingRecording[]): Promise<string | null> {
  if (recordings.length === 0) return null;
  try {
    if (!(await getKeepRecordings())) return null;
    await saveRecordings(
      interviewId,
      turnId,
      recordings.map(({ blob, mimeType, bytes, durationSeconds, captureOffsetSeconds, voiceStartSeconds }) => ({ blob, mimeType, bytes, durationSeconds, captureOffsetSeconds, voiceStartSeconds })),
    );
    return null;
  } catch (error) {
    // A full disk is also announced by the shell's banner; here, what it cost.
    if (error instanceof StorageFullError) return t('replay:keep.storageFull');
    return t('replay:keep.failed', { message: messageOf(error) });
  }
}
