// The narrow data-access interface the routes use. SQLite implements it today (sqlite-store.ts);
// PostgreSQL will implement the same methods, so nothing above this line knows which database it has.
import type { DeviceChange, InterviewDetail, InterviewListItem, Invite, SyncEvent } from '../protocol/index.ts';
import type { PlannedQuestion, QuestionCacheKey } from '../protocol/index.ts';

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
  ping(): void;
  close(): void;

  createOrg(input: { name: string; admin: Omit<User, 'id' | 'orgId' | 'role'> }): { org: Org; admin: User };
  createUser(input: Omit<User, 'id'>): User;
  findOrgByName(name: string): Org | null;
  findUserByEmail(email: string): User | null;
  findUser(id: string): User | null;
  findOrg(id: string): Org | null;

  createSession(input: { tokenHash: string; userId: string; expiresAt: string }): void;
  findSessionUser(tokenHash: string, now: string): User | null;
  deleteSession(tokenHash: string): void;

  createInvite(invite: NewInvite): Invite;
  listInvites(orgId: string): Invite[];
  redeemInvite(input: { code: string; clientId: string; candidateName: string; tokenHash: string; now: string }): RedeemResult;
  findDeviceByTokenHash(tokenHash: string): Device | null;

  /** Applies a push in one transaction: all of it is stored, or none of it. */
  ingest(device: Device, items: PushItem[], now: string): PushOutcome;
  listDeviceChanges(deviceId: string, afterCursor: number, limit: number): { cursor: number; change: DeviceChange }[];

  listInterviews(orgId: string): InterviewListItem[];
  getInterview(orgId: string, interviewId: string): InterviewDetail | null;

  /**
   * The least-served plan stored for `key` with at least `minQuestions` questions, whole (the caller
   * trims it), or null. Counts the plan as served and the lookup as a hit or a miss.
   */
  serveCachedPlan(key: QuestionCacheKey, minQuestions: number): PlannedQuestion[] | null;
  /** Stores a plan anonymously unless the key already has one with `planHash`; then keeps only the `keepNewest` newest plans of the key. */
  saveCachedPlan(input: { key: QuestionCacheKey; questions: PlannedQuestion[]; planHash: string; keepNewest: number; now: string }): CachedPlanOutcome;
  questionCacheStats(): QuestionCacheStats;
}
