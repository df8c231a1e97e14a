// The sync client: joins an organisation with an invite code, then pushes the outbox and pulls
// changes whenever it can, and keeps `syncStore` telling the candidate where things stand.
// Owns: HTTP to /api/devices and /api/sync, retry timing, and what a failure means for the candidate.
// Must not import: Solid or the UI (the UI reads `syncStore`); it reaches storage only through data/.
// Nothing is sent before the candidate has joined: without a device token there is nothing to send with.
import {
  errorResponse,
  MAX_BODY_BYTES,
  MAX_EVENTS_PER_PUSH,
  PROTOCOL_VERSION,
  pullResponse,
  pushResponse,
  redeemRequest,
  redeemResponse,
  type DeviceChange,
} from '../../sync-server/protocol/index.ts';
import { applyWorkspaceChange } from '../data/workspace-inbox.ts';
import { countOutbox, listPendingEvents, onOutboxChanged, recordPushResult, type OutgoingEvent } from '../data/outbox.ts';
import {
  clearSyncIdentity,
  getDeviceId,
  getPullCursor,
  getSyncIdentity,
  markNeedsRejoin,
  savePullCursor,
  saveSyncIdentity,
  updateOrgName,
  type OrgRef,
  type SyncIdentity,
} from '../data/settings.ts';
import { backoffDelay } from './backoff.ts';
import { shareRecordings, shareableBatch } from './push-sharing.ts';
import { syncStore, type SyncStore } from './sync-state.ts';

/**
 * A request the server or the network refused; `message` is meant for the candidate, in English.
 * `code` names the case (the server's own code, such as `invite_expired`, when it sent one), so the
 * UI can say it in the interface language (web/ui/error-message.ts), with `count` where it needs one.
 */
export class SyncRequestError extends Error {
  override name = 'SyncRequestError';
  constructor(
    message: string,
    readonly status: number | null,
    readonly code: string = 'unexpected',
    readonly count?: number,
  ) {
    super(message);
  }
}

/** The server no longer accepts this device's token (revoked, expired, or the org removed it). */
export class DeviceUnauthorizedError extends Error {
  override name = 'DeviceUnauthorizedError';
  constructor() {
    super("Your organisation no longer accepts this device. Ask for a new invite code and join again; your interviews are still here.");
  }
}

