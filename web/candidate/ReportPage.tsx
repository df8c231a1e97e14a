// The report of a finished interview: the overall score, each rubric dimension with its reason and
// quotes from the answers as evidence, each question's breakdown, and which engine scored it and why.
import { A, useParams } from '@solidjs/router';
import { For, Match, Show, Switch } from 'solid-js';
import type { InterviewRecord, TurnRecord } from '../data/db.ts';
import { getInterview, type InterviewWithTurns } from '../data/interviews.ts';
import {
  dimensionLevel,
  ENGINE_KIND_LABELS,
  formatDate,
  formatDimension,
  formatDuration,
  formatOverall,
  INTERVIEW_TYPE_LABELS,
  overallLevel,
  plural,
  QUESTION_KIND_LABELS,
  SENIORITY_LABELS,
} from '../ui/format.ts';
import { createLoad } from '../ui/load.ts';
import { LoadStates } from '../ui/LoadStates.tsx';
import { usePageTitle } from '../ui/page.ts';
import { answerBehaviour, describeInterviewBehaviour, VISIBLE_BEHAVIOUR_NOTE } from '../ui/visible-behaviour.ts';
import { VisionTimeline } from './VisionTimeline.tsx';
import { SpeechDelivery } from './SpeechDelivery.tsx';
import { PrintHeader, ReportActions } from '../report/ReportActions.tsx';
import { chartQuestionsOf, ScoreChart } from '../report/ScoreChart.tsx';
import { ReplayLink } from '../replay/ReplayLink.tsx';

export default function ReportPage() {
  usePageTitle('Report');
  const params = useParams();
  const data = createLoad(() => params.id, (id) => getInterview(id));

  return (
    <LoadStates
      data={data()}
      loadingText="Opening the report…"
      errorTitle="Can't open this report"
      notFoundTitle="Report not found"
      notFoundText="This interview may have been deleted."
    >
      {(found) => (
        <Switch>
          <Match when={unfinished(found)}>
            {(loaded) => (
              <div class="card stack">
                <h1>Report</h1>
                <p>This interview isn't finished yet, so there is no report.</p>
                <div>
                  <A href={`/interview/${loaded().interview.id}`} class="button button-primary">
                    Continue interview
                  </A>
                </div>
              </div>
            )}
          </Match>
          <Match when={finished(found)}>{(loaded) => <Report interview={loaded().interview} turns={loaded().turns} />}</Match>
        </Switch>
      )}
    </LoadStates>
  );
}

function unfinished(data: InterviewWithTurns | null | undefined): InterviewWithTurns | undefined {
  return data && data.interview.status !== 'completed' ? data : undefined;
}

function finished(data: InterviewWithTurns | null | undefined): InterviewWithTurns | undefined {
  return data?.interview.status === 'completed' && data.interview.summary ? data : undefined;
}

