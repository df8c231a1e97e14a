// The interview repository: every read and write of interviews and their turns.
// Owns: what each domain write changes and which outbox event it appends (in the same transaction).
// Drafts are saved as the candidate types but append no event: only finished turns are shared.
// Must not import: Solid, the UI, fetch, the sync client.
import type {
  AnswerScore,
  EngineKind,
  InterviewSpec,
  InterviewSummary,
  PlannedQuestion,
} from '../../sync-server/protocol/index.ts';
// limits.ts directly: the protocol index would pull zod into the first screen's bundle.
import { MAX_ANSWER_CHARS } from '../../sync-server/protocol/limits.ts';
import { monotonicFactory } from 'ulid';
import type { InterviewSnapshot } from '../interview/interview-machine.ts';
import { getDb, type InterviewRecord, type SpokenAnswerRecord, type TurnRecord } from './db.ts';
import { clearProgressBackup } from './draft-backup.ts';
import { appendEvent, notifyOutboxChanged } from './outbox.ts';
import { withStorageErrors, withStorageWrite } from './storage-errors.ts';
import type { VisionSample } from '../../workers/vision/api.ts';

const nextInterviewId = monotonicFactory();

export interface EngineInfo {
  kind: EngineKind;
  label: string;
  reason: string;
}

export interface InterviewWithTurns {
  interview: InterviewRecord;
  turns: TurnRecord[];
}

export function turnIdOf(interviewId: string, index: number): string {
  return `${interviewId}-q${index}`;
}

export interface CreateInterviewInput {
  spec: InterviewSpec;
  questions: PlannedQuestion[];
  engine: EngineInfo;
  /** The interviewer's template it comes from (an assignment), so the interviewer can filter by it. */
  templateId?: string;
  now?: Date;
}

/** Stores a new interview with its planned questions, and appends `interview.started`. */
export function createInterview(input: CreateInterviewInput): Promise<InterviewRecord> {
  return withStorageWrite(async () => {
    if (input.questions.length === 0) throw new Error('An interview needs at least one question.');
    const db = getDb();
    const now = input.now ?? new Date();
    const id = nextInterviewId(now.getTime());
    const interview: InterviewRecord = {
      id,
      spec: input.spec,
      engine: input.engine.kind,
      engineLabel: input.engine.label,
      engineReason: input.engine.reason,
      status: 'in-progress',
      questionCount: input.questions.length,
      startedAt: now.toISOString(),
      completedAt: null,
      endedEarly: false,
      summary: null,
      overall: null,
      progress: null,
    };
    const turns: TurnRecord[] = input.questions.map((question, index) => ({
      id: turnIdOf(id, index),
      interviewId: id,
      index,
      question,
      draft: '',
      status: 'open',
      answer: null,
      activeMs: 0,
      answeredAt: null,
      score: null,
    }));
    await db.transaction('rw', [db.interviews, db.turns, db.outbox, db.settings], async () => {
      await db.interviews.add(interview);
      await db.turns.bulkAdd(turns);
      await appendEvent(
        db,
        'interview.started',
        { interviewId: id, spec: input.spec, startedAt: interview.startedAt, engine: input.engine.kind, ...(input.templateId ? { templateId: input.templateId } : {}) },
        now,
      );
    });
    notifyOutboxChanged();
    return interview;
  });
}

/** Saves what the candidate has typed so far, with the timer's state. No outbox event. */
export function saveAnswerDraft(interviewId: string, index: number, draft: string, progress: InterviewSnapshot): Promise<void> {
  return withStorageWrite(async () => {
    const db = getDb();
    await db.transaction('rw', [db.interviews, db.turns], async () => {
      const updated = await db.turns.update(turnIdOf(interviewId, index), { draft });
      if (updated === 0) throw new Error(`No question ${index + 1} in interview ${interviewId}`);
      await db.interviews.update(interviewId, { progress });
    });
  });
}

/** Saves the timer's state alone (pause, resume, a periodic heartbeat). No outbox event. */
export function saveProgress(interviewId: string, progress: InterviewSnapshot): Promise<void> {
  return withStorageWrite(async () => {
    await getDb().interviews.update(interviewId, { progress });
  });
}

export interface CompleteTurnInput {
  interviewId: string;
  index: number;
  answer: string;
  skipped: boolean;
  activeMs: number;
  score: AnswerScore | null;
  followUp?: { question: string; answer: string } | null;
  /** Camera samples of this answer; stored with the turn, never put in the sync event. */
  vision?: VisionSample[] | null;
  voice?: SpokenAnswerRecord | null;
  progress: InterviewSnapshot;
  now?: Date;
}

/**
 * Stores an answered or skipped question with its score, and appends `turn.answered`.
 * Returns false (and changes nothing) when that question was already completed, so a double submit
 * cannot produce two events.
 */
