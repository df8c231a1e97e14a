// One shared interview in full: the summary, the review panel (controls, comments, overrides), and
// every answer with its score, evidence and what the candidate shared of it; followed live.
import { A, useParams } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { fetchInterview } from './api-client.ts';
import { InterviewReviewPanel } from './InterviewReviewPanel.tsx';
import { LiveFollow } from './LiveFollow.tsx';
import { SharedTurnExtras } from './SharedTurnExtras.tsx';
import type { EngineKind, Seniority } from '../../sync-server/protocol/index.ts';
import { intlLocale, t } from '../i18n/i18n.ts';
import { ENGINE_KIND_LABELS, formatDateTime, formatDuration, interviewTypeLabel, SENIORITY_LABELS } from '../ui/format.ts';
import { usePageTitle } from '../ui/page.ts';
import { problemText } from './problem-text.ts';

/** A 1–5 score with at most one decimal, written the interface language's way (3.5, 3,5). */
const dimensionScore = (score: number) => new Intl.NumberFormat(intlLocale(), { maximumFractionDigits: 1 }).format(score);

export default function InterviewDetailPage() {
  const params = useParams<{ id: string }>();
  const [detail, { mutate }] = createResource(() => params.id, fetchInterview);
  usePageTitle(() => detail()?.interview.candidateName ?? t('interviewer:list.title'));

  return (
    <div class="stack">
      <p>
        <A href="/interviewer/interviews">{t('interviewer:detail.back')}</A>
      </p>
      <LiveFollow interviewId={params.id} onUpdate={(next) => mutate(next)} />
      <Show when={!detail.error} fallback={<p class="error" role="alert">{problemText(detail.error)}</p>}>
        <Show when={detail()} fallback={<p role="status">{t('interviewer:detail.loading')}</p>}>
          {(data) => {
            const interview = () => data().interview;
            return (
              <>
                <header class="stack-tight">
                  <h1>{interview().candidateName}</h1>
                  <p class="muted">
                    {interview().role} · {SENIORITY_LABELS[interview().seniority as Seniority] ?? interview().seniority} · {interviewTypeLabel(interview().type)} ·{' '}
                    {formatDateTime(interview().startedAt)}
                    {interview().endedEarly ? ` · ${t('interviewer:detail.endedEarly')}` : ''}
                  </p>
                </header>
                <section class="card stack" aria-labelledby="summary-title">
                  <div class="row spread">
                    <h2 id="summary-title">{t('interviewer:detail.overall')}</h2>
                    <Show when={interview().overall !== null} fallback={<span class="muted">{t('interviewer:detail.notFinished')}</span>}>
                      <span class="score-badge" data-testid="interviewer-overall">
                        {Math.round(interview().overall!)}
                      </span>
                    </Show>
                  </div>
                  <p class="small muted">{interview().engine === 'basic'
                      ? t('interviewer:detail.basicEngine')
                      : t('interviewer:detail.scoredBy', { engine: ENGINE_KIND_LABELS[interview().engine as EngineKind] ?? interview().engine })}</p>
                  <Show when={interview().summary}>
                    {(summary) => (
                      <>
                        <ul class="interviewer-dimensions">
                          <For each={summary().dimensions}>
                            {(dimension) => (
                              <li data-testid="interviewer-dimension">
                                <span>{dimension.label}</span> <strong>{t('interviewer:detail.outOfFive', { score: dimensionScore(dimension.score) })}</strong>
                              </li>
                            )}
                          </For>
                        </ul>
                        <Show when={summary().strengths.length}>
                          <h3>{t('interviewer:detail.strengths')}</h3>
                          <ul>
                            <For each={summary().strengths}>{(item) => <li>{item}</li>}</For>
                          </ul>
                        </Show>
                        <Show when={summary().improvements.length}>
                          <h3>{t('interviewer:detail.improvements')}</h3>
                          <ul>
                            <For each={summary().improvements}>{(item) => <li>{item}</li>}</For>
                          </ul>
                        </Show>
                      </>
                    )}
                  </Show>
                </section>
                <InterviewReviewPanel interviewId={interview().id} turns={data().turns} />
                <For each={data().turns}>
                  {(turn) => (
                    <article class="card stack" aria-labelledby={`q-${turn.id}`}>
                      <div class="row spread">
                        <h2 id={`q-${turn.id}`} class="interviewer-question">
                          {turn.index + 1}. {turn.question.text}
                        </h2>
                        <Show when={turn.score}>{(score) => <span class="score-badge">{Math.round(score().overall)}</span>}</Show>
                      </div>
                      <p class="muted small">
                        {turn.skipped ? t('interviewer:detail.skipped') : t('interviewer:detail.answeredIn', { duration: formatDuration(turn.activeMs) })} · {formatDateTime(turn.answeredAt)}
                      </p>
                      <Show when={!turn.skipped} fallback={<p class="muted">{t('interviewer:detail.skippedNote')}</p>}>
                        <blockquote class="interviewer-answer">{turn.answer}</blockquote>
                      </Show>
                      <Show when={turn.score}>
                        {(score) => (
                          <>
                            <Show when={score().flags.length}>
                              <For each={score().flags}>{(flag) => <p class="error">{flag}</p>}</For>
                            </Show>
                            <ul class="interviewer-scores">
                              <For each={score().dimensions}>
                                {(dimension) => (
                                  <li>
                                    <div class="row spread">
                                      <strong>{dimension.label}</strong>
                                      <span>{t('interviewer:detail.outOfFive', { score: dimensionScore(dimension.score) })}</span>
                                    </div>
                                    <p class="small">{dimension.reason}</p>
                                    <For each={dimension.evidence}>{(quote) => <q class="interviewer-quote">{quote}</q>}</For>
                                  </li>
                                )}
                              </For>
                            </ul>
                          </>
                        )}
                      </Show>
                      <SharedTurnExtras interviewId={interview().id} turn={turn} />
                    </article>
                  )}
                </For>
              </>
            );
          }}
        </Show>
      </Show>
    </div>
  );
}
