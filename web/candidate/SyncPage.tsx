// Sync: join an organisation with an invite code (opt-in sharing), then see how syncing is going,
// including any event the server refused and why.
import { createSignal, For, Match, onMount, Show, Switch } from 'solid-js';
import { listInterviews } from '../data/interviews.ts';
import { listRejectedEvents, retryRejectedEvents } from '../data/outbox.ts';
import { getCandidateName } from '../data/settings.ts';
import { useSyncSnapshot } from '../shell/sync-signal.ts';
import { getSyncClient, startSync } from '../sync/sync-client.ts';
import { describeSyncPhase, type SyncSnapshot } from '../sync/sync-state.ts';
import { formatDateTime, formatRelative, plural } from '../ui/format.ts';
import { createLiveQuery } from '../ui/live-query.ts';
import { messageOf, usePageTitle } from '../ui/page.ts';

const EVENT_LABELS: Record<string, string> = {
  'interview.started': 'Interview started',
  'turn.answered': 'Answer',
  'interview.completed': 'Interview finished',
  'interview.deleted': 'Interview deleted',
};

export default function SyncPage() {
  usePageTitle('Sync');
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
        <h1>Sync</h1>
        <p class="muted">
          Share your interview results with an organisation, such as a coach or a hiring team. Nothing leaves this device until you join one.
        </p>
      </div>

      <Show when={sync().phase === 'needs-rejoin'}>
        <div class="banner banner-error" role="alert">
          <div>
            <strong>Join again to keep sharing</strong>
            {sync().message}
          </div>
        </div>
      </Show>

      <Switch>
        <Match when={sync().phase === 'starting'}>
          <p class="loading" role="status">
            <span class="spinner" aria-hidden="true" /> Checking…
          </p>
        </Match>
        <Match when={!joined() || sync().phase === 'needs-rejoin'}>
          <JoinForm interviewCount={interviews.value()?.length ?? 0} rejoin={sync().phase === 'needs-rejoin'} />
        </Match>
        <Match when={joined()}>
          <section class="card stack" aria-labelledby="org-title">
            <div class="stack-tight">
              <p class="eyebrow">Sharing with</p>
              <h2 id="org-title">{sync().orgName}</h2>
            </div>
            <p class="status-line" data-testid="sync-status" data-phase={sync().phase}>
              <span class="sync-pill" data-phase={sync().phase} style={{ padding: '0', background: 'none' }}>
                <span class="sync-dot" aria-hidden="true" />
              </span>
              {statusText(sync())}
            </p>
            <dl class="facts">
              <dt>Your name</dt>
              <dd>{sync().candidateName}</dd>
              <dt>Waiting to send</dt>
              <dd>{plural(sync().pending, 'change')}</dd>
              <dt>Last synced</dt>
              <dd>{sync().lastSyncedAt ? formatRelative(sync().lastSyncedAt ?? 0) : 'Not yet'}</dd>
            </dl>
            <div class="row">
              <button
                type="button"
                class="button"
                disabled={sync().phase === 'syncing' || sync().phase === 'offline'}
                onClick={() => void client.syncNow()}
              >
                Sync now
              </button>
              <Show
                when={confirmLeave()}
                fallback={
                  <button type="button" class="button button-danger-quiet" onClick={() => setConfirmLeave(true)}>
                    Leave organisation
                  </button>
                }
              >
                <div class="confirm-box stack-tight" role="group" aria-labelledby="leave-text" style={{ width: '100%' }}>
                  <p id="leave-text">
                    Stop sharing with {sync().orgName}? What they already have stays with them until you delete it here. Changes not yet sent stay
                    on this device.
                  </p>
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
                      Stop sharing
                    </button>
                    <button type="button" class="button button-small" ref={(el) => queueMicrotask(() => el.focus())} onClick={() => setConfirmLeave(false)}>
                      Cancel
                    </button>
                  </div>
                </div>
              </Show>
            </div>
          </section>
        </Match>
      </Switch>

      <Show when={(rejected.value()?.length ?? 0) > 0}>
        <section class="card stack" aria-labelledby="rejected-title">
          <div class="stack-tight">
            <h2 id="rejected-title">Not accepted by the server</h2>
            <p class="muted small">
              The server refused these changes. They are kept here so nothing is lost silently. Updating the app may fix them; then try again.
            </p>
          </div>
          <ul class="rejected-list">
            <For each={rejected.value()}>
              {(event) => (
                <li>
                  <strong>{EVENT_LABELS[event.type] ?? event.type}</strong> · <time datetime={event.at}>{formatDateTime(event.at)}</time>
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
              Try these again
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
      return s.pending > 0 ? `Offline: ${plural(s.pending, 'change')} will sync when you're back online` : "Offline: you're up to date as of the last sync";
    case 'error':
      return `Error: ${s.message ?? 'sync failed'}${s.retryAt ? ' Retrying soon.' : ''}`;
    case 'syncing':
      return s.pending > 0 ? `Syncing ${plural(s.pending, 'change')}…` : 'Syncing…';
    default:
      return describeSyncPhase(s);
  }
}

function JoinForm(props: { interviewCount: number; rejoin: boolean }) {
  const client = getSyncClient();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [name, setName] = createSignal('');
  onMount(() => void getCandidateName().then((stored) => setName((current) => current || stored), () => undefined));

  async function join(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    setBusy(true);
    setError(null);
    try {
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
      <h2>{props.rejoin ? 'Join again' : 'Join an organisation'}</h2>
      <div class="form-grid">
        <div class="field">
          <label for="inviteCode">Invite code</label>
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
            From your coach or recruiter.
          </span>
        </div>
        <div class="field">
          <label for="candidateName">Your name</label>
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
            How interviewers will see you.
          </span>
        </div>
      </div>
      <p class="engine-note">
        Joining shares the interviews on this device
        {props.interviewCount > 0 ? ` (${plural(props.interviewCount, 'interview')} so far)` : ''} and the ones you do next. Drafts are never
        shared. Deleting an interview here deletes it from the organisation too.
      </p>
      <Show when={error()}>
        <p class="error" role="alert">
          {error()}
        </p>
      </Show>
      <div>
        <button type="submit" class="button button-primary" disabled={busy()}>
          <Show when={busy()} fallback="Join organisation">
            <span class="spinner" aria-hidden="true" /> Joining…
          </Show>
        </button>
      </div>
    </form>
  );
}
