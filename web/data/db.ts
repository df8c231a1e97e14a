// The one IndexedDB database of the app (Dexie), its versioned schema and its migrations.
// Owns: record shapes as stored, table indexes, upgrades between versions. Must not import: Solid, the
// DOM beyond IndexedDB, fetch, the sync client or the UI. Everything that reads or writes goes through
// the repositories beside this file, never through `getDb()` from a component.
import Dexie, { type Table } from 'dexie';
import type {
  AnswerScore,
  EngineKind,
  InterviewSpec,
  InterviewSummary,
  PlannedQuestion,
  SyncEventType,
} from '../../sync-server/protocol/index.ts';
import type { InterviewComment } from '../../sync-server/protocol/interview-comment.ts';
import type { InterviewControl } from '../../sync-server/protocol/interview-control.ts';
import type { InterviewTemplate } from '../../sync-server/protocol/interview-template.ts';
import type { ScoreOverride } from '../../sync-server/protocol/score-override.ts';
import type { InterviewSnapshot } from '../interview/interview-machine.ts';
import type { VisionSample } from '../../workers/vision/api.ts';
import type { CodeLanguage } from '../../workers/code-runner/api.ts';
import type { RunOutcome } from '../../workers/code-runner/run-outcome.ts';

export const DB_NAME = 'interview-buddy';

export type InterviewStatus = 'in-progress' | 'completed';

export interface InterviewRecord {
  /** ULID, so ids sort by creation time and are unique across devices. */
  id: string;
  spec: InterviewSpec;
  engine: EngineKind;
  /** What the UI shows for the engine, e.g. "basic scoring". */
  engineLabel: string;
  /** Why this engine was used; shown beside the label on the report. */
  engineReason: string;
  status: InterviewStatus;
  questionCount: number;
  startedAt: string;
  completedAt: string | null;
  endedEarly: boolean;
  summary: InterviewSummary | null;
  /** Since v2: `summary.overall`, copied out so the history can sort and filter on it. */
  overall: number | null;
  /** The interview machine's last snapshot, so a reload resumes exactly where it stopped. */
  progress: InterviewSnapshot | null;
}

export type TurnStatus = 'open' | 'answered' | 'skipped';

export interface TurnRecord {
  id: string;
  interviewId: string;
  index: number;
  question: PlannedQuestion;
  /** The answer as typed so far; saved while typing, never synced. */
  draft: string;
  status: TurnStatus;
  /** The final answer, set when the turn is answered or skipped. */
  answer: string | null;
  activeMs: number;
  answeredAt: string | null;
  score: AnswerScore | null;
  /** The follow-up asked on this question, if any (absent on turns stored before follow-ups). */
  followUp?: { question: string; answer: string } | null;
  /** With the camera on: visible behaviour, one sample a second (no frames). Kept on this device. */
  vision?: VisionSample[] | null;
  /** A spoken answer's transcript as the speech model wrote it, with word times; `answer` holds it as edited. Kept on this device. */
  voice?: SpokenAnswerRecord | null;
}

/** What transcription made of a spoken answer, before the candidate edited it. */
export interface SpokenAnswerRecord {
  /** Seconds from the start of the recording. */
  words: { text: string; start: number; end: number }[];
  /** The transcript as text, unedited. */
  transcribed: string;
  /** BCP 47: the interview's language, which picks the filler list. */
  language: string;
  recordingSeconds: number;
  modelId: string;
}

/**
 * A spoken answer's audio, kept only when the candidate chose to keep recordings. Never synced: it
 * stays on this device (deleting the interview deletes it).
 */
export interface RecordingRecord {
  /** ULID. */
  id: string;
  interviewId: string;
  turnId: string;
  /** Opus in WebM or Ogg, as MediaRecorder made it. */
  blob: Blob;
  mimeType: string;
  bytes: number;
  durationSeconds: number;
  /** Where the recording's time 0 is on the capture's clock (the clock of the answer's transcript). */
  captureOffsetSeconds: number;
  /** Where that capture begins on the turn's `voice` word timeline (answers recorded in parts follow one another). */
  voiceStartSeconds: number;
  createdAt: string;
}

/** A coding challenge in progress: the code and explanation as typed, so a reload keeps them. Kept on this device. */
export interface ChallengeDraftRecord {
  /** `${source}:${challengeId}`: one draft per challenge of each source. */
  key: string;
  /** Where the challenge comes from: `bank`, or an organisation template later. */
  source: string;
  challengeId: string;
  language: CodeLanguage;
  code: string;
  explanation: string;
  /** How many of the challenge's hints the candidate has revealed. */
  hintsRevealed: number;
  startedAt: string;
  updatedAt: string;
}

/** One submitted attempt at a coding challenge: the code, its test results, the explanation and both scores. Kept on this device. */
export interface ChallengeAttemptRecord {
  /** ULID, so attempts sort by time. */
  id: string;
  source: string;
  challengeId: string;
  language: CodeLanguage;
  code: string;
  run: RunOutcome;
  /** 0–100, from the tests passed. */
  codeScore: number;
  explanation: string;
  /** Part of the explanation came from speaking (then edited as text). */
  explanationSpoken: boolean;
  /** The engine's score of the explanation; null when scoring failed (the attempt is kept anyway). */
  explanationScore: AnswerScore | null;
  engine: { kind: EngineKind; label: string; reason: string } | null;
  hintsRevealed: number;
  hintsAvailable: number;
  startedAt: string;
  submittedAt: string;
  /** From opening the challenge (or the previous attempt) to submitting. */
  durationMs: number;
}

