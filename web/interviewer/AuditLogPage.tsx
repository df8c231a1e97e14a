// The audit log, for admins (/interviewer/audit): who did what and when in the organisation, newest
// first, narrowed to one area (sign-ins, the team, exports…) and paged backwards with "load older".
// The area is kept in the address (?area=…), so a filtered view can be bookmarked and Back undoes a
// change of filter. An interviewer who opens the address is told plainly that it is for admins; the
// server refuses them the data as well.
// Owns: the audit screen. Must not import: Dexie.
import { useSearchParams } from '@solidjs/router';
import { createEffect, createMemo, createResource, createSignal, For, on, Show } from 'solid-js';
import type { AuditEntry } from '../../sync-server/protocol/index.ts';
import { t } from '../i18n/i18n.ts';
import { formatDateTime } from '../ui/format.ts';
import { usePageTitle } from '../ui/page.ts';
import { fetchAudit, fetchTeam } from './api-client.ts';
import { AUDIT_AREA_NAMES, AUDIT_AREAS, AuditFeed, isAuditArea, type AuditArea } from './audit-feed.ts';
import { auditActionText, auditActorText, auditDetailText, auditTargetText } from './audit-words.ts';
import { problemText } from './problem-text.ts';
import { me } from './session.ts';
import './audit.css';

const PAGE_SIZE = 50;

function AuditLog() {
  const [search, setSearch] = useSearchParams<{ area?: string }>();
  const area = (): AuditArea => (isAuditArea(search.area) ? search.area : 'all');
  const [entries, setEntries] = createSignal<AuditEntry[]>([]);
  const [loading, setLoading] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);
  const [done, setDone] = createSignal(false);
  let feed: AuditFeed | undefined;
  // Names for the targets' ids. Without them (the team failed to load) the ids are shown instead.
  const [team] = createResource(() => fetchTeam().catch(() => null));
  const names = createMemo(() => {
    const known = new Map<string, string>();
    for (const member of team()?.members ?? []) known.set(`user:${member.id}`, `${member.name} (${member.email})`);
    for (const invitation of team()?.invitations ?? []) known.set(`invitation:${invitation.id}`, invitation.email);
    return known;
  });

  const load = async () => {
    const current = feed;
    if (!current || loading()) return;
    setLoading(true);
    setError(null);
    try {
      const page = await current.more();
      // A change of area while this page was on its way: the old feed's entries are not wanted.
      if (current !== feed) return;
      setEntries((shown) => [...shown, ...page]);
      setDone(current.done);
    } catch (failure) {
      if (current === feed) setError(failure);
    } finally {
      if (current === feed) setLoading(false);
    }
  };

  createEffect(
    on(area, (chosen) => {
      feed = new AuditFeed((query) => fetchAudit(query), AUDIT_AREAS[chosen], PAGE_SIZE);
      setEntries([]);
      setDone(false);
      setLoading(false);
      void load();
    }),
  );

  const started = () => entries().length > 0 || done();

  return (
    <>
      <div class="row audit-filter">
        <label for="audit-area">{t('audit:filter.label')}</label>
        <select id="audit-area" class="select" value={area()} onChange={(event) => setSearch({ area: event.currentTarget.value === 'all' ? undefined : event.currentTarget.value })}>
          <For each={AUDIT_AREA_NAMES}>
            {(name) => (
              <option value={name} selected={name === area()}>
                {t(`audit:filter.${name}`)}
              </option>
            )}
          </For>
        </select>
      </div>

      <Show when={entries().length > 0}>
        {/* Focusable, so the keyboard can scroll a table wider than a phone. */}
        <div class="interviewer-table-wrap" tabindex="0" role="region" aria-label={t('audit:caption')}>
          <table class="interviewer-table audit-table" data-testid="audit-table">
            <caption class="visually-hidden">{t('audit:caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit:columns.when')}</th>
                <th scope="col">{t('audit:columns.who')}</th>
                <th scope="col">{t('audit:columns.action')}</th>
                <th scope="col">{t('audit:columns.target')}</th>
                <th scope="col">{t('audit:columns.detail')}</th>
                <th scope="col">{t('audit:columns.ip')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={entries()}>
                {(entry) => (
                  <tr data-testid="audit-entry" data-action={entry.action}>
                    <td class="audit-when">
                      <time datetime={entry.at}>{formatDateTime(entry.at)}</time>
                    </td>
                    <td>{auditActorText(entry.actor)}</td>
                    <th scope="row" class="audit-action">
                      {auditActionText(entry.action)}
                      <span class="muted small audit-code">{entry.action}</span>
                    </th>
                    <td class="audit-wrap">{auditTargetText(entry.target, names())}</td>
                    <td class="audit-wrap">{auditDetailText(entry)}</td>
                    <td class="interviewer-mono small">{entry.ip ?? t('audit:none')}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>

      <p class="muted small" role="status" data-testid="audit-status">
        {loading()
          ? entries().length > 0
            ? t('audit:loadingOlder')
            : t('audit:loading')
          : started()
            ? entries().length === 0
              ? area() === 'all'
                ? t('audit:empty')
                : t('audit:emptyFiltered')
              : `${t('audit:shown', { count: entries().length })}${done() ? ` · ${t('audit:end')}` : ''}`
            : ''}
      </p>

      <Show when={error() !== null}>
        <div class="row" role="alert">
          <p class="error">{t('audit:loadError', { message: problemText(error()) })}</p>
          <button type="button" class="button button-small" onClick={() => void load()}>
            {t('audit:retry')}
          </button>
        </div>
      </Show>

      <Show when={entries().length > 0 && !done()}>
        <div>
          <button type="button" class="button" disabled={loading()} onClick={() => void load()}>
            {t('audit:loadOlder')}
          </button>
        </div>
      </Show>
    </>
  );
}

export default function AuditLogPage() {
  usePageTitle(() => t('audit:title'));
  return (
    <div class="stack">
      <h1>{t('audit:title')}</h1>
      <Show when={me()} fallback={<p role="status">{t('interviewer:layout.loading')}</p>}>
        {(session) => (
          <Show
            when={session().user.role === 'admin'}
            fallback={
              <p class="card error" role="alert" data-testid="audit-refused">
                {t('audit:refused')}
              </p>
            }
          >
            <p class="muted">{t('audit:intro')}</p>
            <AuditLog />
          </Show>
        )}
      </Show>
    </div>
  );
}
