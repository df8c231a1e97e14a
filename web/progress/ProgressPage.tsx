// The progress screen: what to practise next, one chart per rubric area and per speech metric, and
// personal bests, over the candidate's finished interviews, optionally for one interview type (kept
// in the URL as ?type=, like the history's filters). Everything is worked out here, on this device,
// from the stored interviews (history-reads.ts), and updates as interviews are added or deleted.
import { A, useSearchParams } from '@solidjs/router';
import { createMemo, For, Match, Show, Switch } from 'solid-js';
import type { InterviewRecord } from '../data/db.ts';
import { t } from '../i18n/i18n.ts';
import { createLiveQuery } from '../ui/live-query.ts';
import { messageOf, usePageTitle } from '../ui/page.ts';
import { niceScale, OVERALL_SCALE, RUBRIC_SCALE } from './chart-geometry.ts';
import { dimensionSeries, overallSeries } from './dimension-progress.ts';
import { HISTORY_TYPES } from './history-query.ts';
import { listHistoryWithTurns } from './history-reads.ts';
import { LineChart } from './LineChart.tsx';
import { nextPractice } from './next-practice.ts';
import { NextPracticeCard } from './NextPracticeCard.tsx';
import { personalBests } from './personal-bests.ts';
import { PersonalBestsSection } from './PersonalBestsSection.tsx';
import { dimensionName, formatOverallScore, formatPlain, formatScore, formatSpeech, interviewName, withUnit } from './progress-format.ts';
import { speechSeries, type SpeechMetricKey } from './speech-progress.ts';
import './progress.css';

