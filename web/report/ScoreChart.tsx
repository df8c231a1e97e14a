// The rubric dimensions as a chart: a bar per dimension for the average, and a numbered dot for each
// question's score, so the spread across answers shows at a glance. SVG, so it prints sharp and its
// labels are real text in a PDF. Screen readers get the same numbers as a table; the drawing itself is
// hidden from them.
import { For, Show } from 'solid-js';
import { intlLocale, t } from '../i18n/i18n.ts';
import { CHART, layoutScoreChart, type ChartDimension, type ChartQuestion } from './score-chart-layout.ts';
import './score-chart.css';

export function ScoreChart(props: { dimensions: ChartDimension[]; questions: ChartQuestion[] }) {
  const layout = () => layoutScoreChart(props.dimensions, props.questions);
  const number = (value: number) => new Intl.NumberFormat(intlLocale(), { maximumFractionDigits: 1 }).format(value);

  return (
    <figure class="score-chart" data-testid="score-chart">
      <svg class="score-chart-svg" viewBox={`0 0 ${CHART.width} ${layout().height}`} aria-hidden="true">
        <text class="score-chart-axis-title" x={CHART.plotLeft} y="12">
          {t('data:chart.axis')}
        </text>
        <For each={layout().ticks}>
          {(tick) => (
            <>
              <line class="score-chart-grid" x1={tick.x} x2={tick.x} y1={CHART.top - 8} y2={layout().height - 4} />
              <Show when={tick.value > 0}>
                <text class="score-chart-tick" x={tick.x} y={CHART.top - 14} text-anchor="middle">
                  {tick.value}
                </text>
              </Show>
            </>
          )}
        </For>
        <For each={layout().rows}>
          {(row) => (
            <g>
              <text class="score-chart-label" x={CHART.labelWidth} y={row.textY} text-anchor="end">
                {row.shortLabel}
              </text>
              <rect class="score-chart-bar" x={CHART.plotLeft} y={row.y} width={Math.max(1, row.barWidth)} height={CHART.barHeight} rx="3" />
              <text class="score-chart-value" x={CHART.plotLeft + row.barWidth + 6} y={row.textY}>
                {number(row.score)}
              </text>
              <For each={row.dots}>
                {(dot) => (
                  <g>
                    <circle class="score-chart-dot" cx={dot.cx} cy={dot.cy} r={CHART.dotRadius} />
                    <text class="score-chart-dot-label" x={dot.cx} y={dot.cy + 3.5} text-anchor="middle">
                      {dot.number}
                    </text>
                  </g>
                )}
              </For>
            </g>
          )}
        </For>
      </svg>
      <figcaption class="score-chart-legend small">
        <span class="visually-hidden">{t('data:chart.title')}. </span>
        <span class="score-chart-key score-chart-key-bar" aria-hidden="true" /> {t('data:chart.legendMean')}
        <Show when={props.questions.length > 0}>
          {' · '}
          <span class="score-chart-key score-chart-key-dot" aria-hidden="true" /> {t('data:chart.legendQuestion')}
        </Show>
      </figcaption>
      <table class="visually-hidden score-chart-table">
        <caption>{t('data:chart.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('data:chart.dimension')}</th>
            <th scope="col">{t('data:chart.average')}</th>
            <For each={props.questions}>{(question) => <th scope="col">{t('data:chart.question', { number: question.number })}</th>}</For>
          </tr>
        </thead>
        <tbody>
          <For each={props.dimensions}>
            {(dimension) => (
              <tr>
                <th scope="row">{dimension.label}</th>
                <td>{number(dimension.score)}</td>
                <For each={props.questions}>
                  {(question) => <td>{question.scores[dimension.key] !== undefined ? number(question.scores[dimension.key]!) : t('data:chart.notScored')}</td>}
                </For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </figure>
  );
}

/** The chart's questions from the report's turns: each scored answer, numbered as the report numbers them. */
export function chartQuestionsOf(turns: readonly { index: number; score: { dimensions: { key: string; score: number }[] } | null }[]): ChartQuestion[] {
  return turns.flatMap((turn) =>
    turn.score ? [{ number: turn.index + 1, scores: Object.fromEntries(turn.score.dimensions.map((dimension) => [dimension.key, dimension.score])) }] : [],
  );
}
