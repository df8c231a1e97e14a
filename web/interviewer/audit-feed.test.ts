import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../sync-server/protocol/index.ts';
import { setUiLanguage } from '../i18n/i18n.ts';
import { AUDIT_AREAS, AuditFeed, type FetchAuditPage } from './audit-feed.ts';
import { auditActionText, auditActorText, auditDetailText, auditTargetText } from './audit-words.ts';

const ACTIONS = ['sign_in.failed', 'template.created', 'user.invited', 'assignment.created', 'control.sent', 'template.updated', 'sign_in.succeeded', 'interviews.exported'];

/** A log with several entries per second (ties on `at` are broken by id, as on the server). */
function log(count: number): AuditEntry[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `e${String(i).padStart(4, '0')}`,
    at: new Date(Date.UTC(2026, 10, 1, 9, 0, Math.floor(i / 3))).toISOString(),
    actor: { type: 'user' as const, id: 'u1', label: 'Ada' },
    action: ACTIONS[(i * 7) % ACTIONS.length]!,
    target: null,
    detail: {},
    ip: null,
  }))
    .sort((a, b) => (a.at === b.at ? b.id.localeCompare(a.id) : b.at.localeCompare(a.at)));
}

/** The server's contract: an action or an area (prefix before a dot), newest first, a cursor to go on from. */
function server(entries: AuditEntry[], failOn?: { call: number }): FetchAuditPage & { calls: number } {
  const fetchPage = (async ({ action, before, limit }) => {
    fetchPage.calls++;
    if (failOn && fetchPage.calls === failOn.call) throw new Error('offline');
    const after = before ? (JSON.parse(before) as [string, string]) : null;
    const matching = entries.filter(
      (entry) =>
        (!action || entry.action === action || entry.action.startsWith(`${action}.`)) &&
        (!after || entry.at < after[0] || (entry.at === after[0] && entry.id < after[1])),
    );
    const page = matching.slice(0, limit);
    const last = page[page.length - 1];
    return { entries: page, next: matching.length > limit && last ? JSON.stringify([last.at, last.id]) : null };
  }) as FetchAuditPage & { calls: number };
  fetchPage.calls = 0;
  return fetchPage;
}

async function drain(feed: AuditFeed): Promise<AuditEntry[][]> {
  const pages: AuditEntry[][] = [];
  while (!feed.done) pages.push(await feed.more());
  return pages;
}

describe('AuditFeed', () => {
  const entries = log(97);

  it('pages through everything in the server’s order', async () => {
    const pages = await drain(new AuditFeed(server(entries), AUDIT_AREAS.all, 20));
    expect(pages.map((page) => page.length)).toEqual([20, 20, 20, 20, 17]);
    expect(pages.flat().map((entry) => entry.id)).toEqual(entries.map((entry) => entry.id));
  });

  it('merges an area that needs several server filters into one ordered list, a page at a time', async () => {
    const expected = entries.filter((entry) => /^(template|assignment|control)\./.test(entry.action));
    const pages = await drain(new AuditFeed(server(entries), AUDIT_AREAS.templates, 7));
    expect(pages.slice(0, -1).every((page) => page.length === 7)).toBe(true);
    expect(pages.flat().map((entry) => entry.id)).toEqual(expected.map((entry) => entry.id));
  });

  it('loses nothing when a request fails part-way through a page', async () => {
    const expected = entries.filter((entry) => /^(template|assignment|control)\./.test(entry.action));
    const feed = new AuditFeed(server(entries, { call: 5 }), AUDIT_AREAS.templates, 7);
    const got: AuditEntry[] = [];
    let failures = 0;
    while (!feed.done) {
      try {
        got.push(...(await feed.more()));
      } catch {
        failures++;
      }
    }
    expect(failures).toBe(1);
    expect(got.map((entry) => entry.id)).toEqual(expected.map((entry) => entry.id));
  });

  it('is done at once on an empty log', async () => {
    const feed = new AuditFeed(server([]), AUDIT_AREAS.exports);
    expect(await feed.more()).toEqual([]);
    expect(feed.done).toBe(true);
  });
});

describe('audit words', () => {
  it('says known actions in words, in the interface language, and unknown ones verbatim', async () => {
    expect(auditActionText('sign_in.failed')).toBe('Sign-in failed');
    expect(auditActionText('template.updated')).toBe('Changed a template');
    expect(auditActionText('billing.plan_changed')).toBe('billing.plan_changed');
    await setUiLanguage('es');
    expect(auditActionText('sign_in.failed')).toBe('Inicio de sesión fallido');
    expect(auditTargetText('user:u1')).toBe('Usuario u1');
    await setUiLanguage('en');
  });

  it('summarises details, keeping fields it does not know', () => {
    expect(auditDetailText({ action: 'sign_in.failed', detail: { email: 'ada@acme.test', failures: 3 } })).toBe('email ada@acme.test · 3 failed attempts');
    expect(auditDetailText({ action: 'sign_in.failed', detail: { email: 'ada@acme.test', reason: 'disabled' } })).toBe('email ada@acme.test · the account is disabled');
    expect(auditDetailText({ action: 'score.overridden', detail: { override: 'o1', turn: 't1', dimension: 'clarity', from: 2, to: 4, reason: 'Missed it' } })).toBe('clarity: 2 → 4 · reason: “Missed it”');
    expect(auditDetailText({ action: 'interviews.exported', detail: { rows: 1, filters: { role: 'Data' } } })).toBe('1 row · filters: role=Data');
    expect(auditDetailText({ action: 'template.created', detail: { template: 'tp1', name: 'Backend', weights: 3 } })).toBe('name Backend · weights: 3');
    expect(auditDetailText({ action: 'sign_in.succeeded', detail: {} })).toBe('—');
    expect(auditTargetText('widget:9')).toBe('widget:9');
    expect(auditActorText({ type: 'anonymous', id: null, label: null })).toBe('Someone not signed in');
  });
});
