// Read-only access to the whole history for the progress screen and the history search: every
// interview with its turns, in one read transaction, so a chart never pairs an interview with turns
// from a different moment. The history is at most a few hundred interviews per device, so it is
// read whole and aggregated in memory; no index or schema change is needed.
// This is a repository in the sense of web/data/db.ts (reads go through a module, never getDb() in a
// component); it lives here because only the progress feature reads this way, and it never writes.
// Owns: reading interviews with turns. Must not import: Solid, the UI, fetch, the sync client.
import { getDb, type TurnRecord } from '../data/db.ts';
import { withStorageErrors } from '../data/storage-errors.ts';
import type { HistoryEntry } from './history-entry.ts';
import { turnSearchText } from './history-query.ts';

/** Every interview on this device with its turns in question order, newest interview first. */
export function listHistoryWithTurns(): Promise<HistoryEntry[]> {
  return withStorageErrors(async () => {
    const db = getDb();
    const [interviews, turns] = await db.transaction('r', [db.interviews, db.turns], () =>
      Promise.all([db.interviews.orderBy('startedAt').reverse().toArray(), db.turns.toArray()]),
    );
    const byInterview = new Map<string, TurnRecord[]>();
    for (const turn of turns) {
      const list = byInterview.get(turn.interviewId);
      if (list) list.push(turn);
      else byInterview.set(turn.interviewId, [turn]);
    }
    return interviews.map((interview) => ({ interview, turns: (byInterview.get(interview.id) ?? []).sort((a, b) => a.index - b.index) }));
  });
}

/** Each interview's questions and answers as normalised search text, by interview id. */
export function listTurnSearchText(): Promise<Map<string, string>> {
  return withStorageErrors(async () => {
    const texts = new Map<string, string>();
    // One turn at a time, keeping only its text: turns also hold camera samples and word timings.
    await getDb().turns.each((turn) => {
      const text = turnSearchText([turn]);
      texts.set(turn.interviewId, `${texts.get(turn.interviewId) ?? ''} ${text}`);
    });
    return texts;
  });
}
