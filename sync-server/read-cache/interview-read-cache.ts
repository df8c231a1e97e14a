// The interviewer's list and detail reads, kept as the JSON text they were sent as, per organisation,
// until that organisation's interviews change. Interviewers read far more often than devices push
// (every list page, every open interview, every reload, several interviewers at once), and a read
// served from here skips the database and JSON.stringify: in bench:server that is most of a read's CPU.
// Each text is kept as UTF-8 bytes and, once, gzipped: a browser (which always accepts gzip) gets the
// compressed bytes without the server compressing per request, as the app's static files are served.
//
// Correctness, not a time-to-live, decides what is served:
// - Every organisation has a version. A write that changes what these reads show (a push, a shared
//   recording) calls `invalidate(orgId)` after its commit and before it answers, so the writer's own
//   process never serves the old text, and a page that reloads after its write sees it.
// - An entry is stored with the version read BEFORE its database read began, so a read that raced a
//   write is kept only if no write finished meanwhile; otherwise it is served once and dropped.
// - Other processes (several instances on one PostgreSQL, with REDIS_URL) hear of the write on the
//   event bus and bump their version too. Until the message arrives (Redis delivers it before the
//   writer's reply leaves, in practice well under a millisecond) another instance may serve the text
//   from before the write; and a message lost while Redis reconnects is covered by MAX_AGE_MS, the
//   longest any entry is served. Until the cache's own subscription is live, it serves nothing.
// Bounded: at most `maxEntries` texts and `maxBytes` characters, the oldest dropped first.
// Owns: the entries, the versions and the bus channel. Must not import: Hono, the store, a database driver.
import { gzipSync } from 'node:zlib';
import type { EventBus } from '../shared-state/event-bus.ts';

export const READ_CACHE_CHANNEL = 'interview-reads:changed';
/** The longest an entry is served, whatever the bus says; covers a message lost during a Redis reconnect. */
export const MAX_AGE_MS = 5_000;

/** Texts shorter than this go uncompressed: gzip would save less than it costs. */
const GZIP_FROM_BYTES = 1_024;

/** A JSON text as it is sent. */
export interface CachedJson {
  utf8: Uint8Array<ArrayBuffer>;
  /** The same bytes gzipped; null when the text is short. */
  gzip: Uint8Array<ArrayBuffer> | null;
}

/** The body and headers for a client that sent `acceptEncoding` (Accept-Encoding). */
export function encodedFor(json: CachedJson, acceptEncoding: string | undefined): { body: Uint8Array<ArrayBuffer>; headers: Record<string, string> } {
  if (!json.gzip) return { body: json.utf8, headers: PLAIN };
  return acceptsGzip(acceptEncoding) ? { body: json.gzip, headers: GZIPPED } : { body: json.utf8, headers: PLAIN_VARYING };
}

const PLAIN = Object.freeze({ 'content-type': 'application/json' }) as Record<string, string>;
const PLAIN_VARYING = Object.freeze({ ...PLAIN, vary: 'Accept-Encoding' }) as Record<string, string>;
const GZIPPED = Object.freeze({ ...PLAIN_VARYING, 'content-encoding': 'gzip' }) as Record<string, string>;

// A browser sends the same Accept-Encoding with every request: remember the last answer.
let lastAcceptEncoding: string | undefined;
let lastAcceptsGzip = false;

function acceptsGzip(acceptEncoding: string | undefined): boolean {
  if (acceptEncoding === lastAcceptEncoding) return lastAcceptsGzip;
  lastAcceptEncoding = acceptEncoding;
  lastAcceptsGzip = parseAcceptsGzip(acceptEncoding);
  return lastAcceptsGzip;
}

function parseAcceptsGzip(acceptEncoding: string | undefined): boolean {
  if (!acceptEncoding) return false;
  const gzip = acceptEncoding
    .toLowerCase()
    .split(',')
    .map((part) => part.trim().split(';'))
    .find(([coding]) => coding?.trim() === 'gzip');
  if (!gzip) return false;
  const quality = gzip.slice(1).find((param) => param.trim().startsWith('q='));
  return quality === undefined || Number(quality.trim().slice(2)) > 0;
}

/** A text as it is sent: UTF-8, and gzipped once when it is long enough to gain from it. */
export function cachedJsonOf(text: string): CachedJson {
  const utf8 = Buffer.from(text, 'utf8');
  return { utf8, gzip: utf8.length >= GZIP_FROM_BYTES ? (gzipSync(utf8) as Uint8Array<ArrayBuffer>) : null };
}

/** A request URL's query string with its "?", or '': part of a list's cache key, as sent (no parse on a hit). */
export function searchOf(url: string): string {
  const at = url.indexOf('?');
  return at === -1 ? '' : url.slice(at);
}

