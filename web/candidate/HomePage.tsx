// Home: start a new interview, and the history of past ones (search, filter and sort them; open,
// continue, delete). The search and filters are the progress feature's (web/progress/).
import { A } from '@solidjs/router';
import { createSignal, For, Match, Show, Switch } from 'solid-js';
import type { InterviewRecord } from '../data/db.ts';
import { deleteEverything, deleteInterview, listInterviews } from '../data/interviews.ts';
import { createLiveQuery } from '../ui/live-query.ts';
import { focusElement, messageOf, usePageTitle } from '../ui/page.ts';
import { formatDateTime, formatOverall, INTERVIEW_TYPE_LABELS, overallLevel, plural, SENIORITY_LABELS } from '../ui/format.ts';
import { useSyncSnapshot } from '../shell/sync-signal.ts';
import { FirstRunCard } from '../onboarding/FirstRunCard.tsx';
import { t } from '../i18n/i18n.ts';
import { useFilteredHistory } from '../progress/filtered-history.ts';
import { HistoryFilters } from '../progress/HistoryFilters.tsx';

export default function HomePage() {
  usePageTitle('');
  const interviews = createLiveQuery(listInterviews);
  const history = useFilteredHistory(interviews.value);
  const sync = useSyncSnapshot();
  // One confirmation open at a time: an interview's id, or 'all'.
  const [confirming, setConfirming] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  let pastHeading: HTMLHeadingElement | undefined;

  const sharedNote = () => (sync().orgName ? ` and, at the next sync, from ${sync().orgName}` : '');

  async function remove(action: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await action();
      setConfirming(null);
      focusElement(pastHeading);
    } catch (cause) {
      setError(messageOf(cause));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="stack">
      <section class="hero" aria-labelledby="home-title">
        <h1 id="home-title">Practise your next interview</h1>
        <p>
          Answer realistic questions at your own pace and get a scored report, with quotes from your own answers as evidence. It all
          runs on this device, offline too.
        </p>
        <A href="/new" class="button button-primary">
          New interview
        </A>
        <ul class="hero-points" aria-label="Highlights">
          <li>Works offline</li>
          <li>Private by default</li>
          <li>Transparent scoring</li>
        </ul>
      </section>

      <FirstRunCard />

      <section class="section" aria-labelledby="past-title">
        <div class="section-header">
          <h2 id="past-title" ref={pastHeading} tabindex="-1">
            Past interviews
          </h2>
          <Show when={(interviews.value()?.length ?? 0) > 0}>
            <span class="row small">
              <span class="muted">{plural(interviews.value()?.length ?? 0, 'interview')}</span>
              <A href="/progress">{t('progress:history.progressLink')}</A>
            </span>
          </Show>
        </div>

        <Show when={error()}>
          <p class="banner banner-error" role="alert">
            {error()}
          </p>
        </Show>

        <Switch>
          <Match when={interviews.error()}>
            <p class="card error" role="alert">
              {interviews.error()?.message}
            </p>
          </Match>
          <Match when={!interviews.loaded()}>
            <p class="loading" role="status">
              <span class="spinner" aria-hidden="true" /> Loading your interviews…
            </p>
          </Match>
          <Match when={(interviews.value()?.length ?? 0) === 0}>
            <div class="card empty-state">
              <img src="/favicon.svg" alt="" width="48" height="48" />
              <p>
                <strong>No interviews yet.</strong>
              </p>
              <p>Your finished interviews and their reports will be listed here.</p>
            </div>
          </Match>
          <Match when={interviews.value()}>
            {(list) => (
              <>
                <HistoryFilters control={history.control} total={list().length} shown={history.shown().length} />
                <Show when={history.shown().length === 0}>
                  <p class="card empty-state">{t('progress:history.noMatches')}</p>
                </Show>
                <ul class="interview-list">
                  <For each={history.shown()}>
                    {(interview) => (
                      <InterviewItem
                        interview={interview}
                        confirming={confirming() === interview.id}
                        busy={busy()}
                        sharedNote={sharedNote()}
                        onAskDelete={() => setConfirming(interview.id)}
                        onCancel={() => setConfirming(null)}
                        onConfirm={() => remove(() => deleteInterview(interview.id))}
                      />
                    )}
                  </For>
                </ul>
              </>
            )}
          </Match>
        </Switch>
      </section>

      <Show when={(interviews.value()?.length ?? 0) > 0}>
        <section class="danger-zone" aria-labelledby="delete-all-title">
          <div class="stack-tight">
            <h2 id="delete-all-title">Delete your data</h2>
            <p class="muted small">Removes every interview and report from this device{sharedNote()}. Your sync settings stay.</p>
            <Show
              when={confirming() === 'all'}
              fallback={
                <div>
                  <button type="button" class="button button-danger-outline" onClick={() => setConfirming('all')}>
                    Delete everything
                  </button>
                </div>
              }
            >
              <ConfirmBox
                text={`Delete all ${plural(interviews.value()?.length ?? 0, 'interview')}? This can't be undone.`}
                busy={busy()}
                onConfirm={() => remove(() => deleteEverything())}
                onCancel={() => setConfirming(null)}
              />
            </Show>
          </div>
        </section>
      </Show>
    </div>
  );
}