export function completeTurn(input: CompleteTurnInput): Promise<boolean> {
  return withStorageWrite(async () => {
    const db = getDb();
    const now = input.now ?? new Date();
    const answer = input.answer.slice(0, MAX_ANSWER_CHARS);
    const activeMs = Math.max(0, Math.round(input.activeMs));
    const done = await db.transaction('rw', [db.interviews, db.turns, db.outbox, db.settings], async () => {
      const turnId = turnIdOf(input.interviewId, input.index);
      const turn = await db.turns.get(turnId);
      if (!turn) throw new Error(`No question ${input.index + 1} in interview ${input.interviewId}`);
      if (turn.status !== 'open') return false;
      await db.turns.update(turnId, {
        status: input.skipped ? 'skipped' : 'answered',
        answer,
        draft: answer,
        activeMs,
        answeredAt: now.toISOString(),
        score: input.score,
        followUp: input.followUp ?? null,
        vision: input.vision ?? null,
        voice: input.voice ?? null,
      });
      await db.interviews.update(input.interviewId, { progress: input.progress });
      await appendEvent(
        db,
        'turn.answered',
        {
          interviewId: input.interviewId,
          turnId,
          index: input.index,
          question: turn.question,
          answer,
          skipped: input.skipped,
          activeMs,
          answeredAt: now.toISOString(),
          score: input.score,
          followUp: input.followUp ?? null,
        },
        now,
      );
      return true;
    });
    if (done) notifyOutboxChanged();
    return done;
  });
}

export interface CompleteInterviewInput {
  interviewId: string;
  summary: InterviewSummary;
  endedEarly: boolean;
  progress: InterviewSnapshot;
  now?: Date;
}

/** Marks the interview finished with its summary, and appends `interview.completed`. Idempotent. */
export function completeInterview(input: CompleteInterviewInput): Promise<boolean> {
  return withStorageWrite(async () => {
    const db = getDb();
    const now = input.now ?? new Date();
    const done = await db.transaction('rw', [db.interviews, db.outbox, db.settings], async () => {
      const interview = await db.interviews.get(input.interviewId);
      if (!interview) throw new Error(`No interview ${input.interviewId}`);
      if (interview.status === 'completed') return false;
      await db.interviews.update(input.interviewId, {
        status: 'completed',
        completedAt: now.toISOString(),
        endedEarly: input.endedEarly,
        summary: input.summary,
        overall: input.summary.overall,
        progress: input.progress,
      });
      await appendEvent(
        db,
        'interview.completed',
        { interviewId: input.interviewId, completedAt: now.toISOString(), endedEarly: input.endedEarly, summary: input.summary },
        now,
      );
      return true;
    });
    clearProgressBackup(input.interviewId);
    if (done) notifyOutboxChanged();
    return done;
  });
}

/** Past and in-progress interviews, newest first. */
export function listInterviews(): Promise<InterviewRecord[]> {
  return withStorageErrors(() => getDb().interviews.orderBy('startedAt').reverse().toArray());
}

export function getInterview(interviewId: string): Promise<InterviewWithTurns | null> {
  return withStorageErrors(async () => {
    const db = getDb();
    return db.transaction('r', [db.interviews, db.turns], async () => {
      const interview = await db.interviews.get(interviewId);
      if (!interview) return null;
      const turns = await db.turns.where('interviewId').equals(interviewId).sortBy('index');
      return { interview, turns };
    });
  });
}

/**
 * Deletes an interview, its turns and its recordings on this device. Its outbox events go too: they hold the
 * candidate's answers, and deleting means those leave the device nowhere. When the server may have
 * any of them (some were sent, or the device belongs to an organisation and a reply may have been
 * lost), `interview.deleted` is appended so the server deletes its copy on the next sync.
 */
export function deleteInterview(interviewId: string, now: Date = new Date()): Promise<void> {
  return withStorageWrite(async () => {
    const db = getDb();
    await db.transaction('rw', [db.interviews, db.turns, db.outbox, db.settings, db.recordings], () => deleteInTransaction(interviewId, now));
    clearProgressBackup(interviewId);
    notifyOutboxChanged();
  });
}

/** Deletes every interview on this device (and, through `interview.deleted`, from the server). Keeps the device's membership. */
export function deleteEverything(now: Date = new Date()): Promise<number> {
  return withStorageWrite(async () => {
    const db = getDb();
    const count = await db.transaction('rw', [db.interviews, db.turns, db.outbox, db.settings, db.recordings], async () => {
      const ids = (await db.interviews.toCollection().primaryKeys()) as string[];
      for (const id of ids) await deleteInTransaction(id, now);
      // Turns or events left by an interview whose row is already gone (an interrupted older delete).
      await db.turns.clear();
      await db.recordings.clear();
      await db.outbox.filter((row) => row.interviewId !== null && row.type !== 'interview.deleted').delete();
      return ids.length;
    });
    clearProgressBackup();
    notifyOutboxChanged();
    return count;
  });
}

async function deleteInTransaction(interviewId: string, now: Date): Promise<void> {
  const db = getDb();
  const events = await db.outbox.where('interviewId').equals(interviewId).toArray();
  const joined = (await db.settings.get('deviceToken')) !== undefined;
  const serverMayHaveIt = joined || events.some((event) => event.state !== 'pending');
  await db.outbox.bulkDelete(events.filter((event) => event.type !== 'interview.deleted').map((event) => event.id));
  await db.turns.where('interviewId').equals(interviewId).delete();
  // The recordings of its spoken answers: audio that must not outlive the interview.
  await db.recordings.where('interviewId').equals(interviewId).delete();
  await db.interviews.delete(interviewId);
  const alreadyDeleting = events.some((event) => event.type === 'interview.deleted');
  if (serverMayHaveIt && !alreadyDeleting) await appendEvent(db, 'interview.deleted', { interviewId }, now);
}
