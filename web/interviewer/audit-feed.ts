// The audit log screen's paging. The server filters by one action or one area per request
// (GET /api/interviewer/audit?action=user), newest first, with a keyset cursor; an area of the screen
// may cover several (templates and settings are template.*, assignment.* and control.*). A feed keeps
// one cursor per server filter and merges their pages in the server's own order (at, then id, both
// descending), so "load older" always continues exactly where the last page stopped, however the
// streams interleave. A failed request loses nothing: what was already taken waits for the next try.
// Owns: audit areas → server filters, and the merge. Must not import: Solid, Dexie.
import type { AuditEntry, AuditPage } from '../../sync-server/protocol/index.ts';

export const AUDIT_AREAS = {
  all: [],
  signIns: ['sign_in', 'session'],
  team: ['user'],
  invites: ['invite_code', 'device'],
  exports: ['interviews.exported'],
  scores: ['score'],
  comments: ['comment'],
  deletions: ['interview.deleted', 'user.deleted'],
  templates: ['template', 'assignment', 'control'],
} as const satisfies Record<string, readonly string[]>;

export type AuditArea = keyof typeof AUDIT_AREAS;

export const AUDIT_AREA_NAMES = Object.keys(AUDIT_AREAS) as AuditArea[];

export function isAuditArea(value: unknown): value is AuditArea {
  return typeof value === 'string' && Object.hasOwn(AUDIT_AREAS, value);
}

export type FetchAuditPage = (query: { action?: string; before?: string; limit: number }) => Promise<Pick<AuditPage, 'entries' | 'next'>>;

interface Stream {
  action: string | undefined;
  buffer: AuditEntry[];
  next: string | null;
  started: boolean;
}

/** True when `a` comes before `b` in the log's order (newer first; the id breaks a tie, as the server does). */
function newer(a: AuditEntry, b: AuditEntry): boolean {
  return a.at > b.at || (a.at === b.at && a.id > b.id);
}

export class AuditFeed {
  private readonly streams: Stream[];
  private readonly seen = new Set<string>();
  /** Entries taken from the streams by a call that then failed: the next call hands them out first. */
  private pending: AuditEntry[] = [];

  constructor(
    private readonly fetchPage: FetchAuditPage,
    actions: readonly string[],
    private readonly pageSize = 50,
  ) {
    this.streams = (actions.length === 0 ? [undefined] : actions).map((action) => ({ action, buffer: [], next: null, started: false }));
  }

  /** True once every entry of the area has been handed out. */
  get done(): boolean {
    return this.pending.length === 0 && this.streams.every((stream) => stream.started && stream.next === null && stream.buffer.length === 0);
  }

  /** The next (older) entries, up to the page size, in the log's order; empty when done. */
  async more(): Promise<AuditEntry[]> {
    while (this.pending.length < this.pageSize) {
      const empty = this.streams.filter((stream) => stream.buffer.length === 0 && (!stream.started || stream.next !== null));
      await Promise.all(empty.map((stream) => this.fill(stream)));
      let best: Stream | undefined;
      for (const stream of this.streams) if (stream.buffer.length > 0 && (!best || newer(stream.buffer[0]!, best.buffer[0]!))) best = stream;
      if (!best) break;
      const entry = best.buffer.shift()!;
      // Areas whose filters overlap would list an entry twice.
      if (this.seen.has(entry.id)) continue;
      this.seen.add(entry.id);
      this.pending.push(entry);
    }
    const page = this.pending;
    this.pending = [];
    return page;
  }

  private async fill(stream: Stream): Promise<void> {
    const page = await this.fetchPage({
      ...(stream.action ? { action: stream.action } : {}),
      ...(stream.next ? { before: stream.next } : {}),
      limit: this.pageSize,
    });
    stream.started = true;
    stream.buffer.push(...page.entries);
    stream.next = page.next;
  }
}
