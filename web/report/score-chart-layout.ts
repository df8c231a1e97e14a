// Where everything in the rubric-dimension chart goes: one row per dimension with a bar for the
// average, and a numbered dot for each question's score on the same 0–5 axis. Dots with the same score
// on the same row are spread sideways so each number stays readable.
// Owns: the chart's geometry. Must not import: Solid, the DOM (pure; Node tests it).

export interface ChartDimension {
  key: string;
  label: string;
  /** The average over the answers, 1–5. */
  score: number;
}

export interface ChartQuestion {
  /** 1-based, as the report numbers questions. */
  number: number;
  /** Dimension key → that answer's score, 1–5; dimensions the answer was not scored on are absent. */
  scores: Record<string, number>;
}

export const CHART = {
  width: 660,
  labelWidth: 200,
  plotLeft: 210,
  plotRight: 610,
  top: 40,
  rowHeight: 46,
  barHeight: 14,
  dotRadius: 8,
  dotSpread: 17,
  maxLabelChars: 28,
} as const;

export interface DotLayout {
  number: number;
  score: number;
  cx: number;
  cy: number;
}

export interface RowLayout {
  key: string;
  label: string;
  /** Shortened to fit the label column; the full label is in the chart's table. */
  shortLabel: string;
  score: number;
  y: number;
  barWidth: number;
  textY: number;
  dots: DotLayout[];
}

export interface ChartLayout {
  height: number;
  ticks: { value: number; x: number }[];
  rows: RowLayout[];
}

export function xOf(score: number): number {
  const clamped = Math.min(5, Math.max(0, score));
  return CHART.plotLeft + (clamped / 5) * (CHART.plotRight - CHART.plotLeft);
}

export function shorten(label: string, max: number = CHART.maxLabelChars): string {
  const trimmed = label.trim();
  return trimmed.length <= max ? trimmed : `${trimmed.slice(0, max - 1).trimEnd()}…`;
}

export function layoutScoreChart(dimensions: readonly ChartDimension[], questions: readonly ChartQuestion[]): ChartLayout {
  const rows = dimensions.map((dimension, index): RowLayout => {
    const y = CHART.top + index * CHART.rowHeight;
    const byScore = new Map<number, number[]>();
    for (const question of questions) {
      const score = question.scores[dimension.key];
      if (score === undefined) continue;
      byScore.set(score, [...(byScore.get(score) ?? []), question.number]);
    }
    const dots = [...byScore.entries()].flatMap(([score, numbers]) =>
      numbers.map((number, j) => ({ number, score, cx: xOf(score) + (j - (numbers.length - 1) / 2) * CHART.dotSpread, cy: y + CHART.barHeight + 16 })),
    );
    return {
      key: dimension.key,
      label: dimension.label,
      shortLabel: shorten(dimension.label),
      score: dimension.score,
      y,
      barWidth: xOf(dimension.score) - CHART.plotLeft,
      textY: y + CHART.barHeight - 2,
      dots,
    };
  });
  return {
    height: CHART.top + rows.length * CHART.rowHeight + 6,
    ticks: [0, 1, 2, 3, 4, 5].map((value) => ({ value, x: xOf(value) })),
    rows,
  };
}
