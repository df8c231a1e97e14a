// The coding challenges' repository: the draft of each challenge (code, explanation, hints revealed,
// saved as the candidate types) and the attempts they submitted. Both stay on this device: no outbox
// event is written, because the sync protocol has no challenge events yet.
// Owns: every read and write of challengeDrafts and challengeAttempts. Must not import: Solid, the
// UI, fetch, the runner's worker.
import { monotonicFactory } from 'ulid';
import { getDb, type ChallengeAttemptRecord, type ChallengeDraftRecord } from './db.ts';
import { withStorageErrors, withStorageWrite } from './storage-errors.ts';

const nextAttemptId = monotonicFactory();

export function challengeKey(source: string, challengeId: string): string {
  return `${source}:${challengeId}`;
}

export function getChallengeDraft(source: string, challengeId: string): Promise<ChallengeDraftRecord | null> {
  return withStorageErrors(async () => (await getDb().challengeDrafts.get(challengeKey(source, challengeId))) ?? null);
}

export type ChallengeDraftInput = Omit<ChallengeDraftRecord, 'key' | 'updatedAt'>;

/** Saves the draft as it is now (the whole row: code, explanation, hints, language). */
export function saveChallengeDraft(draft: ChallengeDraftInput, now: Date = new Date()): Promise<ChallengeDraftRecord> {
  return withStorageWrite(async () => {
    const record: ChallengeDraftRecord = { ...draft, key: challengeKey(draft.source, draft.challengeId), updatedAt: now.toISOString() };
    await getDb().challengeDrafts.put(record);
    return record;
  });
}

export type ChallengeAttemptInput = Omit<ChallengeAttemptRecord, 'id' | 'submittedAt' | 'durationMs'>;

/**
 * Stores a submitted attempt. In the same transaction the draft's clock restarts (the next attempt's
 * time counts from here); its code, explanation and revealed hints stay, so the candidate can improve
 * on them.
 */
export function saveChallengeAttempt(input: ChallengeAttemptInput, now: Date = new Date()): Promise<ChallengeAttemptRecord> {
  return withStorageWrite(async () => {
    const db = getDb();
    const attempt: ChallengeAttemptRecord = {
      ...input,
      id: nextAttemptId(now.getTime()),
      submittedAt: now.toISOString(),
      durationMs: Math.max(0, now.getTime() - Date.parse(input.startedAt)),
    };
    await db.transaction('rw', [db.challengeAttempts, db.challengeDrafts], async () => {
      await db.challengeAttempts.add(attempt);
      const key = challengeKey(input.source, input.challengeId);
      const draft = await db.challengeDrafts.get(key);
      if (draft) await db.challengeDrafts.put({ ...draft, startedAt: attempt.submittedAt, updatedAt: attempt.submittedAt });
    });
    return attempt;
  });
}

/** One challenge's attempts, newest first. */
export function listChallengeAttempts(source: string, challengeId: string): Promise<ChallengeAttemptRecord[]> {
  return withStorageErrors(async () => {
    const rows = await getDb().challengeAttempts.where('[source+challengeId]').equals([source, challengeId]).toArray();
    return rows.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  });
}

export interface ChallengeStanding {
  attempts: number;
  bestCodeScore: number;
  /** The best explanation score among attempts that got one. */
  bestExplanationScore: number | null;
  lastSubmittedAt: string;
}

/** For the library: per `source:challengeId`, how many attempts and the best scores. */
export function challengeStandings(): Promise<Map<string, ChallengeStanding>> {
  return withStorageErrors(async () => {
    const standings = new Map<string, ChallengeStanding>();
    await getDb().challengeAttempts.each((attempt) => {
      const key = challengeKey(attempt.source, attempt.challengeId);
      const explanation = attempt.explanationScore?.overall ?? null;
      const known = standings.get(key);
      if (!known) {
        standings.set(key, { attempts: 1, bestCodeScore: attempt.codeScore, bestExplanationScore: explanation, lastSubmittedAt: attempt.submittedAt });
        return;
      }
      known.attempts += 1;
      known.bestCodeScore = Math.max(known.bestCodeScore, attempt.codeScore);
      if (explanation !== null) known.bestExplanationScore = Math.max(known.bestExplanationScore ?? 0, explanation);
      if (attempt.submittedAt > known.lastSubmittedAt) known.lastSubmittedAt = attempt.submittedAt;
    });
    return standings;
  });
}
