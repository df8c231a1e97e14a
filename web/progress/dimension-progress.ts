// Rubric dimensions over time: for each completed interview, the mean of each dimension over the
// answers that were scored, and from those one series per dimension for the charts.
// Skipped questions are left out rather than counted as zeros (the report does the same), and an
// answer without a score (scoring failed, or a record from before scores) is left out too. An
// interview whose turns carry no scores falls back to its summary's dimension means.
// Owns: per-interview dimension means and the dimension series. Must not import: Dexie, Solid, the DOM.
import { answeredTurns, completedOldestFirst, type HistoryEntry, type SeriesPoint } from './history-entry.ts';

export interface DimensionAverage {
  key: string;
  /** As the scorer named it in this interview. */
  label: string;
  /** Mean of the 1–5 scores, unrounded. */
  score: number;
  /** How many answers it is the mean of; 0 when it came from the summary. */
  answers: number;
}

export interface InterviewDimensions {
  interviewId: string;
  at: string;
  source: 'answers' | 'summary';
  dimensions: DimensionAverage[];
}

export interface DimensionSeries {
  key: string;
  /** The label of the newest interview that has this dimension. */
  label: string;
  points: SeriesPoint[];
}

/** The dimension means of one completed interview; null when it is not finished or nothing was scored. */
export function interviewDimensions(entry: HistoryEntry): InterviewDimensions | null {
  const { interview } = entry;
  if (interview.status !== 'completed') return null;
  const base = { interviewId: interview.id, at: interview.startedAt };
  const byKey = new Map<string, { label: string; total: number; count: number }>();
  for (const turn of answeredTurns(entry)) {
    for (const dimension of turn.score?.dimensions ?? []) {
      if (!Number.isFinite(dimension.score)) continue;
      const sum = byKey.get(dimension.key) ?? { label: dimension.label, total: 0, count: 0 };
      sum.label = dimension.label;
      sum.total += dimension.score;
      sum.count += 1;
      byKey.set(dimension.key, sum);
    }
  }
  if (byKey.size > 0) {
    const dimensions = [...byKey].map(([key, sum]) => ({ key, label: sum.label, score: sum.total / sum.count, answers: sum.count }));
    return { ...base, source: 'answers', dimensions };
  }
  const summarised = interview.summary?.dimensions ?? [];
  if (summarised.length === 0) return null;
  return { ...base, source: 'summary', dimensions: summarised.map(({ key, label, score }) => ({ key, label, score, answers: 0 })) };
}

/** Every scored, completed interview's dimension means, oldest first. */
export function dimensionsOverTime(entries: readonly HistoryEntry[]): InterviewDimensions[] {
  return completedOldestFirst(entries)
    .map(interviewDimensions)
    .filter((item): item is InterviewDimensions => item !== null);
}

/**
 * One series per dimension that any interview was scored on. Dimensions come in the order of the
 * newest interview's rubric, then any only older interviews have (the basic and the AI engines score
 * different dimensions); a series has a point only for the interviews scored on it.
 */
export function dimensionSeries(entries: readonly HistoryEntry[]): DimensionSeries[] {
  const history = dimensionsOverTime(entries);
  const series = new Map<string, DimensionSeries>();
  for (const item of [...history].reverse()) {
    for (const dimension of item.dimensions) {
      if (!series.has(dimension.key)) series.set(dimension.key, { key: dimension.key, label: dimension.label, points: [] });
    }
  }
  for (const item of history) {
    for (const dimension of item.dimensions) {
      series.get(dimension.key)!.points.push({ interviewId: item.interviewId, at: item.at, value: dimension.score });
    }
  }
  return [...series.values()];
}

/**
 * The overall score (0–100) of each completed interview in which something was answered. An
 * interview where every question was skipped has an overall of 0 that says nothing about the
 * answers, so it is left off the chart and out of the personal bests.
 */
export function overallSeries(entries: readonly HistoryEntry[]): SeriesPoint[] {
  return completedOldestFirst(entries)
    .filter(({ interview }) => interview.overall !== null && Number.isFinite(interview.overall) && (interview.summary?.answered ?? 1) > 0)
    .map(({ interview }) => ({ interviewId: interview.id, at: interview.startedAt, value: interview.overall! }));
}
