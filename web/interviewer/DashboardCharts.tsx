// Hand-drawn SVG charts for the operator dashboard. Each chart is an image with a one-line summary for
// screen readers, followed by the same numbers as a table (the text alternative, also for anyone who
// wants exact values). Colours come from the CSS variables in dashboard.css, so dark mode follows.
import { For, Show } from 'solid-js';
import { t } from '../i18n/i18n.ts';

export interface Bar {
  label: string;
  value: number;
  /** The value as the table and the bar's end label write it. */
  display: string;
  over?: boolean;
}

const LABEL_WIDTH = 210;
const CHART_WIDTH = 640;
const ROW = 30;

function ChartTable(props: { caption: string; headers: string[]; rows: string[][] }) {
  return (
    <details class="dashboard-table">
      <summary>{t('dashboard:chart.showTable')}</summary>
      <div class="interviewer-table-wrap">
        <table class="interviewer-table">
          <caption>{props.caption}</caption>
          <thead>
            <tr>
              <For each={props.headers}>{(header) => <th scope="col">{header}</th>}</For>
            </tr>
          </thead>
          <tbody>
            <For each={props.rows}>
              {(row) => (
                <tr>
                  <For each={row}>{(cell, i) => (i() === 0 ? <th scope="row">{cell}</th> : <td>{cell}</td>)}</For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </details>
  );
}

/**
 * Horizontal bars, one per row, scaled to `max` (at least the largest value and the threshold), with an
 * optional dashed threshold line; a bar over the threshold is marked with a "!" as well as its colour.
 */
export function HorizontalBars(props: {
  title: string;
  summary: string;
  bars: Bar[];
  max?: number;
  threshold?: { value: number; label: string };
  headers: [string, string];
  empty: string;
}) {
  const max = () => Math.max(props.max ?? 0, props.threshold?.value ?? 0, ...props.bars.map((bar) => bar.value), 1e-9);
  const plot = CHART_WIDTH - LABEL_WIDTH - 70;
  const x = (value: number) => LABEL_WIDTH + (plot * Math.min(value, max())) / max();
  const height = () => props.bars.length * ROW + 24;
  return (
    <figure class="dashboard-chart">
      <figcaption>{props.title}</figcaption>
      <Show when={props.bars.length > 0} fallback={<p class="muted">{props.empty}</p>}>
        <div class="dashboard-chart-scroll" tabindex="0" role="group" aria-label={props.title}>
          <svg viewBox={`0 0 ${CHART_WIDTH} ${height()}`} role="img" aria-label={props.summary} preserveAspectRatio="xMinYMin meet">
            <For each={props.bars}>
              {(bar, i) => (
                <g transform={`translate(0 ${i() * ROW + 4})`}>
                  <text class="dashboard-chart-label" x={LABEL_WIDTH - 8} y={ROW / 2 + 4} text-anchor="end">
                    {bar.label.length > 30 ? `…${bar.label.slice(-29)}` : bar.label}
                  </text>
                  <rect class={bar.over ? 'dashboard-bar dashboard-bar-over' : 'dashboard-bar'} x={LABEL_WIDTH} y={4} height={ROW - 10} width={Math.max(x(bar.value) - LABEL_WIDTH, bar.value > 0 ? 2 : 0)} rx={3} />
                  <text class="dashboard-chart-value" x={x(bar.value) + 6} y={ROW / 2 + 4}>
                    {bar.over ? `${bar.display} !` : bar.display}
                  </text>
                </g>
              )}
            </For>
            <Show when={props.threshold}>
              {(threshold) => (
                <g>
                  <line class="dashboard-threshold-line" x1={x(threshold().value)} x2={x(threshold().value)} y1={0} y2={height() - 18} />
                  <text class="dashboard-chart-label" x={x(threshold().value)} y={height() - 4} text-anchor="middle">
                    {threshold().label}
                  </text>
                </g>
              )}
            </Show>
          </svg>
        </div>
      </Show>
      <ChartTable caption={props.title} headers={props.headers} rows={props.bars.map((bar) => [bar.label, bar.over ? `${bar.display} (${t('dashboard:overThreshold')})` : bar.display])} />
    </figure>
  );
}

/** Started and completed interviews per day as paired columns, oldest on the left. */
export function DayColumns(props: { title: string; summary: string; days: { day: string; started: number; completed: number }[]; dayLabel: (day: string) => string }) {
  const height = 180;
  const base = height - 28;
  const max = () => Math.max(1, ...props.days.map((day) => Math.max(day.started, day.completed)));
  const slot = () => (CHART_WIDTH - 40) / Math.max(props.days.length, 1);
  const y = (value: number) => base - ((base - 16) * value) / max();
  return (
    <figure class="dashboard-chart">
      <figcaption>{props.title}</figcaption>
      <div class="dashboard-chart-scroll" tabindex="0" role="group" aria-label={props.title}>
        <svg viewBox={`0 0 ${CHART_WIDTH} ${height}`} role="img" aria-label={props.summary} preserveAspectRatio="xMinYMin meet">
          <line class="dashboard-axis" x1={30} x2={CHART_WIDTH - 10} y1={base} y2={base} />
          <text class="dashboard-chart-label" x={24} y={20} text-anchor="end">
            {max()}
          </text>
          <For each={props.days}>
            {(day, i) => {
              const left = () => 36 + i() * slot();
              const width = () => Math.max((slot() - 8) / 2, 2);
              return (
                <g>
                  <rect class="dashboard-bar" x={left()} y={y(day.started)} width={width()} height={base - y(day.started)} rx={2} />
                  <rect class="dashboard-bar dashboard-bar-second" x={left() + width()} y={y(day.completed)} width={width()} height={base - y(day.completed)} rx={2} />
                  {/* Every other day, counting back from today, so neighbouring labels never overlap. */}
                <Show when={(props.days.length - 1 - i()) % 2 === 0}>
                    <text class="dashboard-chart-label" x={left() + width()} y={height - 8} text-anchor="middle">
                      {props.dayLabel(day.day)}
                    </text>
                  </Show>
                </g>
              );
            }}
          </For>
        </svg>
      </div>
      <p class="dashboard-legend small">
        <span class="dashboard-swatch" /> {t('dashboard:org.started')} <span class="dashboard-swatch dashboard-swatch-second" /> {t('dashboard:org.completed')}
      </p>
      <ChartTable
        caption={props.title}
        headers={[t('dashboard:org.day'), t('dashboard:org.started'), t('dashboard:org.completed')]}
        rows={props.days.map((day) => [props.dayLabel(day.day), String(day.started), String(day.completed)])}
      />
    </figure>
  );
}
