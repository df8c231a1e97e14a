// Sync: join an organisation with an invite code (opt-in sharing), then see how syncing is going,
// including any event the server refused and why.
import { createSignal, For, Match, onMount, Show, Switch } from 'solid-js';
import { listInterviews } from '../data/interviews.ts';
import { listRejectedEvents, retryRejectedEvents } from '../data/outbox.ts';
import { getCandidateName } from '../data/settings.ts';
import { getSharingConsent, saveSharingConsent } from '../data/sharing-consent.ts';
import { DEFAULT_SHARING_CONSENT, type SharingConsent } from '../../sync-server/protocol/index.ts';
import { SharingChoices } from './SharingChoices.tsx';
import { useSyncSnapshot } from '../shell/sync-signal.ts';
import { getSyncClient, startSync } from '../sync/sync-client.ts';
import { t } from '../i18n/i18n.ts';
import { describeSyncPhase, type SyncSnapshot } from '../sync/sync-state.ts';
import { formatDateTime, formatRelative } from '../ui/format.ts';
import { createLiveQuery } from '../ui/live-query.ts';
import { messageOf, usePageTitle } from '../ui/page.ts';

const EVENT_TYPES = new Set(['interview.started', 'turn.answered', 'interview.completed', 'interview.deleted']);

/** The Sync page's consent card once joined: change what is shared, applied on the next sync. */
function SharingCard(props: { orgName: string }) {
  const [value, setValue] = createSignal<SharingConsent>(DEFAULT_SHARING_CONSENT);
  const [saved, setSaved] = createSignal<SharingConsent>(DEFAULT_SHARING_CONSENT);
  const [note, setNote] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  onMount(() =>
    void getSharingConsent().then((consent) => {
      setValue(consent);
      setSaved(consent);
    }, () => undefined),
  );
  async function save() {
    setBusy(true);
    try {
      const unchanged = JSON.stringify(value()) === JSON.stringify(saved());
      await saveSharingConsent(value());
      setSaved(value());
      setNote(unchanged ? t('sharing:unchanged') : t('sharing:saved'));
    } catch (cause) {
      setNote(t('sharing:failed', { message: messageOf(cause) }));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section class="card stack" aria-labelledby="sharing-card-title">
      <h2 id="sharing-card-title" class="visually-hidden">{t('sharing:title')}</h2>
      <SharingChoices value={value()} onChange={setValue} intro={t('sharing:intro', { org: props.orgName })} idPrefix="share" />
      <div class="row">
        <button type="button" class="button button-primary" disabled={busy()} onClick={() => void save()}>
          {busy() ? t('sharing:saving') : t('sharing:save')}
        </button>
        <p role="status" class="muted small" data-testid="sharing-status">
          {note()}
        </p>
      </div>
    </section>
  );
}

/** What an outbox event was, in words; an unknown type (from a newer app) as it is. */
function eventLabel(type: string): string {
  return EVENT_TYPES.has(type) ? t(`sync:rejected.events.${type.replace('.', '-')}`) : type;
}

export default function SyncPage() {
  usePageTitle(() => t('sync:title'));
  const sync = useSyncSnapshot();
  const client = getSyncClient();
  const rejected = createLiveQuery(listRejectedEvents);
  const interviews = createLiveQuery(listInterviews);
  const [confirmLeave, setConfirmLeave] = createSignal(false);
  const [leaving, setLeaving] = createSignal(false);

  onMount(() => void client.syncNow());

  const joined = () => sync().orgName !== null;

  return (
    <div class="stack">
      <div class="page-header">
        <h1>{t('sync:title')}</h1>
        <p class="muted">{t('sync:intro')}</p>
      </div>

      <Show when={sync().phase === 'needs-rejoin'}>
        <div class="banner banner-error" role="alert">
          <div>
            <strong>{t('sync:rejoinBanner')}</strong>
            {t('errors:sync.deviceUnauthorized')}
          </div>
        </div>
      </Show>

      <Switch>
        <Match when={sync().phase === 'starting'}>
          <p class="loading" role="status">
            <span class="spinner" aria-hidden="true" /> {t('sync:phase.starting')}
          </p>
        </Match>
        <Match when={!joined() || sync().phase === 'needs-rejoin'}>
          <JoinForm interviewCount={interviews.value()?.length ?? 0} rejoin={sync().phase === 'needs-rejoin'} />
        </Match>
        <Match when={joined()}>
          <section class="card stack" aria-labelledby="org-title">
            <div class="stack-tight">
              <p class="eyebrow">{t('sync:sharingWith')}</p>
              <h2 id="org-title">{sync().orgName}</h2>
            </div>
            <p class="status-line" data-testid="sync-status" data-phase={sync().phase}>
              <span class="sync-pill" data-phase={sync().phase} style={{ padding: '0', background: 'none' }}>
                <span class="sync-dot" aria-hidden="true" />
              </span>
              {statusText(sync())}
            </p>
            <dl class="facts">
              <dt>{t('sync:facts.name')}</dt>
              <dd>{sync().candidateName}</dd>
              <dt>{t('sync:facts.waiting')}</dt>
              <dd>{t('sync:changes', { count: sync().pending })}</dd>
              <dt>{t('sync:facts.lastSynced')}</dt>
              <dd>{sync().lastSyncedAt ? formatRelative(sync().lastSyncedAt ?? 0) : t('sync:facts.notYet')}</dd>
            </dl>
            <div class="row">
              <button
                type="button"
                class="button"
                disabled={sync().phase === 'syncing' || sync().phase === 'offline'}
                onClick={() => void client.syncNow()}
              >
                {t('sync:syncNow')}
              </button>
              <Show
                when={confirmLeave()}
                fallback={
                  <button type="button" class="button button-danger-quiet" onClick={() => setConfirmLeave(true)}>
                    {t('sync:leave.button')}
                  </button>
                }
              >
                <div class="confirm-box stack-tight" role="group" aria-labelledby="leave-text" style={{ width: '100%' }}>
                  <p id="leave-text">{t('sync:leave.confirm', { org: sync().orgName })}</p>
                  <div class="row">
                    <button
                      type="button"
                      class="button button-small button-danger"
                      disabled={leaving()}
                      onClick={async () => {
                        setLeaving(true);
                        await client.leave().catch(() => undefined);
                        setLeaving(false);
                        setConfirmLeave(false);
                      }}
                    >
                      {t('sync:leave.stop')}
                    </button>
                    <button type="button" class="button button-small" ref={(el) => queueMicrotask(() => el.focus())} onClick={() => setConfirmLeave(false)}>
                      {t('sync:leave.cancel')}
                    </button>
                  </div>
                </div>
              </Show>
            </div>
          </section>
          <SharingCard orgName={sync().orgName ?? ''} />
        </Match>
      </Switch>

      <Show when={(rejected.value()?.length ?? 0) > 0}>
        <section class="card stack" aria-labelledby="rejected-title">
          <div class="stack-tight">
            <h2 id="rejected-title">{t('sync:rejected.title')}</h2>
            <p class="muted small">{t('sync:rejected.intro')}</p>
          </div>
          <ul class="rejected-list">
            <For each={rejected.value()}>
              {(event) => (
                <li>
                  <strong>{eventLabel(event.type)}</strong> · <time datetime={event.at}>{formatDateTime(event.at)}</time>
                  <br />
                  <span>{event.rejectReason}</span>
                </li>
              )}
            </For>
          </ul>
          <div>
            <button
              type="button"
              class="button button-small"
              onClick={async () => {
                await retryRejectedEvents().catch(() => 0);
                void client.syncNow();
              }}
            >
              {t('sync:rejected.retry')}
            </button>
          </div>
        </section>
      </Show>
    </div>
  );
}

function statusText(s: SyncSnapshot): string {
  switch (s.phase) {
    case 'offline':
      return s.pending > 0 ? t('sync:status.offlinePending', { count: s.pending }) : t('sync:status.offlineUpToDate');
    case 'error': {
      const message = s.error ? messageOf(s.error) : (s.message ?? t('sync:status.syncFailed'));
      return t(s.retryAt ? 'sync:status.errorRetrying' : 'sync:status.error', { message });
    }
    case 'syncing':
      return s.pending > 0 ? t('sync:status.syncingPending', { count: s.pending }) : describeSyncPhase(s);
    default:
      return describeSyncPhase(s);
  }
}

function JoinForm(props: { interviewCount: number; rejoin: boolean }) {
  const client = getSyncClient();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [name, setName] = createSignal('');
  const [consent, setConsent] = createSignal<SharingConsent>(DEFAULT_SHARING_CONSENT);
  onMount(() => void getCandidateName().then((stored) => setName((current) => current || stored), () => undefined));
  onMount(() => void getSharingConsent().then(setConsent, () => undefined));

  async function join(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    setBusy(true);
    setError(null);
    try {
      // Saved (with its event) before joining, so the very first sync already goes by it.
      await saveSharingConsent(consent());
      await client.join({ inviteCode: String(data.get('inviteCode') ?? ''), candidateName: String(data.get('candidateName') ?? '') });
      startSync();
    } catch (cause) {
      setError(messageOf(cause));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card stack" onSubmit={join} novalidate>
      <h2>{props.rejoin ? t('sync:join.titleRejoin') : t('sync:join.title')}</h2>
      <div class="form-grid">
        <div class="field">
          <label for="inviteCode">{t('sync:join.inviteCode')}</label>
          <input
            id="inviteCode"
            name="inviteCode"
            class="input"
            required
            minlength="4"
            maxlength="64"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            aria-describedby="invite-hint"
          />
          <span id="invite-hint" class="hint">
            {t('sync:join.inviteHint')}
          </span>
        </div>
        <div class="field">
          <label for="candidateName">{t('sync:join.name')}</label>
          <input
            id="candidateName"
            name="candidateName"
            class="input"
            required
            maxlength="120"
            autocomplete="name"
            value={name()}
            onInput={(e) => setName(e.currentTarget.value)}
            aria-describedby="name-hint"
          />
          <span id="name-hint" class="hint">
            {t('sync:join.nameHint')}
          </span>
        </div>
      </div>
      <SharingChoices value={consent()} onChange={setConsent} intro={t('sharing:introBeforeJoin')} idPrefix="join-share" />
      <p class="engine-note">{props.interviewCount > 0 ? t('sync:join.whatIsSharedCount', { count: props.interviewCount }) : t('sync:join.whatIsShared')}</p>
      <Show when={error()}>
        <p class="error" role="alert">
          {error()}
        </p>
      </Show>
      <div>
        <button type="submit" class="button button-primary" disabled={busy()}>
          <Show when={busy()} fallback={t('sync:join.submit')}>
            <span class="spinner" aria-hidden="true" /> {t('sync:join.joining')}
          </Show>
        </button>
      </div>
    </form>
  );
}
