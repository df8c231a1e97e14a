// One small line chart of a value over the candidate's interviews, drawn as SVG by hand (a chart
// library would outweigh the whole app shell). Interviews run left to right in date order; the
// value axis is fixed for rubric scores and rounded around the data for speech metrics, with the
// target range shaded where there is one.
// Accessible three ways: the chart as a whole is named and summarised (first, latest, highest,
// lowest); each point is one keyboard stop away (the chart is a single Tab stop and the arrow keys
// move between points, each announcing its date, interview and value, with the same text shown in
// a tooltip); and a data table behind "Show the data" holds every value as text. The line draws
// itself in only when the candidate has not asked for reduced motion (progress.css).
import { createMemo, createSignal, For, Show } from 'solid-js';
import { t } from '../i18n/i18n.ts';
import { labelledIndexes, linePath, xPositions, yPosition, type Frame, type Scale } from './chart-geometry.ts';
import type { SeriesPoint } from './history-entry.ts';
import { formatDay, formatShortDay } from './progress-format.ts';
import './progress.css';

const FRAME: Frame = { width: 320, height: 168, left: 34, right: 14, top: 12, bottom: 26 };
// The points sit a little inside the plot, so the first and last clear the axis labels.
const POINTS_FRAME: Frame = { ...FRAME, left: FRAME.left + 12, right: FRAME.right + 8 };

export interface LineChartProps {
  /** Unique on the page; used for element ids and data-testid="chart-<id>". */
  id: string;
  title: string;
  points: readonly SeriesPoint[];
  scale: Scale;
  /** The number alone, for axis ticks: "3.5". */
  formatTick: (value: number) => string;
  /** The number with its unit, for people: "3.5 out of 5". */
  formatValue: (value: number) => string;
  /** "Software Engineer · Behavioural" for an interview id. */
  interviewName: (interviewId: string) => string;
  target?: { min: number; max: number; text: string } | null;
}