export interface InterviewReadCacheOptions {
  bus: EventBus;
  now?: () => number;
  maxEntries?: number;
  /** Bytes held in all (UTF-8 and gzipped); 16 MiB by default. */
  maxBytes?: number;
  log?: (line: string) => void;
}

interface Entry {
  orgId: string;
  version: number;
  storedAt: number;
  json: CachedJson;
}

export interface CacheCounts {
  hits: number;
  misses: number;
}

export class InterviewReadCache {
  readonly #bus: EventBus;
  readonly #now: () => number;
  readonly #maxEntries: number;
  readonly #maxBytes: number;
  readonly #log: (line: string) => void;
  readonly #versions = new Map<string, number>();
  readonly #entries = new Map<string, Entry>();
  #bytes = 0;
  #listening = false;
  #stop: (() => Promise<void>) | null = null;
  readonly counts: CacheCounts = { hits: 0, misses: 0 };

  constructor(options: InterviewReadCacheOptions) {
    this.#bus = options.bus;
    this.#now = options.now ?? Date.now;
    this.#maxEntries = options.maxEntries ?? 2_000;
    this.#maxBytes = options.maxBytes ?? 16 * 1024 * 1024;
    this.#log = options.log ?? ((line) => console.warn(line));
  }

  /** Subscribes to other processes' invalidations; the cache serves nothing until this resolves. */
  async start(): Promise<void> {
    if (this.#stop) return;
    this.#stop = await this.#bus.subscribe(READ_CACHE_CHANNEL, (message) => {
      const orgId = parseOrgId(message);
      if (orgId) this.#bump(orgId);
      else this.#log(`Ignored a malformed interview-read invalidation: ${message.slice(0, 80)}`);
    });
    this.#listening = true;
  }

  async stop(): Promise<void> {
    this.#listening = false;
    this.clear();
    await this.#stop?.();
    this.#stop = null;
  }

  /**
   * The JSON text for `key` in `orgId`: the stored one while nothing changed, else `produce()`'s, stored
   * for next time. `produce` throwing stores nothing and throws on.
   */
  async serve(orgId: string, key: string, produce: () => Promise<string>): Promise<CachedJson> {
    if (!this.#listening) return { utf8: Buffer.from(await produce(), 'utf8'), gzip: null };
    const cacheKey = `${orgId}\n${key}`;
    const version = this.#versionOf(orgId);
    const entry = this.#entries.get(cacheKey);
    if (entry && entry.version === version && this.#now() - entry.storedAt < MAX_AGE_MS) {
      this.counts.hits++;
      return entry.json;
    }
    this.counts.misses++;
    const json = cachedJsonOf(await produce());
    if (this.#versionOf(orgId) === version) this.#store(cacheKey, { orgId, version, storedAt: this.#now(), json });
    return json;
  }

  /** After a write to `orgId`'s interviews commits, before it is answered: here at once, elsewhere via the bus. Never throws. */
  async invalidate(orgId: string): Promise<void> {
    this.#bump(orgId);
    await this.#bus.publish(READ_CACHE_CHANNEL, JSON.stringify({ orgId })).catch((error: unknown) => {
      this.#log(`Could not tell other server processes that organisation ${orgId}'s interviews changed (${(error as Error).message}); they serve their copies for at most ${MAX_AGE_MS / 1000} s more.`);
    });
  }

  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.#entries.size, bytes: this.#bytes };
  }

  #versionOf(orgId: string): number {
    return this.#versions.get(orgId) ?? 0;
  }

  #bump(orgId: string): void {
    this.#versions.set(orgId, this.#versionOf(orgId) + 1);
  }

  #store(cacheKey: string, entry: Entry): void {
    if (sizeOf(entry) > this.#maxBytes / 4) return;
    this.#delete(cacheKey);
    this.#entries.set(cacheKey, entry);
    this.#bytes += sizeOf(entry);
    // Map keeps insertion order: the first keys are the oldest.
    for (const [oldest] of this.#entries) {
      if (this.#entries.size <= this.#maxEntries && this.#bytes <= this.#maxBytes) break;
      this.#delete(oldest);
    }
  }

  #delete(cacheKey: string): void {
    const old = this.#entries.get(cacheKey);
    if (!old) return;
    this.#entries.delete(cacheKey);
    this.#bytes -= sizeOf(old);
  }
}

function sizeOf(entry: Entry): number {
  return entry.json.utf8.length + (entry.json.gzip?.length ?? 0);
}

function parseOrgId(message: string): string | null {
  try {
    const parsed = JSON.parse(message) as unknown;
    const orgId = (parsed as { orgId?: unknown } | null)?.orgId;
    return typeof orgId === 'string' && orgId.length > 0 && orgId.length <= 200 ? orgId : null;
  } catch {
    return null;
  }
}
