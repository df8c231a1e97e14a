// The narrow data-access interface the routes use. SQLite (sqlite-store.ts) and PostgreSQL
// (postgres-store.ts) implement the same methods with the same results, so nothing above this line
// knows which database it has. Every method is async because PostgreSQL is a network round trip away;
// each method that writes more than one row is one transaction in both implementations.
import type { NewSharedRecording, PutRecordingOutcome, SharedRecording } from './sharing-consent.ts';
import type { DeviceChange, InterviewDetail, InterviewListItem, Invite, SyncEvent } from '../protocol/index.ts';
import type { PlannedQuestion, QuestionCacheKey } from '../protocol/index.ts';
import type { OperatorFigures, OperatorFiguresQuery } from './operator-figures.ts';
import type { WorkspaceStore } from './workspace-store.ts';

export interface Org {
  id: string;
  name: string;
}

export interface User {
  id: string;
  orgId: string;
  email: string;
  name: string;
  role: 'admin' | 'interviewer';
  passwordHash: string;
}

export interface Device {
  id: string;
  orgId: string;
  clientId: string;
  candidateName: string;
}

export interface NewInvite {
  orgId: string;
  createdBy: string;
  code: string;
  label: string | null;
  maxUses: number;
  expiresAt: string;
}

export type RedeemResult =
  | { ok: true; org: Org; device: Device }
  | { ok: false; reason: 'unknown' | 'expired' | 'used-up' };

/** One event of a push, after the route validated it; `invalid` carries the validation reason. */
export type PushItem = { index: number; event: SyncEvent } | { index: number; id: string; seq: number | null; invalid: string };

export type CachedPlanOutcome = 'stored' | 'duplicate';

/** Since the database was created: lookups answered and not, and what the cache holds now. */
export interface QuestionCacheStats {
  hits: number;
  misses: number;
  plans: number;
  keys: number;
}

export interface PushOutcome {
  accepted: string[];
  duplicates: string[];
  rejected: { id: string; reason: string }[];
  acked: number;
}

export interface Store {
  /** Resolves when the database answers a trivial query; rejects when it cannot be reached. */
  ping(): Promise<void>;
  /** The interviewer workspace: templates, assignments, controls, comments, score overrides. */
  readonly workspace: WorkspaceStore;

  /** Closes the connection(s); afterwards every method rejects. Closing twice is harmless. */
  close(): Promise<void>;

  createOrg(input: { name: string; admin: Omit<User, 'id' | 'orgId' | 'role'> }): Promise<{ org: Org; admin: User }>;
  createUser(input: Omit<User, 'id'>): Promise<User>;
  findOrgByName(name: string): Promise<Org | null>;
  findUserByEmail(email: string): Promise<User | null>;
  findUser(id: string): Promise<User | null>;
  findOrg(id: string): Promise<Org | null>;

  createSession(input: { tokenHash: string; userId: string; expiresAt: string }): Promise<void>;
  findSessionUser(tokenHash: string, now: string): Promise<User | null>;
  deleteSession(tokenHash: string): Promise<void>;

  createInvite(invite: NewInvite): Promise<Invite>;
  listInvites(orgId: string): Promise<Invite[]>;
  /** Atomic: however many devices redeem one code at once, no more than its maxUses are admitted. */
  redeemInvite(input: { code: string; clientId: string; candidateName: string; tokenHash: string; now: string }): Promise<RedeemResult>;
  findDeviceByTokenHash(tokenHash: string): Promise<Device | null>;

  /**
   * Applies a push in one transaction: all of it is stored, or none of it. Idempotent by event id, also
   * when two pushes of the same events run at once: each event is stored and applied once.
   */
  ingest(device: Device, items: PushItem[], now: string): Promise<PushOutcome>;
  listDeviceChanges(deviceId: string, afterCursor: number, limit: number): Promise<{ cursor: number; change: DeviceChange }[]>;

  listInterviews(orgId: string): Promise<InterviewListItem[]>;
  getInterview(orgId: string, interviewId: string): Promise<InterviewDetail | null>;

  /** Stores a shared recording of a turn, if the device shares audio and owns the (undeleted) interview. Idempotent by recording id. */
  putRecording(input: NewSharedRecording): Promise<PutRecordingOutcome>;
  /** A shared recording, only within the organisation and while the interview is not deleted. */
  getRecording(orgId: string, interviewId: string, recordingId: string): Promise<SharedRecording | null>;

  /**
   * The least-served plan stored for `key` with at least `minQuestions` questions, whole (the caller
   * trims it), or null. Counts the plan as served and the lookup as a hit or a miss.
   */
  serveCachedPlan(key: QuestionCacheKey, minQuestions: number): Promise<PlannedQuestion[] | null>;
  /** Stores a plan anonymously unless the key already has one with `planHash`; then keeps only the `keepNewest` newest plans of the key. */
  saveCachedPlan(input: { key: QuestionCacheKey; questions: PlannedQuestion[]; planHash: string; keepNewest: number; now: string }): Promise<CachedPlanOutcome>;
  questionCacheStats(): Promise<QuestionCacheStats>;
  /** The operator dashboard's database figures: an organisation's interviews per UTC day and active devices, and the database's size. */
  operatorFigures(query: OperatorFiguresQuery): Promise<OperatorFigures>;
}