function Report(props: { interview: InterviewRecord; turns: TurnRecord[] }) {
  const iv = () => props.interview;
  // Report is only rendered for completed interviews, which always have a summary.
  const summary = () => props.interview.summary!;
  const asked = () => props.turns.filter((t) => t.status !== 'open');
  const activeMs = () => props.turns.reduce((sum, t) => sum + t.activeMs, 0);
  const visibleBehaviour = () => describeInterviewBehaviour(asked().flatMap((t) => (t.vision?.length ? [answerBehaviour(t.vision)] : [])));
  // The interview's engine may not be what scored every answer: when it failed, a stand-in did, and
  // the report must not claim otherwise.
  const standIns = () => asked().filter((t) => t.score && t.score.engine !== iv().engine);
  const standInNote = () => {
    const scored = asked().filter((t) => t.score);
    const replaced = standIns();
    const summaryReplaced = summary().engine !== iv().engine;
    if (replaced.length === 0 && !summaryReplaced) return null;
    const who = ENGINE_KIND_LABELS[replaced[0]?.score?.engine ?? summary().engine];
    const what = replaced.length > 0 ? `${replaced.length} of ${plural(scored.length, 'answer')}${summaryReplaced ? ' and the summary' : ''}` : 'the summary';
    return `The interview started on ${iv().engineLabel}, but it could not be used for ${what}, so ${who} stood in. The note under each answer says why.`;
  };

  return (
    <div class="stack">
      <PrintHeader />
      <div class="page-header">
        <p class="eyebrow">{iv().spec.role}</p>
        <h1>Report</h1>
        <p class="muted">
          {SENIORITY_LABELS[iv().spec.seniority]} · {INTERVIEW_TYPE_LABELS[iv().spec.type]} · {formatDate(iv().completedAt ?? iv().startedAt)}
        </p>
      </div>
      <ReportActions interview={iv()} />
      <div class="no-print"><ReplayLink interviewId={iv().id} /></div>

      <section class="card stack" aria-labelledby="overall-title">
        <h2 id="overall-title" class="visually-hidden">
          Overall score
        </h2>
        <div class="score-hero">
          <div class="score-ring" style={{ '--value': String(Math.round(summary().overall)) }}>
            <div>
              <span class="score-ring-value" data-testid="overall-score">
                {formatOverall(summary().overall)}
              </span>
              <span class="score-ring-label">out of 100</span>
            </div>
          </div>
          <div class="stack-tight">
            <p>
              <strong>
                {plural(summary().answered, 'question')} answered
                <Show when={summary().skipped > 0}>, {summary().skipped} skipped</Show>
              </strong>
            </p>
            <p class="muted small">Active time {formatDuration(activeMs())}, pauses excluded.</p>
            <div class="row">
              <span class="tag tag-accent">{iv().engineLabel}</span>
              <Show when={standInNote()}>
                <span class="tag tag-warning" data-testid="stand-in">{ENGINE_KIND_LABELS[standIns()[0]?.score?.engine ?? summary().engine]} stood in</span>
              </Show>
              <Show when={iv().endedEarly}>
                <span class="tag tag-warning">Ended early</span>
              </Show>
            </div>
          </div>
        </div>
        <p class="engine-note">{iv().engineReason}</p>
        <Show when={standInNote()}>{(note) => <p class="engine-note warning-note" role="note">{note()}</p>}</Show>
      </section>

      <Show when={summary().dimensions.length > 0}>
        <section class="card stack" aria-labelledby="dimensions-title">
          <h2 id="dimensions-title">Scores by dimension</h2>
          <ul class="dimension-list">
            <For each={summary().dimensions}>
              {(dimension) => (
                <li class="dimension" data-testid="dimension">
                  <div class="dimension-label">{dimension.label}</div>
                  <div class="dimension-score">
                    {formatDimension(dimension.score)}
                    <span class="muted"> / 5</span>
                  </div>
                  <div class="meter" aria-hidden="true">
                    <span style={{ width: `${(dimension.score / 5) * 100}%` }} />
                  </div>
                </li>
              )}
            </For>
          </ul>
          <ScoreChart dimensions={summary().dimensions} questions={chartQuestionsOf(asked())} />
        </section>
      </Show>

      <div class="two-col">
        <section class="card stack-tight" aria-labelledby="strengths-title">
          <h2 id="strengths-title">Strengths</h2>
          <Show when={summary().strengths.length > 0} fallback={<p class="muted">Nothing stood out yet. Answer more questions to see strengths.</p>}>
            <ul class="bullet-list">
              <For each={summary().strengths}>{(item) => <li>{item}</li>}</For>
            </ul>
          </Show>
        </section>
        <section class="card stack-tight" aria-labelledby="improve-title">
          <h2 id="improve-title">To improve</h2>
          <Show when={summary().improvements.length > 0} fallback={<p class="muted">No specific improvements noted.</p>}>
            <ul class="bullet-list">
              <For each={summary().improvements}>{(item) => <li>{item}</li>}</For>
            </ul>
          </Show>
        </section>
      </div>

      <Show when={(summary().practicePlan ?? []).length > 0}>
        <section class="card stack-tight" aria-labelledby="plan-title">
          <h2 id="plan-title">Practice plan</h2>
          <ol class="bullet-list">
            <For each={summary().practicePlan}>{(item) => <li>{item}</li>}</For>
          </ol>
        </section>
      </Show>

      <Show when={visibleBehaviour()}>
        {(line) => (
          <section class="card stack-tight" aria-labelledby="camera-title" data-testid="visible-behaviour">
            <h2 id="camera-title">What the camera saw</h2>
            <p>{line()}</p>
            <p class="muted small">{VISIBLE_BEHAVIOUR_NOTE}</p>
          </section>
        )}
      </Show>

      <section class="stack" aria-labelledby="questions-title">
        <h2 id="questions-title">Question by question</h2>
        <Show when={asked().length > 0} fallback={<p class="card muted">No questions were answered in this interview.</p>}>
          <For each={asked()}>{(turn) => <TurnBreakdown turn={turn} />}</For>
        </Show>
        <Show when={props.turns.length > asked().length}>
          <p class="muted small">
            {plural(props.turns.length - asked().length, 'question')} not reached because the interview ended early.
          </p>
        </Show>
      </section>

      <div class="row no-print">
        <A href="/" class="button">
          Back to interviews
        </A>
        <A href="/new" class="button button-quiet">
          Practise again
        </A>
      </div>
    </div>
  );
}

