// Which session an interviewer's access token belongs to, remembered for a moment, so that a page
// making several requests a second (the list, an interview, its review, compare) looks the token up
// once instead of per request. Every interviewer request passes this check; in bench:server the
// database lookup was the largest cost left in a cached read.
//
// What it must never do is let a revoked session through, so:
// - An answer is kept only while it passes (`ok`), at most MAX_AGE_MS, and never past the access
//   token's or the session's expiry: a token that expires is answered `expired` on time, by the store.
// - Every revocation (sign-out, a disabled or deleted member, a reused refresh token) calls
//   `forgetAll()` (read-cache/invalidating-store.ts does, for every caller of the store): this process
//   forgets at once, before the revoking request is answered; other processes when the event bus
//   delivers the message, and at the latest MAX_AGE_MS later if Redis lost it.
// - An answer read while a revocation happened is not kept (a generation counter, as the read cache's
//   versions).
// Owns: the remembered answers and their bus channel. Must not import: Hono, a database driver.
import type { AccessLookup } from '../db/store.ts';
import type { EventBus } from '../shared-state/event-bus.ts';

export const SESSION_CACHE_CHANNEL = 'sessions:revoked';
/** The longest a passing answer is reused: the bound on another process's delay after a lost bus message. */
export const MAX_AGE_MS = 2_000;

type Passing = Extract<AccessLookup, { ok: true }>;

export interface SessionCacheOptions {
  /** The store's lookup (Store.findAccessSession). */
  lookup: (accessHash: string, now: string) => Promise<AccessLookup>;
  bus: EventBus;
  maxEntries?: number;
  log?: (line: string) => void;
}

interface Entry {
  answer: Passing;
  checkedAtMs: number;
  /** The earlier of the token's and the session's expiry. */
  validBefore: string;
}

export class SessionCache {
  readonly #lookup: SessionCacheOptions['lookup'];
  readonly #bus: EventBus;
  readonly #maxEntries: number;
  readonly #log: (line: string) => void;
  readonly #entries = new Map<string, Entry>();
  #generation = 0;
  #listening = false;
  #stop: (() => Promise<void>) | null = null;

  constructor(options: SessionCacheOptions) {
    this.#lookup = options.lookup;
    this.#bus = options.bus;
    this.#maxEntries = options.maxEntries ?? 10_000;
    this.#log = options.log ?? ((line) => console.warn(line));
  }

  /** Subscribes to other processes' revocations; until this resolves every lookup goes to the store. */
  async start(): Promise<void> {
    if (this.#stop) return;
    this.#stop = await this.#bus.subscribe(SESSION_CACHE_CHANNEL, () => this.#forget());
    this.#listening = true;
  }

  async stop(): Promise<void> {
    this.#listening = false;
    this.#forget();
    await this.#stop?.();
    this.#stop = null;
  }

  /** Store.findAccessSession, answered from memory while a passing answer is fresh. `now` is an ISO time from the app's clock. */
  async find(accessHash: string, now: string): Promise<AccessLookup> {
    if (!this.#listening) return this.#lookup(accessHash, now);
    const nowMs = Date.parse(now);
    const entry = this.#entries.get(accessHash);
    if (entry && now < entry.validBefore && nowMs - entry.checkedAtMs < MAX_AGE_MS && nowMs >= entry.checkedAtMs) return entry.answer;
    const generation = this.#generation;
    const answer = await this.#lookup(accessHash, now);
    if (answer.ok && generation === this.#generation) {
      this.#entries.delete(accessHash);
      this.#entries.set(accessHash, { answer, checkedAtMs: nowMs, validBefore: answer.accessExpiresAt < answer.session.expiresAt ? answer.accessExpiresAt : answer.session.expiresAt });
      // Oldest first (Map order); a full cache only costs lookups.
      if (this.#entries.size > this.#maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    } else if (!answer.ok) {
      this.#entries.delete(accessHash);
    }
    return answer;
  }

  /** After any revocation commits, before it is answered. Never throws. */
  async forgetAll(): Promise<void> {
    this.#forget();
    await this.#bus.publish(SESSION_CACHE_CHANNEL, 'revoked').catch((error: unknown) => {
      this.#log(`Could not tell other server processes that a session was revoked (${(error as Error).message}); they stop accepting it within ${MAX_AGE_MS / 1000} s.`);
    });
  }

  get size(): number {
    return this.#entries.size;
  }

  #forget(): void {
    this.#generation++;
    this.#entries.clear();
  }
}
