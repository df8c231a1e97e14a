// The outbox: append-only events that describe every domain write, waiting to be pushed to the
// organisation's server. An event is appended in the same transaction as the write that caused it, so
// the local data and the outbox can never disagree, even if the tab dies between the two.
// Owns: ids and seq allocation, event states (pending → sent | rejected), change notifications.
// Must not import: Solid, the UI, fetch, the sync client (the sync client imports this, not the reverse).
import Dexie from 'dexie';
import { monotonicFactory } from 'ulid';
import type { SyncEventOf, SyncEventType } from '../../sync-server/protocol/index.ts';
import { getDb, interviewIdOf, type InterviewBuddyDb, type OutboxRecord } from './db.ts';
import { withStorageErrors } from './storage-errors.ts';

// Monotonic: two events in the same millisecond still sort in the order they were made.
const nextId = monotonicFactory();

/** An event as pushed: the envelope and body the protocol's `syncEvent` schema checks. */
export interface OutgoingEvent {
  id: string;
  seq: number;
  type: SyncEventType;
  at: string;
  payload: unknown;
}

/**
 * Appends an event. Must run inside a Dexie 'rw' transaction that includes `outbox` and `settings`:
 * the seq is read and bumped there, so concurrent writes (other tabs too) never share a seq and a
 * failed write leaves no event behind.
 */
export async function appendEvent<T extends SyncEventType>(
  db: InterviewBuddyDb,
  type: T,
  payload: SyncEventOf<T>['payload'],
  at: Date,
): Promise<OutboxRecord> {
  const tx = Dexie.currentTransaction;
  if (!tx || tx.mode !== 'readwrite' || !tx.storeNames.includes('outbox') || !tx.storeNames.includes('settings')) {
    throw new Error('appendEvent must run inside a readwrite transaction over outbox and settings');
  }
  const counter = await db.settings.get('seq');
  const seq = (typeof counter?.value === 'number' ? counter.value : 0) + 1;
  await db.settings.put({ key: 'seq', value: seq });
  const record: OutboxRecord = {
    id: nextId(at.getTime()),
    seq,
    type,
    at: at.toISOString(),
    payload,
    state: 'pending',
    rejectReason: null,
    interviewId: interviewIdOf(payload),
    sentAt: null,
  };
  await db.outbox.add(record);
  return record;
}

/** Pending events, oldest first, at most `limit`. */
export function listPendingEvents(limit: number): Promise<OutgoingEvent[]> {
  return withStorageErrors(async () => {
    const rows = await getDb()
      .outbox.where('[state+seq]')
      .between(['pending', Dexie.minKey], ['pending', Dexie.maxKey])
      .limit(limit)
      .toArray();
    return rows.map(({ id, seq, type, at, payload }) => ({ id, seq, type, at, payload }));
  });
}

export interface OutboxCounts {
  pending: number;
  rejected: number;
}

export function countOutbox(): Promise<OutboxCounts> {
  return withStorageErrors(async () => {
    const db = getDb();
    const [pending, rejected] = await Promise.all([
      db.outbox.where('state').equals('pending').count(),
      db.outbox.where('state').equals('rejected').count(),
    ]);
    return { pending, rejected };
  });
}

/** Events the server refused, newest first, with its reason. They are kept so the candidate sees them. */
export function listRejectedEvents(): Promise<OutboxRecord[]> {
  return withStorageErrors(async () => {
    const rows = await getDb().outbox.where('state').equals('rejected').sortBy('seq');
    return rows.reverse();
  });
}

/** Records what the server said about a batch. Only pending events change, so a late reply cannot undo a newer state. */
export function recordPushResult(result: { sent: string[]; rejected: Array<{ id: string; reason: string }> }, at: Date): Promise<void> {
  return withStorageErrors(async () => {
    const db = getDb();
    const sentAt = at.toISOString();
    await db.transaction('rw', db.outbox, async () => {
      const sent = new Set(result.sent);
      await db.outbox
        .where('id')
        .anyOf([...sent])
        .and((row) => row.state === 'pending')
        .modify({ state: 'sent', sentAt });
      for (const { id, reason } of result.rejected) {
        await db.outbox
          .where('id')
          .equals(id)
          .and((row) => row.state === 'pending')
          .modify({ state: 'rejected', rejectReason: reason });
      }
    });
    notifyOutboxChanged();
  });
}

/** Puts rejected events back in the queue, e.g. after the app was updated to fix what the server refused. */
export function retryRejectedEvents(): Promise<number> {
  return withStorageErrors(async () => {
    const count = await getDb().outbox.where('state').equals('rejected').modify({ state: 'pending', rejectReason: null });
    notifyOutboxChanged();
    return count;
  });
}

type Listener = () => void;
const listeners = new Set<Listener>();

/** The sync client listens here to push soon after each write. */
export function onOutboxChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called by the repositories after a transaction that appended events has committed. */
export function notifyOutboxChanged(): void {
  for (const listener of listeners) listener();
}
