// A last-moment copy of the interview in progress, in localStorage. IndexedDB writes started while
// the page is being unloaded (reload, closing the tab) are cut off, and the last few hundred
// milliseconds of typing would be lost; localStorage writes are synchronous and survive. The copy is
// read once when the interview opens again, and removed when the interview ends or is deleted.
// Owns: that copy. Must not import: Solid, the UI, the sync client.
import type { InterviewSnapshot } from '../interview/interview-machine.ts';

const PREFIX = 'interview-buddy:progress:';

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Access itself throws where site data is blocked.
    return null;
  }
}

export function backupProgress(interviewId: string, snapshot: InterviewSnapshot): void {
  try {
    storage()?.setItem(PREFIX + interviewId, JSON.stringify(snapshot));
  } catch {
    // Full or unavailable: the IndexedDB copy, at most a moment older, is still there.
  }
}

export function readProgressBackup(interviewId: string): InterviewSnapshot | null {
  try {
    const raw = storage()?.getItem(PREFIX + interviewId);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<InterviewSnapshot>;
    return parsed && parsed.v === 1 && typeof parsed.savedAt === 'number' ? (parsed as InterviewSnapshot) : null;
  } catch {
    return null;
  }
}

export function clearProgressBackup(interviewId?: string): void {
  const store = storage();
  if (!store) return;
  try {
    if (interviewId) {
      store.removeItem(PREFIX + interviewId);
      return;
    }
    for (let i = store.length - 1; i >= 0; i--) {
      const key = store.key(i);
      if (key?.startsWith(PREFIX)) store.removeItem(key);
    }
  } catch {
    // Nothing to clean up if storage is unavailable.
  }
}
