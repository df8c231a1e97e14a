// Home: start a new interview, and the history of past ones (search, filter and sort them; open,
// continue, delete). The search and filters are the progress feature's (web/progress/).
import { A } from '@solidjs/router';
import { createSignal, For, Match, Show, Switch } from 'solid-js';
import type { InterviewRecord } from '../data/db.ts';
import { deleteEverything, deleteInterview, listInterviews } from '../data/interviews.ts';
import { createLiveQuery } from '../ui/live-query.ts';
import { focusElement, messageOf, usePageTitle } from '../ui/page.ts';
import { formatDateTime, formatOverall, INTERVIEW_TYPE_LABELS, overallLevel, SENIORITY_LABELS } from '../ui/format.ts';
import { useSyncSnapshot } from '../shell/sync-signal.ts';
import { FirstRunCard } from '../onboarding/FirstRunCard.tsx';
import { AssignedInterviews } from '../workspace/AssignedInterviews.tsx';
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

  // The organisation's name, when deleting here also deletes its copies at the next sync.
  const sharedWith = () => sync().orgName ?? null;

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
        <h1 id="home-title">{t('home:title')}</h1>
        <p>{t('home:intro')}</p>
        <A href="/new" class="button button-primary">
          {t('home:newInterview')}
        </A>
        <ul class="hero-points" aria-label={t('home:highlights.label')}>
          <li>{t('home:highlights.offline')}</li>
          <li>{t('home:highlights.private')}</li>
          <li>{t('home:highlights.transparent')}</li>
        </ul>
      </section>

      <AssignedInterviews />

      <section class="section" aria-labelledby="past-title">
        <div class="section-header">
          <h2 id="past-title" ref={pastHeading} tabindex="-1">
            {t('home:pastTitle')}
          </h2>
          <Show when={(interviews.value()?.length ?? 0) > 0}>
            <span class="row small">
              <span class="muted">{t('home:count', { count: interviews.value()?.length ?? 0 })}</span>
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
              <span class="spinner" aria-hidden="true" /> {t('home:loading')}
            </p>
          </Match>
          <Match when={(interviews.value()?.length ?? 0) === 0}>
            <div class="card empty-state">
              <img src="/favicon.svg" alt="" width="48" height="48" />
              <p>
                <strong>{t('home:empty.title')}</strong>
              </p>
              <p>{t('home:empty.text')}</p>
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
                        sharedWith={sharedWith()}
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

      {/* Decided from IndexedDB after the first paint: placed below the history, it shifts nothing. */}
      <FirstRunCard />

      <Show when={(interviews.value()?.length ?? 0) > 0}>
        <section class="danger-zone" aria-labelledby="delete-all-title">
          <div class="stack-tight">
            <h2 id="delete-all-title">{t('home:deleteAll.title')}</h2>
            <p class="muted small">{sharedWith() ? t('home:deleteAll.textShared', { org: sharedWith() }) : t('home:deleteAll.text')}</p>
            <Show
              when={confirming() === 'all'}
              fallback={
                <div>
                  <button type="button" class="button button-danger-outline" onClick={() => setConfirming('all')}>
                    {t('home:deleteAll.button')}
                  </button>
                </div>
              }
            >
              <ConfirmBox
                text={t('home:deleteAll.confirm', { count: interviews.value()?.length ?? 0 })}
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
  sharedWith: string | null;
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
          {SENIORITY_LABELS[iv().spec.seniority]} · {INTERVIEW_TYPE_LABELS[iv().spec.type]} · {t('home:item.questions', { count: iv().questionCount })}
          <br />
          <time datetime={iv().startedAt}>{formatDateTime(iv().startedAt)}</time>
        </p>
        <div class="row">
          <Show when={iv().status === 'in-progress'}>
            <span class="tag tag-accent">{t('home:item.inProgress')}</span>
          </Show>
          <Show when={iv().endedEarly}>
            <span class="tag tag-warning">{t('home:item.endedEarly')}</span>
          </Show>
          <Show when={iv().status === 'completed'}>
            <span class="tag">{iv().engineLabel}</span>
          </Show>
        </div>
      </div>
      <Show when={iv().overall !== null}>
        <span class="score-badge" data-level={overallLevel(iv().overall ?? 0)} title={t('home:item.scoreTitle')}>
          {formatOverall(iv().overall ?? 0)}
          <span class="visually-hidden"> {t('home:item.outOf100')}</span>
        </span>
      </Show>
      <div class="interview-actions">
        <Show
          when={iv().status === 'completed'}
          fallback={
            <A href={`/interview/${iv().id}`} class="button button-small button-primary">
              {t('home:item.continue')}
            </A>
          }
        >
          <A href={`/report/${iv().id}`} class="button button-small">
            {t('home:item.openReport')}
          </A>
        </Show>
        <Show when={!props.confirming}>
          <button type="button" class="button button-small button-danger-quiet" onClick={() => props.onAskDelete()}>
            {t('home:item.delete')}
          </button>
        </Show>
      </div>
      <Show when={props.confirming}>
        <div class="confirm-box">
          <ConfirmBox
            text={props.sharedWith ? t('home:item.confirmShared', { org: props.sharedWith }) : t('home:item.confirm')}
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
    <div class="stack-tight" role="group" aria-label={t('home:confirmBox.label')}>
      <p>{props.text}</p>
      <div class="row">
        <button type="button" class="button button-small button-danger" disabled={props.busy} onClick={() => props.onConfirm()}>
          {t('home:confirmBox.confirm')}
        </button>
        <button type="button" class="button button-small" ref={cancel} disabled={props.busy} onClick={() => props.onCancel()}>
          {t('home:confirmBox.cancel')}
        </button>
      </div>
    </div>
  );
}