/** Settings are one row per key, so each can be changed in a transaction without touching the rest. */
export interface SettingRecord {
  key: SettingKey;
  value: unknown;
}

export type SettingKey =
  | 'deviceId'
  | 'seq'
  | 'deviceToken'
  | 'org'
  | 'candidateName'
  | 'pullCursor'
  | 'needsRejoin'
  | 'aiPreference'
  | 'localModel'
  | 'clientConfig'
  | 'cameraOn'
  | 'speakQuestions'
  | 'questionVoice'
  | 'answerSilenceSeconds'
  | 'onboarding'
  | 'keepRecordings'
  | 'sharingConsent'
  | 'sharedRecordings';

export type OutboxState = 'pending' | 'sent' | 'rejected';

export interface OutboxRecord {
  /** ULID from a monotonic factory: the server's idempotency key. */
  id: string;
  /** Rises by one per event on this device; allocated in the transaction of the write that caused it. */
  seq: number;
  type: SyncEventType;
  at: string;
  payload: unknown;
  state: OutboxState;
  /** The server's reason, kept and shown when an event was rejected. */
  rejectReason: string | null;
  /** Since v2: which interview the event is about, so deleting an interview can find its events. */
  interviewId: string | null;
  sentAt: string | null;
}

// Each version lists every table. Version 1 is what the first release shipped; keep it as it was so
// the upgrade path from it stays tested.
export const SCHEMA_V1 = {
  interviews: 'id, startedAt, status',
  turns: 'id, interviewId, [interviewId+index]',
  settings: 'key',
  outbox: 'id, &seq, state',
} as const;

export const SCHEMA_V2 = {
  interviews: 'id, startedAt, status, overall',
  turns: 'id, interviewId, [interviewId+index]',
  settings: 'key',
  // [state+seq] hands the sync client pending events already in seq order, from one index range.
  outbox: 'id, &seq, state, [state+seq], interviewId',
} as const;

// Version 3 only adds the coding challenges' tables: Dexie keeps the tables earlier versions declared.
export const SCHEMA_V3_ADDED = {
  // [source+challengeId] lists one challenge's attempts; ids are ULIDs, so they come in time order.
  challengeAttempts: 'id, [source+challengeId], submittedAt',
  challengeDrafts: 'key',
} as const;

// Version 4 only adds a table: Dexie keeps the tables the earlier versions declared, so this stays
// right whatever version 3 changes.
export const SCHEMA_V4_ADDED = {
  recordings: 'id, interviewId, turnId',
} as const;

// Version 5 adds what arrives from the organisation's interviewers (pulled, keyed by the server's
// ids so a change pulled twice is stored once): assignments of interview templates, live controls
// of an interview, and comments and score overrides on it.
export const SCHEMA_V5_ADDED = {
  assignments: 'id, assignedAt, interviewId',
  interviewControls: 'id, interviewId',
  interviewerNotes: 'id, interviewId',
} as const;

/** An interview template an interviewer assigned to this device; `interviewId` once it was started. */
export interface AssignmentRecord {
  id: string;
  orgName: string;
  assignedBy: string;
  assignedAt: string;
  template: InterviewTemplate;
  interviewId: string | null;
}

export type InterviewControlRecord = InterviewControl & { receivedAt: string };

/** A comment or a score override from an interviewer, as pulled. */
export type InterviewerNoteRecord =
  | { id: string; interviewId: string; kind: 'comment'; comment: InterviewComment; receivedAt: string }
  | { id: string; interviewId: string; kind: 'override'; override: ScoreOverride; receivedAt: string };

export class InterviewBuddyDb extends Dexie {
  interviews!: Table<InterviewRecord, string>;
  turns!: Table<TurnRecord, string>;
  settings!: Table<SettingRecord, string>;
  outbox!: Table<OutboxRecord, string>;
  challengeAttempts!: Table<ChallengeAttemptRecord, string>;
  challengeDrafts!: Table<ChallengeDraftRecord, string>;
  recordings!: Table<RecordingRecord, string>;
  assignments!: Table<AssignmentRecord, string>;
  interviewControls!: Table<InterviewControlRecord, string>;
  interviewerNotes!: Table<InterviewerNoteRecord, string>;

  constructor(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade(async (tx) => {
        await tx
          .table('interviews')
          .toCollection()
          .modify((row: Partial<InterviewRecord>) => {
            row.overall = row.summary?.overall ?? null;
          });
        await tx
          .table('outbox')
          .toCollection()
          .modify((row: Partial<OutboxRecord>) => {
            row.interviewId = interviewIdOf(row.payload);
            row.rejectReason ??= null;
            row.sentAt ??= null;
          });
      });
    this.version(3).stores(SCHEMA_V3_ADDED);
    this.version(4).stores(SCHEMA_V4_ADDED);
    this.version(5).stores(SCHEMA_V5_ADDED);
  }
}

export function interviewIdOf(payload: unknown): string | null {
  if (payload && typeof payload === 'object' && 'interviewId' in payload) {
    const id = (payload as { interviewId: unknown }).interviewId;
    return typeof id === 'string' ? id : null;
  }
  return null;
}

let instance: InterviewBuddyDb | null = null;

/** The app's database, opened on first use. */
export function getDb(): InterviewBuddyDb {
  instance ??= new InterviewBuddyDb();
  return instance;
}

/** Closes the database so the next `getDb()` opens it again (tests, and after deleting it). */
export function closeDb(): void {
  instance?.close();
  instance = null;
}
