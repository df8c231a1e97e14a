// The sync status the UI shows (header, sync screen): a tiny observable store with no dependencies
// but the translations, so the first screen can show it before the sync client (and zod) has loaded.
// Owns: the shape of that status. Must not import: Solid components, Dexie, zod, fetch.
import { t } from '../i18n/i18n.ts';

export type SyncPhase =
  /** The sync client has not reported yet. */
  | 'starting'
  /** No organisation joined: nothing leaves the device. */
  | 'not-joined'
  | 'offline'
  | 'syncing'
  | 'up-to-date'
  /** The last attempt failed; another is scheduled at `retryAt`. */
  | 'error'
  /** The server no longer accepts this device's token: the candidate must join again. */
  | 'needs-rejoin';

export interface SyncSnapshot {
  phase: SyncPhase;
  /** For `error` and `needs-rejoin`: what went wrong, in words meant for the candidate (English). */
  message: string | null;
  /** For `error`: the error behind `message`, so the UI can say it in the interface language. */
  error?: unknown;
  pending: number;
  rejected: number;
  lastSyncedAt: number | null;
  retryAt: number | null;
  orgName: string | null;
  candidateName: string | null;
}

export const initialSyncSnapshot: SyncSnapshot = {
  phase: 'starting',
  message: null,
  pending: 0,
  rejected: 0,
  lastSyncedAt: null,
  retryAt: null,
  orgName: null,
  candidateName: null,
};

type Listener = (snapshot: SyncSnapshot) => void;

export interface SyncStore {
  get(): SyncSnapshot;
  update(patch: Partial<SyncSnapshot>): void;
  subscribe(listener: Listener): () => void;
}

export function createSyncStore(initial: SyncSnapshot = initialSyncSnapshot): SyncStore {
  let current = initial;
  const listeners = new Set<Listener>();
  return {
    get: () => current,
    update(patch) {
      current = { ...current, ...patch };
      for (const listener of listeners) listener(current);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The app's one store; the sync client writes it, the UI reads it. */
export const syncStore: SyncStore = createSyncStore();

/** A short label for the header and the sync screen, in the interface language. */
export function describeSyncPhase(snapshot: SyncSnapshot): string {
  return t(`sync:phase.${snapshot.phase}`);
}
