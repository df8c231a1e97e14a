// What the progress modules read: one interview with its turns, as stored on this device, and the
// order they are charted in. Pure: types from the data layer only, no Dexie, DOM or Solid.
// Owns: HistoryEntry and the chronological order. Must not import: Dexie, Solid, the DOM.
import type { InterviewRecord, TurnRecord } from '../data/db.ts';

export interface HistoryEntry {
  interview: InterviewRecord;
  turns: readonly TurnRecord[];
}

/** A value of one interview, placed on a chart by the interview's date. */
export interface SeriesPoint {
  interviewId: string;
  /** ISO date-time: when the interview started, the date the history list shows. */
  at: string;
  value: number;
}

/**
 * Completed interviews, oldest first. The start time orders them, as in the history list; ids are
 * ULIDs, so two interviews started in the same millisecond still keep the order they were made in.
 */
export function completedOldestFirst(entries: readonly HistoryEntry[]): HistoryEntry[] {
  return entries
    .filter((entry) => entry.interview.status === 'completed')
    .sort((a, b) => a.interview.startedAt.localeCompare(b.interview.startedAt) || a.interview.id.localeCompare(b.interview.id));
}

/** Turns the candidate answered (not skipped, not still open). */
export function answeredTurns(entry: HistoryEntry): TurnRecord[] {
  return entry.turns.filter((turn) => turn.status === 'answered');
}