function InterviewItem(props: {
  interview: InterviewRecord;
  confirming: boolean;
  busy: boolean;
  sharedNote: string;
  onAskDelete: () => void;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const iv = () => props.interview;
  const headingId = () => `interview-${iv().id}`;
  return (
    <li class="card interview-item">
      <div class="stack-tight">
        <h3 id={headingId()}>{iv().spec.role}</h3>
        <p class="interview-meta">
          {SENIORITY_LABELS[iv().spec.seniority]} · {INTERVIEW_TYPE_LABELS[iv().spec.type]} · {plural(iv().questionCount, 'question')}
          <br />
          <time datetime={iv().startedAt}>{formatDateTime(iv().startedAt)}</time>
        </p>
        <div class="row">
          <Show when={iv().status === 'in-progress'}>
            <span class="tag tag-accent">In progress</span>
          </Show>
          <Show when={iv().endedEarly}>
            <span class="tag tag-warning">Ended early</span>
          </Show>
          <Show when={iv().status === 'completed'}>
            <span class="tag">{iv().engineLabel}</span>
          </Show>
        </div>
      </div>
      <Show when={iv().overall !== null}>
        <span class="score-badge" data-level={overallLevel(iv().overall ?? 0)} title="Overall score out of 100">
          {formatOverall(iv().overall ?? 0)}
          <span class="visually-hidden"> out of 100</span>
        </span>
      </Show>
      <div class="interview-actions">
        <Show
          when={iv().status === 'completed'}
          fallback={
            <A href={`/interview/${iv().id}`} class="button button-small button-primary">
              Continue interview
            </A>
          }
        >
          <A href={`/report/${iv().id}`} class="button button-small">
            Open report
          </A>
        </Show>
        <Show when={!props.confirming}>
          <button type="button" class="button button-small button-danger-quiet" onClick={() => props.onAskDelete()}>
            Delete
          </button>
        </Show>
      </div>
      <Show when={props.confirming}>
        <div class="confirm-box">
          <ConfirmBox
            text={`Delete this interview from this device${props.sharedNote}? This can't be undone.`}
            busy={props.busy}
            onConfirm={props.onConfirm}
            onCancel={props.onCancel}
          />
        </div>
      </Show>
    </li>
  );
}

/** An inline "are you sure": focus lands on Cancel, the safe choice. */
function ConfirmBox(props: { text: string; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  let cancel: HTMLButtonElement | undefined;
  queueMicrotask(() => cancel?.focus());
  return (
    <div class="stack-tight" role="group" aria-label="Confirm delete">
      <p>{props.text}</p>
      <div class="row">
        <button type="button" class="button button-small button-danger" disabled={props.busy} onClick={() => props.onConfirm()}>
          Confirm delete
        </button>
        <button type="button" class="button button-small" ref={cancel} disabled={props.busy} onClick={() => props.onCancel()}>
          Cancel
        </button>
      </div>
    </div>
  );
}