function TurnBreakdown(props: { turn: TurnRecord }) {
  const t = () => props.turn;
  return (
    <article class="card stack turn-card" aria-labelledby={`turn-${t().index}`}>
      <div class="row spread">
        <span class="eyebrow">
          Question {t().index + 1} · {QUESTION_KIND_LABELS[t().question.kind]}
        </span>
        <Show when={t().score} fallback={<span class="tag">Skipped</span>}>
          {(score) => (
            <span class="score-badge" data-level={overallLevel(score().overall)}>
              {formatOverall(score().overall)}
              <span class="visually-hidden"> out of 100</span>
            </span>
          )}
        </Show>
      </div>
      <h3 id={`turn-${t().index}`}>{t().question.text}</h3>

      <Show when={(t().answer ?? '').trim().length > 0}>
        <details class="answer-details">
          <summary>Your answer</summary>
          <p class="pre-line">{t().answer}</p>
          <Show when={t().followUp}>{(followUp) => <p class="muted small">Follow-up asked: {followUp().question}</p>}</Show>
        </details>
      </Show>

      <Show when={t().voice?.words.length ? t().voice : null}>{(voice) => <SpeechDelivery voice={voice()} answer={t().answer ?? ''} />}</Show>

      <Show when={t().vision?.length ? t().vision : null}>{(samples) => <VisionTimeline samples={samples()} />}</Show>

      <Show when={t().score}>
        {(score) => (
          <>
            <ul class="turn-dimensions">
              <For each={score().dimensions}>
                {(dimension) => (
                  <li class="turn-dimension" data-level={dimensionLevel(dimension.score)}>
                    <div class="row spread">
                      <strong>{dimension.label}</strong>
                      <span class="dimension-score">
                        {dimension.score}
                        <span class="muted"> / 5</span>
                      </span>
                    </div>
                    <p class="muted small">{dimension.reason}</p>
                    <For each={dimension.evidence}>
                      {(quote) => (
                        <blockquote class="evidence">
                          <q>{quote}</q>
                        </blockquote>
                      )}
                    </For>
                  </li>
                )}
              </For>
            </ul>
            <Show when={score().feedback}>
              <p>{score().feedback}</p>
            </Show>
            <Show when={score().exampleAnswer}>
              <details class="answer-details">
                <summary>A stronger answer</summary>
                <p class="pre-line">{score().exampleAnswer}</p>
              </details>
            </Show>
            <Show when={score().flags.length > 0}>
              <div class="banner banner-warning">
                <div>
                  <strong>Noticed</strong>
                  <ul class="bullet-list">
                    <For each={score().flags}>{(flag) => <li>{flag}</li>}</For>
                  </ul>
                </div>
              </div>
            </Show>
          </>
        )}
      </Show>
    </article>
  );
}