export interface SyncClientOptions {
  fetch?: typeof fetch;
  /** Where the API lives; '' means the same origin as the app. */
  baseUrl?: string;
  now?: () => number;
  random?: () => number;
  isOnline?: () => boolean;
  setTimeout?: (callback: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
  /** How often to sync while nothing else prompts it. */
  intervalMs?: number;
  /** How long one request may take before it counts as failed. */
  requestTimeoutMs?: number;
  store?: SyncStore;
  /** Serialises syncing across tabs (Web Locks); without it each tab syncs on its own, which the server's idempotency tolerates. */
  withLock?: <T>(run: () => Promise<T>) => Promise<T>;
}

const MAX_PULL_PAGES = 20;
// JSON of the batch must fit the server's body limit; leave room for the envelope.
const BODY_BUDGET = MAX_BODY_BYTES - 4_096;

export class SyncClient {
  private readonly fetch: typeof fetch;
  private readonly baseUrl: string;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly isOnline: () => boolean;
  private readonly setTimer: (callback: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  private readonly intervalMs: number;
  private readonly requestTimeoutMs: number;
  private readonly withLock: <T>(run: () => Promise<T>) => Promise<T>;
  readonly store: SyncStore;

  private running: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private retryTimer: unknown = null;
  private retryAt: number | null = null;
  private soonTimer: unknown = null;

  constructor(options: SyncClientOptions = {}) {
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.baseUrl = options.baseUrl ?? '';
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.isOnline = options.isOnline ?? (() => globalThis.navigator?.onLine ?? true);
    this.setTimer = options.setTimeout ?? ((callback, ms) => globalThis.setTimeout(callback, ms));
    this.clearTimer = options.clearTimeout ?? ((handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>));
    this.intervalMs = options.intervalMs ?? 30_000;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 20_000;
    this.withLock = options.withLock ?? ((run) => run());
    this.store = options.store ?? syncStore;
  }

  /**
   * Syncs now, or, if a sync is already running, once more right after it (so a write made during a
   * sync is not left waiting for the interval). Never throws: failures land in the store.
   */
  syncNow(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.withLock(() => this.syncOnce());
        } while (this.again);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  /** Resolves when no sync is running (tests, and the UI's "Sync now" spinner). */
  whenIdle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  /**
   * Starts syncing on its own: now, after each write, when the browser comes online, when the tab
   * becomes visible, and on an interval. Returns a function that stops all of it.
   */
  start(target: Pick<Window, 'addEventListener' | 'removeEventListener'> | null = globalThis.window ?? null): () => void {
    const onOnline = () => {
      this.failures = 0;
      this.cancelRetry();
      void this.syncNow();
    };
    const onOffline = () => this.store.update({ phase: 'offline', retryAt: null });
    const onVisible = () => {
      if (globalThis.document?.visibilityState === 'visible') this.syncUnlessBackingOff();
    };
    const stopOutbox = onOutboxChanged(() => this.syncSoon());
    const interval = setInterval(() => this.syncUnlessBackingOff(), this.intervalMs);
    target?.addEventListener('online', onOnline);
    target?.addEventListener('offline', onOffline);
    globalThis.document?.addEventListener('visibilitychange', onVisible);
    void this.syncNow();
    return () => {
      stopOutbox();
      clearInterval(interval);
      this.cancelRetry();
      if (this.soonTimer !== null) this.clearTimer(this.soonTimer);
      target?.removeEventListener('online', onOnline);
      target?.removeEventListener('offline', onOffline);
      globalThis.document?.removeEventListener('visibilitychange', onVisible);
    };
  }

  /** Redeems an invite code, stores the device token, and syncs. Throws SyncRequestError with a message to show. */
  async join(input: { inviteCode: string; candidateName: string }): Promise<OrgRef> {
    if (!this.isOnline()) throw new SyncRequestError("You're offline. Connect to the internet to join an organisation.", null, 'offline');
    const parsed = redeemRequest.safeParse({
      v: PROTOCOL_VERSION,
      inviteCode: input.inviteCode.trim(),
      deviceId: await getDeviceId(),
      candidateName: input.candidateName.trim(),
    });
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path[0];
      throw new SyncRequestError(
        field === 'candidateName' ? 'Enter the name interviewers will see (up to 120 characters).' : 'Enter the invite code you were given (4 to 64 characters).',
        null,
        field === 'candidateName' ? 'invalid-name' : 'invalid-invite-code',
      );
    }
    const body = await this.request('/api/devices/redeem', { method: 'POST', body: JSON.stringify(parsed.data) }, null);
    const redeemed = redeemResponse.safeParse(body);
    if (!redeemed.success) throw new SyncRequestError('The server sent a reply this app does not understand. Try again later.', null, 'bad-reply');
    await saveSyncIdentity({ deviceToken: redeemed.data.deviceToken, org: redeemed.data.org, candidateName: parsed.data.candidateName });
    this.failures = 0;
    this.cancelRetry();
    void this.syncNow();
    return redeemed.data.org;
  }

  /** Stops sharing. Events not yet sent stay on the device and go out only if the candidate joins again. */
  async leave(): Promise<void> {
    this.cancelRetry();
    await clearSyncIdentity();
    await this.syncNow();
  }

  private async syncOnce(): Promise<void> {
    const identity = await getSyncIdentity();
    await this.refreshCounts(identity);
    if (!identity) {
      this.store.update({ phase: 'not-joined', message: null, retryAt: null });
      return;
    }
    if (identity.needsRejoin) {
      this.store.update({ phase: 'needs-rejoin', message: new DeviceUnauthorizedError().message, retryAt: null });
      return;
    }
    if (!this.isOnline()) {
      this.store.update({ phase: 'offline', message: null, retryAt: null });
      return;
    }
    this.cancelRetry();
    this.store.update({ phase: 'syncing', message: null, retryAt: null });
    try {
      await this.pushAll(identity);
      await shareRecordings((path, init) => this.request(path, init, identity.deviceToken));
      await this.pullAll(identity);
      this.failures = 0;
      this.store.update({ phase: 'up-to-date', message: null, lastSyncedAt: this.now(), retryAt: null });
    } catch (error) {
      await this.handleFailure(error);
    } finally {
      await this.refreshCounts(await getSyncIdentity().catch(() => identity));
    }
  }