export default function ProgressPage() {
  usePageTitle(() => t('progress:title'));
  const history = createLiveQuery(listHistoryWithTurns);
  const [params, setParams] = useSearchParams();
  const type = () => {
    const value = Array.isArray(params.type) ? params.type[0] : params.type;
    return (HISTORY_TYPES as readonly string[]).includes(value ?? '') ? value! : 'all';
  };

  const all = () => history.value() ?? [];
  const entries = createMemo(() => (type() === 'all' ? all() : all().filter((entry) => entry.interview.spec.type === type())));
  const interviews = createMemo(() => new Map<string, InterviewRecord>(all().map((entry) => [entry.interview.id, entry.interview])));
  const nameOf = (interviewId: string) => {
    const interview = interviews().get(interviewId);
    return interview ? interviewName(interview) : '';
  };

  const overall = createMemo(() => overallSeries(entries()));
  const dimensions = createMemo(() => dimensionSeries(entries()));
  const speech = createMemo(() => speechSeries(entries()));
  const bests = createMemo(() => personalBests(entries()));
  const suggestion = createMemo(() => nextPractice(entries()));
  const finished = createMemo(() => entries().filter((entry) => entry.interview.status === 'completed').length);
  const inProgress = createMemo(() => all().filter((entry) => entry.interview.status === 'in-progress').length);
  const charted = () => overall().length > 0 || dimensions().length > 0;

  return (
    <div class="stack progress-page">
      <div class="page-header">
        <h1>{t('progress:title')}</h1>
        <p class="muted">{t('progress:intro')}</p>
      </div>

      <Switch>
        <Match when={history.error()}>
          {(error) => (
            <p class="card error" role="alert">
              {t('progress:loadError', { message: messageOf(error()) })}
            </p>
          )}
        </Match>
        <Match when={!history.loaded()}>
          <p class="loading" role="status">
            <span class="spinner" aria-hidden="true" /> {t('progress:loading')}
          </p>
        </Match>
        <Match when={true}>
          <Show when={all().some((entry) => entry.interview.status === 'completed')}>
            <div class="progress-toolbar">
              <div class="field">
                <label for="progress-type">{t('progress:typeFilter.label')}</label>
                <select id="progress-type" class="select" value={type()} onChange={(event) => setParams({ type: event.currentTarget.value === 'all' ? undefined : event.currentTarget.value }, { scroll: false })}>
                  <option value="all" selected={type() === 'all'}>
                    {t('progress:typeFilter.all')}
                  </option>
                  <For each={HISTORY_TYPES}>
                    {(option) => (
                      <option value={option} selected={type() === option}>
                        {t(`progress:types.${option}`)}
                      </option>
                    )}
                  </For>
                </select>
              </div>
              <p class="muted small" data-testid="progress-count">
                {t('progress:countLine', { count: finished() })}
              </p>
            </div>
          </Show>

          <Show
            when={charted()}
            fallback={
              <div class="card empty-state" data-testid="progress-empty">
                <h2>{t('progress:empty.title')}</h2>
                <p>{type() === 'all' || all().length === 0 ? t('progress:empty.body') : t('progress:empty.filtered')}</p>
                <Show when={inProgress() > 0}>
                  <p class="muted small">{t('progress:empty.inProgress', { count: inProgress() })}</p>
                </Show>
                <div>
                  <A href="/new" class="button button-primary">
                    {t('progress:empty.start')}
                  </A>
                </div>
              </div>
            }
          >
            <Show when={suggestion()}>{(found) => <NextPracticeCard suggestion={found()} />}</Show>

            <section class="stack-tight" aria-labelledby="dimension-charts-title">
              <h2 id="dimension-charts-title">{t('progress:charts.dimensionsTitle')}</h2>
              <p class="muted small">{t('progress:charts.dimensionsIntro')}</p>
              <div class="progress-charts">
                <Show when={overall().length > 0}>
                  <LineChart
                    id="overall"
                    title={t('progress:charts.overall')}
                    points={overall()}
                    scale={OVERALL_SCALE}
                    formatTick={formatOverallScore}
                    formatValue={(value) => withUnit('overall', formatOverallScore(value))}
                    interviewName={nameOf}
                  />
                </Show>
                <For each={dimensions()}>
                  {(series) => (
                    <LineChart
                      id={`dimension-${series.key}`}
                      title={dimensionName(series.key, series.label)}
                      points={series.points}
                      scale={RUBRIC_SCALE}
                      formatTick={(value) => String(value)}
                      formatValue={(value) => withUnit('score', formatScore(value))}
                      interviewName={nameOf}
                    />
                  )}
                </For>
              </div>
            </section>

            <section class="stack-tight" aria-labelledby="speech-charts-title">
              <h2 id="speech-charts-title">{t('progress:charts.speechTitle')}</h2>
              <Show when={speech().length > 0} fallback={<p class="muted" data-testid="speech-progress-empty">{t('progress:charts.speechEmpty')}</p>}>
                <p class="muted small">{t('progress:charts.speechIntro')}</p>
                <div class="progress-charts">
                  <For each={speech()}>
                    {(series) => <SpeechChart metric={series.key} points={series.points} target={series.target} interviewName={nameOf} />}
                  </For>
                </div>
              </Show>
            </section>

            <PersonalBestsSection bests={bests()} interviews={interviews()} />
          </Show>
        </Match>
      </Switch>
    </div>
  );
}

function SpeechChart(props: { metric: SpeechMetricKey; points: Parameters<typeof LineChart>[0]['points']; target: { min: number; max: number }; interviewName: (id: string) => string }) {
  const format = (value: number) => formatSpeech(props.metric, value);
  const scale = createMemo(() => niceScale(props.points.map((point) => point.value), [props.target.min, props.target.max]));
  return (
    <LineChart
      id={`speech-${props.metric}`}
      title={t(`progress:speech.${props.metric}`)}
      points={props.points}
      scale={scale()}
      formatTick={formatPlain}
      formatValue={(value) => withUnit(props.metric, format(value))}
      interviewName={props.interviewName}
      target={{ ...props.target, text: t(`progress:targets.${props.metric}`, { min: formatPlain(props.target.min), max: formatPlain(props.target.max) }) }}
    />
  );
}
