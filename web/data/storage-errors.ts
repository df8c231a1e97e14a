// Turns storage failures into errors the UI can show, instead of crashes.
// Owns: recognising a full disk (QuotaExceededError, also when Dexie wraps it) and IndexedDB being
// unavailable (private browsing, disabled storage), and telling the UI about them.
// Must not import: Solid, the UI, the sync client.

export class StorageFullError extends Error {
  override name = 'StorageFullError';
  constructor(options?: { cause?: unknown }) {
    super(
      "Your device's storage is full. Nothing you saved was lost. Free some space (delete old interviews or other site data) and try again.",
      options,
    );
  }
}

export class StorageUnavailableError extends Error {
  override name = 'StorageUnavailableError';
  constructor(options?: { cause?: unknown }) {
    super(
      "This browser isn't letting Interview Buddy store anything, so interviews can't be saved. This happens in some private windows or when site data is blocked. Open the app in a normal window, or allow site data, and reload.",
      options,
    );
  }
}

export type StorageProblem = StorageFullError | StorageUnavailableError;

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
// No usable IndexedDB at all: Dexie's MissingAPIError, or a SecurityError when site data is blocked.
const UNAVAILABLE_NAMES = new Set(['MissingAPIError', 'SecurityError']);
// Opening failed in a way private modes cause (Firefox: InvalidStateError, older Safari: UnknownError).
const OPEN_REFUSED_NAMES = new Set(['InvalidStateError', 'UnknownError']);

/** True when `error`, or anything it wraps (`inner`, `cause`, failures of a bulk write), is a full disk. */
export function isQuotaError(error: unknown): boolean {
  return someInChain(error, (e) => QUOTA_NAMES.has(e.name) || e.code === 22 || e.code === 1014);
}

function isUnavailableError(error: unknown): boolean {
  if (someInChain(error, (e) => UNAVAILABLE_NAMES.has(e.name))) return true;
  return someInChain(error, (e) => e.name === 'OpenFailedError') && someInChain(error, (e) => OPEN_REFUSED_NAMES.has(e.name));
}

/** Maps a storage failure to StorageFullError or StorageUnavailableError; anything else comes back as it was. */
export function toStorageError(error: unknown): unknown {
  if (error instanceof StorageFullError || error instanceof StorageUnavailableError) return error;
  if (isQuotaError(error)) return new StorageFullError({ cause: error });
  if (isUnavailableError(error)) return new StorageUnavailableError({ cause: error });
  return error;
}

/** A problem, or null when a write succeeded after one (the banner can go). */
type Listener = (problem: StorageProblem | null) => void;
const listeners = new Set<Listener>();
let problemShown = false;

/** The app shell listens here to show a banner, whichever screen's write failed. */
export function onStorageProblem(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Notifies the shell of a problem found outside `withStorageErrors` (e.g. opening the database). */
export function reportStorageProblem(problem: StorageProblem): void {
  problemShown = true;
  for (const listener of listeners) listener(problem);
}

/**
 * Runs a storage operation; a full disk or missing IndexedDB is rethrown as the matching error and
 * announced to the shell, so callers only decide what to keep on screen (the typed text stays).
 */
export async function withStorageErrors<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    const mapped = toStorageError(error);
    if (mapped instanceof StorageFullError || mapped instanceof StorageUnavailableError) reportStorageProblem(mapped);
    throw mapped;
  }
}

/** Like `withStorageErrors`, for writes: one that succeeds after a full disk means space is back. */
export async function withStorageWrite<T>(operation: () => Promise<T>): Promise<T> {
  const result = await withStorageErrors(operation);
  if (problemShown) {
    problemShown = false;
    for (const listener of listeners) listener(null);
  }
  return result;
}

interface ErrorLike {
  name: string;
  code?: unknown;
}

function someInChain(error: unknown, test: (e: ErrorLike) => boolean, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 6) return false;
  const e = error as { name?: unknown; code?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (typeof e.name === 'string' && test({ name: e.name, code: e.code })) return true;
  if (someInChain(e.inner, test, depth + 1) || someInChain(e.cause, test, depth + 1)) return true;
  // Dexie's BulkError carries the failure of each row.
  if (Array.isArray(e.failures)) return e.failures.some((failure) => someInChain(failure, test, depth + 1));
  return false;
}