  private async handleFailure(error: unknown): Promise<void> {
    if (error instanceof DeviceUnauthorizedError) {
      await markNeedsRejoin().catch(() => undefined);
      this.store.update({ phase: 'needs-rejoin', message: error.message, retryAt: null });
      return;
    }
    if (!this.isOnline()) {
      this.store.update({ phase: 'offline', message: null, retryAt: null });
      return;
    }
    this.failures += 1;
    const delay = backoffDelay(this.failures, this.random);
    this.retryAt = this.now() + delay;
    this.retryTimer = this.setTimer(() => {
      this.retryTimer = null;
      this.retryAt = null;
      void this.syncNow();
    }, delay);
    const shown = error instanceof SyncRequestError ? error : new SyncRequestError('Sync failed unexpectedly. It will try again shortly.', null, 'unexpected');
    if (!(error instanceof SyncRequestError)) console.error('sync failed', error);
    this.store.update({ phase: 'error', message: shown.message, error: shown, retryAt: this.retryAt });
  }

  private async pushAll(identity: SyncIdentity): Promise<void> {
    const deviceId = await getDeviceId();
    for (;;) {
      const pending = await listPendingEvents(MAX_EVENTS_PER_PUSH);
      if (pending.length === 0) return;
      // Filtered by the consent in force now, so a change applies to every event not yet sent.
      const batch = fitToBody(await shareableBatch(pending), deviceId);
      const body = await this.request(
        '/api/sync/push',
        { method: 'POST', body: JSON.stringify({ v: PROTOCOL_VERSION, deviceId, events: batch }) },
        identity.deviceToken,
      );
      const reply = pushResponse.safeParse(body);
      if (!reply.success) throw new SyncRequestError('The server sent a reply this app does not understand. Try again later.', null, 'bad-reply');
      const outcome = interpretPush(batch, reply.data);
      await recordPushResult(outcome, new Date(this.now()));
      // A reply that settles none of the batch would send the same batch forever.
      if (outcome.sent.length + outcome.rejected.length === 0) {
        throw new SyncRequestError(`The server did not confirm ${batch.length} event(s). They stay queued and will be sent again.`, null, 'unconfirmed', batch.length);
      }
    }
  }

  private async pullAll(identity: SyncIdentity): Promise<void> {
    let cursor = await getPullCursor();
    for (let page = 0; page < MAX_PULL_PAGES; page++) {
      const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
      const body = await this.request(`/api/sync/pull${query}`, { method: 'GET' }, identity.deviceToken);
      const reply = pullResponse.safeParse(body);
      if (!reply.success) throw new SyncRequestError('The server sent a reply this app does not understand. Try again later.', null, 'bad-reply');
      for (const change of reply.data.changes) await applyChange(change);
      const next = reply.data.cursor;
      if (next !== cursor) await savePullCursor(next);
      if (reply.data.changes.length === 0 || next === cursor) return;
      cursor = next;
    }
  }