export function LineChart(props: LineChartProps) {
  const titleId = () => `chart-${props.id}-title`;
  const summaryId = () => `chart-${props.id}-summary`;
  const hintId = () => `chart-${props.id}-hint`;

  const placed = createMemo(() => {
    const xs = xPositions(props.points.length, POINTS_FRAME);
    return props.points.map((point, index) => ({ ...point, x: xs[index]!, y: yPosition(point.value, props.scale, FRAME) }));
  });
  const labelled = createMemo(() => new Set(labelledIndexes(props.points.length, 4)));

  // The point that takes the Tab stop (the newest, until the candidate moves), and the one whose
  // tooltip shows (hovered or focused).
  const [current, setCurrent] = createSignal<number | null>(null);
  const [shown, setShown] = createSignal<number | null>(null);
  const tabStop = () => Math.min(current() ?? props.points.length - 1, props.points.length - 1);
  const pointElements: SVGGElement[] = [];

  const pointText = (point: SeriesPoint) =>
    t('progress:charts.point', { date: formatDay(point.at), role: props.interviewName(point.interviewId), value: props.formatValue(point.value) });

  const summary = () => {
    const values = props.points.map((point) => point.value);
    const first = values[0];
    const latest = values.at(-1);
    if (first === undefined || latest === undefined) return '';
    return t('progress:charts.summary', {
      count: values.length,
      first: props.formatValue(first),
      latest: props.formatValue(latest),
      highest: props.formatValue(Math.max(...values)),
      lowest: props.formatValue(Math.min(...values)),
    });
  };

  function moveTo(index: number) {
    const next = Math.max(0, Math.min(props.points.length - 1, index));
    setCurrent(next);
    pointElements[next]?.focus();
  }

  function onKeyDown(event: KeyboardEvent, index: number) {
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowDown: index + 1, ArrowLeft: index - 1, ArrowUp: index - 1, Home: 0, End: props.points.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    moveTo(target);
  }

  const tooltip = createMemo(() => {
    const index = shown();
    const point = index === null ? undefined : placed()[index];
    if (!point) return null;
    return { text: pointText(point), left: (point.x / FRAME.width) * 100, top: (point.y / FRAME.height) * 100, edge: point.x > FRAME.width * 0.66 ? 'end' : point.x < FRAME.width * 0.34 ? 'start' : 'middle' };
  });

  const plotBottom = FRAME.height - FRAME.bottom;
  const plotRight = FRAME.width - FRAME.right;

  return (
    <article class="card progress-chart" aria-labelledby={titleId()} data-testid={`chart-${props.id}`}>
      <h3 id={titleId()}>{props.title}</h3>
      <p id={summaryId()} class="muted small">
        {summary()}
      </p>
      <div class="chart-plot">
        <svg
          class="chart-svg"
          viewBox={`0 0 ${FRAME.width} ${FRAME.height}`}
          role="group"
          aria-labelledby={titleId()}
          aria-describedby={`${summaryId()} ${hintId()}`}
        >
          <Show when={props.target}>
            {(target) => {
              const top = () => yPosition(target().max, props.scale, FRAME);
              const bottom = () => yPosition(target().min, props.scale, FRAME);
              return <rect class="chart-target" x={FRAME.left} y={top()} width={plotRight - FRAME.left} height={Math.max(1, bottom() - top())} />;
            }}
          </Show>
          <For each={props.scale.ticks}>
            {(tick) => {
              const y = () => yPosition(tick, props.scale, FRAME);
              return (
                <g aria-hidden="true">
                  <line class="chart-grid" x1={FRAME.left} x2={plotRight} y1={y()} y2={y()} />
                  <text class="chart-tick" x={FRAME.left - 6} y={y() + 3.5} text-anchor="end">
                    {props.formatTick(tick)}
                  </text>
                </g>
              );
            }}
          </For>
          <For each={placed()}>
            {(point, index) => (
              <Show when={labelled().has(index())}>
                <text
                  class="chart-tick"
                  aria-hidden="true"
                  x={point.x}
                  y={plotBottom + 17}
                  text-anchor={placed().length === 1 ? 'middle' : index() === 0 ? 'start' : index() === placed().length - 1 ? 'end' : 'middle'}
                >
                  {formatShortDay(point.at)}
                </text>
              </Show>
            )}
          </For>
          <Show when={placed().length > 1}>
            <path class="chart-line" d={linePath(placed())} pathLength="1" aria-hidden="true" />
          </Show>
          <For each={placed()}>
            {(point, index) => (
              <g
                ref={(element) => (pointElements[index()] = element)}
                class="chart-point"
                role="img"
                tabindex={index() === tabStop() ? 0 : -1}
                aria-label={pointText(point)}
                data-value={point.value}
                data-interview-id={point.interviewId}
                onFocus={() => {
                  setCurrent(index());
                  setShown(index());
                }}
                onBlur={() => setShown(null)}
                onMouseEnter={() => setShown(index())}
                onMouseLeave={() => setShown(null)}
                onKeyDown={(event) => onKeyDown(event, index())}
              >
                <circle class="chart-hit" cx={point.x} cy={point.y} r="11" />
                <circle class="chart-dot" cx={point.x} cy={point.y} r="4.5" />
              </g>
            )}
          </For>
        </svg>
        <Show when={tooltip()}>
          {(tip) => (
            <div class="chart-tooltip" data-edge={tip().edge} aria-hidden="true" style={{ left: `${tip().left}%`, top: `${tip().top}%` }}>
              {tip().text}
            </div>
          )}
        </Show>
      </div>
      <span id={hintId()} class="visually-hidden">
        {t('progress:charts.pointHint')}
      </span>
      <Show when={props.target}>
        {(target) => (
          <p class="muted small chart-legend">
            <span class="chart-legend-swatch" aria-hidden="true" /> {target().text}
          </p>
        )}
      </Show>
      <details class="chart-data">
        <summary class="small">{t('progress:charts.showData')}</summary>
        <table class="chart-table" data-testid={`chart-table-${props.id}`}>
          <caption class="visually-hidden">{t('progress:charts.table.caption', { title: props.title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('progress:charts.table.date')}</th>
              <th scope="col">{t('progress:charts.table.interview')}</th>
              <th scope="col">{t('progress:charts.table.value')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.points}>
              {(point) => (
                <tr data-interview-id={point.interviewId}>
                  <td>
                    <time datetime={point.at}>{formatDay(point.at)}</time>
                  </td>
                  <td>{props.interviewName(point.interviewId)}</td>
                  <td>{props.formatValue(point.value)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </details>
    </article>
  );
}
