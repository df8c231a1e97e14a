import { A, useParams } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { fetchInterview } from './api-client.ts';
import { InterviewReviewPanel } from './InterviewReviewPanel.tsx';
import { LiveFollow } from './LiveFollow.tsx';
import { SharedTurnExtras } from './SharedTurnExtras.tsx';
import { formatDateTime, formatDuration, interviewTypeLabel } from '../ui/format.ts';

export default function InterviewDetailPage() {
  const params = useParams<{ id: string }>();
  const [detail, { mutate }] = createResource(() => params.id, fetchInterview);

  return (
    <div class="stack">
      <p>
        <A href="/interviewer/interviews">← All interviews</A>
      </p>
      <LiveFollow interviewId={params.id} onUpdate={(next) => mutate(next)} />
      <Show when={!detail.error} fallback={<p class="error" role="alert">{(detail.error as Error)?.message}</p>}>
        <Show when={detail()}>
          {(data) => {
            const interview = () => data().interview;
            return (
              <>
                <header class="stack-tight">
                  <h1>{interview().candidateName}</h1>
                  <p class="muted">
                    {interview().role} · {interview().seniority} · {interviewTypeLabel(interview().type)} · {formatDateTime(interview().startedAt)}
                    {interview().endedEarly ? ' · ended early' : ''}
                  </p>
                </header>
                <section class="card stack" aria-labelledby="summary-title">
                  <div class="row spread">
                    <h2 id="summary-title">Overall</h2>
                    <Show when={interview().overall !== null} fallback={<span class="muted">not finished</span>}>
                      <span class="score-badge" data-testid="interviewer-overall">
                        {Math.round(interview().overall!)}
                      </span>
                    </Show>
                  </div>
                  <p class="small muted">{interview().engine === 'basic' ? 'basic scoring: transparent rules, not an AI' : `scored by the ${interview().engine} engine`}</p>
                  <Show when={interview().summary}>
                    {(summary) => (
                      <>
                        <ul class="interviewer-dimensions">
                          <For each={summary().dimensions}>
                            {(dimension) => (
                              <li data-testid="interviewer-dimension">
                                <span>{dimension.label}</span> <strong>{dimension.score.toFixed(1)} / 5</strong>
                              </li>
                            )}
                          </For>
                        </ul>
                        <Show when={summary().strengths.length}>
                          <h3>Strengths</h3>
                          <ul>
                            <For each={summary().strengths}>{(item) => <li>{item}</li>}</For>
                          </ul>
                        </Show>
                        <Show when={summary().improvements.length}>
                          <h3>To improve</h3>
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
                        {turn.skipped ? 'Skipped' : `Answered in ${formatDuration(turn.activeMs)}`} · {formatDateTime(turn.answeredAt)}
                      </p>
                      <Show when={!turn.skipped} fallback={<p class="muted">The candidate skipped this question.</p>}>
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
                                      <span>{dimension.score} / 5</span>
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