  private async request(path: string, init: RequestInit, token: string | null): Promise<unknown> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (init.body) headers['content-type'] = init.body instanceof Blob ? init.body.type : 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await this.fetch(`${this.baseUrl}${path}`, {
        ...init,
        headers,
        signal: AbortSignal.timeout(this.requestTimeoutMs),
        cache: 'no-store',
      });
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      throw new SyncRequestError(
        timedOut ? 'The server took too long to answer. It will try again shortly.' : "Can't reach the server. It will try again shortly.",
        null,
        timedOut ? 'timeout' : 'unreachable',
      );
    }
    const body: unknown = await response.json().catch(() => null);
    if (response.status === 401 && token) throw new DeviceUnauthorizedError();
    if (!response.ok) {
      const parsed = errorResponse.safeParse(body);
      const message = parsed.success ? parsed.data.error.message : `The server had a problem (HTTP ${response.status}). It will try again shortly.`;
      throw new SyncRequestError(message, response.status, parsed.success ? parsed.data.error.code : 'server-status');
    }
    return body;
  }

  private syncSoon(): void {
    // Writes come in bursts (a turn, then the interview's completion); one sync covers them all.
    if (this.soonTimer !== null) this.clearTimer(this.soonTimer);
    this.soonTimer = this.setTimer(() => {
      this.soonTimer = null;
      this.syncUnlessBackingOff();
    }, 300);
  }

  private syncUnlessBackingOff(): void {
    if (this.retryAt !== null && this.retryAt > this.now()) {
      // Keep the pending count fresh even while waiting for the retry.
      void getSyncIdentity().then((identity) => this.refreshCounts(identity), () => undefined);
      return;
    }
    void this.syncNow();
  }

  private cancelRetry(): void {
    if (this.retryTimer !== null) this.clearTimer(this.retryTimer);
    this.retryTimer = null;
    this.retryAt = null;
  }

  private async refreshCounts(identity: SyncIdentity | null): Promise<void> {
    try {
      const counts = await countOutbox();
      this.store.update({ ...counts, orgName: identity?.org.name ?? null, candidateName: identity?.candidateName ?? null });
    } catch {
      // Storage problems are shown by the shell's banner; the counts just stay as they were.
    }
  }
}

/** Takes the longest prefix of `events` whose request body fits the server's limit (at least one event). */
export function fitToBody(events: OutgoingEvent[], deviceId: string): OutgoingEvent[] {
  let bytes = JSON.stringify({ v: PROTOCOL_VERSION, deviceId, events: [] }).length;
  const batch: OutgoingEvent[] = [];
  for (const event of events) {
    const size = new TextEncoder().encode(JSON.stringify(event)).length + 1;
    if (batch.length > 0 && bytes + size > BODY_BUDGET) break;
    batch.push(event);
    bytes += size;
  }
  return batch;
}

/** What a push reply means for each event of the batch. */
export function interpretPush(
  batch: OutgoingEvent[],
  reply: { acked: number; accepted: string[]; duplicates: string[]; rejected: Array<{ id: string; reason: string }> },
): { sent: string[]; rejected: Array<{ id: string; reason: string }> } {
  const rejected = reply.rejected.map(({ id, reason }) => {
    // The server names an event it could not read an id from by its position: `#<index>`.
    const position = /^#(\d+)$/.exec(id);
    const event = position ? batch[Number(position[1])] : undefined;
    return { id: event?.id ?? id, reason };
  });
  const rejectedIds = new Set(rejected.map((r) => r.id));
  const confirmed = new Set([...reply.accepted, ...reply.duplicates]);
  // `acked` says every event up to that seq was durably handled, listed or not.
  const sent = batch.filter((e) => !rejectedIds.has(e.id) && (confirmed.has(e.id) || e.seq <= reply.acked)).map((e) => e.id);
  return { sent, rejected };
}

async function applyChange(change: DeviceChange): Promise<void> {
  switch (change.type) {
    case 'org.joined':
      await updateOrgName(change.payload.orgName);
      break;
    default:
      await applyWorkspaceChange(change);
  }
}

let client: SyncClient | null = null;

/** The app's sync client, created on first use. */
export function getSyncClient(): SyncClient {
  client ??= new SyncClient({ withLock: webLock('interview-buddy-sync') });
  return client;
}

let stopRunning: (() => void) | null = null;

/**
 * Starts background syncing for the app, once: the shell calls it at start-up on a device that has
 * joined an organisation, and the join screen calls it right after joining.
 */
export function startSync(): () => void {
  stopRunning ??= getSyncClient().start();
  return () => {
    stopRunning?.();
    stopRunning = null;
  };
}

function webLock(name: string): SyncClientOptions['withLock'] {
  const locks = globalThis.navigator?.locks;
  if (!locks) return undefined;
  return <T,>(run: () => Promise<T>) => locks.request(name, run) as Promise<T>;
}
