// The overall score of an interview started from an interviewer's template that weights the rubric's
// dimensions: the weighted mean of the summary's dimension scores (the 1–5 means the report shows),
// on 0–100. This is the one place that number is computed: the interview screen stores it in the
// summary (so it is what syncs and what the interviewer's list sorts by) and the report shows the
// weights it used from here.
// - A dimension the template does not list counts with DEFAULT_TEMPLATE_WEIGHT (the template said
//   nothing about it, so it is neither favoured nor dropped); weight 0 shows it but does not count it.
// - A weight for a dimension this interview did not score is ignored.
// - Weights are relative: they need not sum to 1 (they are divided by their sum).
// - Every scored dimension weighted 0, or nothing scored: the engine's own (unweighted) overall is
//   kept, and the result says why, for the report to say so.
// - A template with no weights at all leaves the interview as any other: today's unweighted mean.
// Owns: the template-weighted overall. Must not import: DOM, Dexie, Solid, i18n.
import type { InterviewSummary } from '../../sync-server/protocol/index.ts';
import type { RubricWeight } from '../../sync-server/protocol/interview-template.ts';

export const DEFAULT_TEMPLATE_WEIGHT = 1;

export interface WeightedDimension {
  key: string;
  label: string;
  /** The dimension's mean score, 1–5, as the report shows it. */
  score: number;
  weight: number;
  /** True when the template named this dimension; false when it counts with the default weight. */
  fromTemplate: boolean;
}

export type TemplateOverall =
  /** The template sets no weights: the interview's overall is the engine's, as for any interview. */
  | { kind: 'unweighted'; overall: number }
  | { kind: 'weighted'; overall: number; dimensions: WeightedDimension[] }
  /** The template has weights but they cannot make an overall: the engine's overall is kept. */
  | { kind: 'fallback'; reason: 'all-weights-zero' | 'nothing-scored'; overall: number; dimensions: WeightedDimension[] };

type SummaryScores = Pick<InterviewSummary, 'overall' | 'dimensions'>;

/** Each scored dimension with the weight the template gives it. */
export function weightsOfDimensions(dimensions: SummaryScores['dimensions'], weights: readonly RubricWeight[]): WeightedDimension[] {
  const byKey = new Map<string, number>();
  // A template that names a dimension twice: the first entry is the one the interviewer saw first.
  for (const { key, weight } of weights) if (!byKey.has(key)) byKey.set(key, weight);
  return dimensions.map(({ key, label, score }) => {
    const weight = byKey.get(key);
    return { key, label, score, weight: weight ?? DEFAULT_TEMPLATE_WEIGHT, fromTemplate: weight !== undefined };
  });
}

export function templateOverall(summary: SummaryScores, weights: readonly RubricWeight[]): TemplateOverall {
  if (weights.length === 0) return { kind: 'unweighted', overall: summary.overall };
  const dimensions = weightsOfDimensions(summary.dimensions, weights);
  if (dimensions.length === 0) return { kind: 'fallback', reason: 'nothing-scored', overall: summary.overall, dimensions };
  let weighted = 0;
  let total = 0;
  for (const { score, weight } of dimensions) {
    weighted += ((score - 1) / 4) * 100 * weight;
    total += weight;
  }
  if (total <= 0) return { kind: 'fallback', reason: 'all-weights-zero', overall: summary.overall, dimensions };
  return { kind: 'weighted', overall: clamp(Math.round(weighted / total)), dimensions };
}

/** The summary to store for an interview of this template: its overall replaced by the weighted one. */
export function withTemplateWeights<T extends SummaryScores>(summary: T, weights: readonly RubricWeight[]): T {
  return { ...summary, overall: templateOverall(summary, weights).overall };
}

const clamp = (value: number): number => Math.min(100, Math.max(0, value));
