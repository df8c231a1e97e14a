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
  QUESTION_KIND_LABELS,
  SENIORITY_LABELS,
} from '../ui/format.ts';
import { createLoad } from '../ui/load.ts';
import { LoadStates } from '../ui/LoadStates.tsx';
import { usePageTitle } from '../ui/page.ts';
import { answerBehaviour, describeInterviewBehaviour, visibleBehaviourNote } from '../ui/visible-behaviour.ts';
import { t } from '../i18n/i18n.ts';
import { VisionTimeline } from './VisionTimeline.tsx';
import { SpeechDelivery } from './SpeechDelivery.tsx';
import { PrintHeader, ReportActions } from '../report/ReportActions.tsx';
import { chartQuestionsOf, ScoreChart } from '../report/ScoreChart.tsx';
import { ReplayLink } from '../replay/ReplayLink.tsx';
import { InterviewerNotes } from '../workspace/InterviewerNotes.tsx';
import { TemplateWeightsNote } from '../workspace/TemplateWeightsNote.tsx';

export default function ReportPage() {
  usePageTitle(() => t('report:title'));
  const params = useParams();
  const data = createLoad(() => params.id, (id) => getInterview(id));

  return (
    <LoadStates
      data={data()}
      loadingText={t('report:loading')}
      errorTitle={t('report:errorTitle')}
      notFoundTitle={t('report:notFoundTitle')}
      notFoundText={t('report:notFoundText')}
    >
      {(found) => (
        <Switch>
          <Match when={unfinished(found)}>
            {(loaded) => (
              <div class="card stack">
                <h1>{t('report:title')}</h1>
                <p>{t('report:unfinished')}</p>
                <div>
                  <A href={`/interview/${loaded().interview.id}`} class="button button-primary">
                    {t('report:continue')}
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
  const asked = () => props.turns.filter((turn) => turn.status !== 'open');
  const activeMs = () => props.turns.reduce((sum, turn) => sum + turn.activeMs, 0);
  const visibleBehaviour = () => describeInterviewBehaviour(asked().flatMap((turn) => (turn.vision?.length ? [answerBehaviour(turn.vision)] : [])));
  // The interview's engine may not be what scored every answer: when it failed, a stand-in did, and
  // the report must not claim otherwise.
  const standIns = () => asked().filter((turn) => turn.score && turn.score.engine !== iv().engine);
  const standInLabel = () => ENGINE_KIND_LABELS[standIns()[0]?.score?.engine ?? summary().engine];
  const standInNote = () => {
    const scored = asked().filter((turn) => turn.score);
    const replaced = standIns();
    const summaryReplaced = summary().engine !== iv().engine;
    if (replaced.length === 0 && !summaryReplaced) return null;
    const what =
      replaced.length > 0
        ? t(summaryReplaced ? 'report:standIn.answersAndSummary' : 'report:standIn.answers', { count: replaced.length, scored: scored.length })
        : t('report:standIn.summary');
    return t('report:standIn.note', { engine: iv().engineLabel, what, standIn: standInLabel() });
  };

  return (
    <div class="stack">
      <PrintHeader />
      <div class="page-header">
        <p class="eyebrow">{iv().spec.role}</p>
        <h1>{t('report:title')}</h1>
        <p class="muted">
          {SENIORITY_LABELS[iv().spec.seniority]} · {INTERVIEW_TYPE_LABELS[iv().spec.type]} · {formatDate(iv().completedAt ?? iv().startedAt)}
        </p>
      </div>
      <ReportActions interview={iv()} />
      <div class="no-print"><ReplayLink interviewId={iv().id} /></div>

      <section class="card stack" aria-labelledby="overall-title">
        <h2 id="overall-title" class="visually-hidden">
          {t('report:overallTitle')}
        </h2>
        <div class="score-hero">
          <div class="score-ring" style={{ '--value': String(Math.round(summary().overall)) }}>
            <div>
              <span class="score-ring-value" data-testid="overall-score">
                {formatOverall(summary().overall)}
              </span>
              <span class="score-ring-label">{t('report:outOf100')}</span>
            </div>
          </div>
          <div class="stack-tight">
            <p>
              <strong>
                {t('report:answered', { count: summary().answered })}
                <Show when={summary().skipped > 0}>{t('report:skipped', { count: summary().skipped })}</Show>
              </strong>
            </p>
            <p class="muted small">{t('report:activeTime', { duration: formatDuration(activeMs()) })}</p>
            <div class="row">
              <span class="tag tag-accent">{iv().engineLabel}</span>
              <Show when={standInNote()}>
                <span class="tag tag-warning" data-testid="stand-in">{t('report:standInTag', { engine: standInLabel() })}</span>
              </Show>
              <Show when={iv().endedEarly}>
                <span class="tag tag-warning">{t('report:endedEarly')}</span>
              </Show>
            </div>
          </div>
        </div>
        <p class="engine-note">{iv().engineReason}</p>
        <Show when={standInNote()}>{(note) => <p class="engine-note warning-note" role="note">{note()}</p>}</Show>
        <TemplateWeightsNote interviewId={iv().id} summary={summary()} />
      </section>

      <Show when={summary().dimensions.length > 0}>
        <section class="card stack" aria-labelledby="dimensions-title">
          <h2 id="dimensions-title">{t('report:dimensionsTitle')}</h2>
          <ul class="dimension-list">
            <For each={summary().dimensions}>
              {(dimension) => (
                <li class="dimension" data-testid="dimension">
                  <div class="dimension-label">{dimension.label}</div>
                  <div class="dimension-score">
                    {formatDimension(dimension.score)}
                    <span class="muted">{t('report:outOf5')}</span>
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
          <h2 id="strengths-title">{t('report:strengthsTitle')}</h2>
          <Show when={summary().strengths.length > 0} fallback={<p class="muted">{t('report:noStrengths')}</p>}>
            <ul class="bullet-list">
              <For each={summary().strengths}>{(item) => <li>{item}</li>}</For>
            </ul>
          </Show>
        </section>
        <section class="card stack-tight" aria-labelledby="improve-title">
          <h2 id="improve-title">{t('report:improveTitle')}</h2>
          <Show when={summary().improvements.length > 0} fallback={<p class="muted">{t('report:noImprovements')}</p>}>
            <ul class="bullet-list">
              <For each={summary().improvements}>{(item) => <li>{item}</li>}</For>
            </ul>
          </Show>
        </section>
      </div>

      <Show when={(summary().practicePlan ?? []).length > 0}>
        <section class="card stack-tight" aria-labelledby="plan-title">
          <h2 id="plan-title">{t('report:planTitle')}</h2>
          <ol class="bullet-list">
            <For each={summary().practicePlan}>{(item) => <li>{item}</li>}</For>
          </ol>
        </section>
      </Show>

      <Show when={visibleBehaviour()}>
        {(line) => (
          <section class="card stack-tight" aria-labelledby="camera-title" data-testid="visible-behaviour">
            <h2 id="camera-title">{t('report:cameraTitle')}</h2>
            <p>{line()}</p>
            <p class="muted small">{visibleBehaviourNote()}</p>
          </section>
        )}
      </Show>

      <InterviewerNotes interviewId={iv().id} turns={props.turns} />

      <section class="stack" aria-labelledby="questions-title">
        <h2 id="questions-title">{t('report:questionsTitle')}</h2>
        <Show when={asked().length > 0} fallback={<p class="card muted">{t('report:noQuestions')}</p>}>
          <For each={asked()}>{(turn) => <TurnBreakdown turn={turn} />}</For>
        </Show>
        <Show when={props.turns.length > asked().length}>
          <p class="muted small">{t('report:notReached', { count: props.turns.length - asked().length })}</p>
        </Show>
      </section>

      <div class="row no-print">
        <A href="/" class="button">
          {t('report:backToInterviews')}
        </A>
        <A href="/new" class="button button-quiet">
          {t('report:practiseAgain')}
        </A>
      </div>
    </div>
  );
}

function TurnBreakdown(props: { turn: TurnRecord }) {
  const turn = () => props.turn;
  return (
    <article class="card stack turn-card" aria-labelledby={`turn-${turn().index}`}>
      <div class="row spread">
        <span class="eyebrow">
          {t('report:turn.eyebrow', { number: turn().index + 1, kind: QUESTION_KIND_LABELS[turn().question.kind] })}
        </span>
        <Show when={turn().score} fallback={<span class="tag">{t('report:turn.skipped')}</span>}>
          {(score) => (
            <span class="score-badge" data-level={overallLevel(score().overall)}>
              {formatOverall(score().overall)}
              <span class="visually-hidden"> {t('report:outOf100')}</span>
            </span>
          )}
        </Show>
      </div>
      <h3 id={`turn-${turn().index}`}>{turn().question.text}</h3>

      <Show when={(turn().answer ?? '').trim().length > 0}>
        <details class="answer-details">
          <summary>{t('report:turn.yourAnswer')}</summary>
          <p class="pre-line">{turn().answer}</p>
          <Show when={turn().followUp}>{(followUp) => <p class="muted small">{t('report:turn.followUp', { question: followUp().question })}</p>}</Show>
        </details>
      </Show>

      <Show when={turn().voice?.words.length ? turn().voice : null}>{(voice) => <SpeechDelivery voice={voice()} answer={turn().answer ?? ''} />}</Show>

      <Show when={turn().vision?.length ? turn().vision : null}>{(samples) => <VisionTimeline samples={samples()} />}</Show>

      <Show when={turn().score}>
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
                        <span class="muted">{t('report:outOf5')}</span>
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
                <summary>{t('report:turn.strongerAnswer')}</summary>
                <p class="pre-line">{score().exampleAnswer}</p>
              </details>
            </Show>
            <Show when={score().flags.length > 0}>
              <div class="banner banner-warning">
                <div>
                  <strong>{t('report:turn.noticed')}</strong>
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
