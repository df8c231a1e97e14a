// The end-of-interview summary, from the per-answer scores: the mean overall of the answered turns,
// the mean of each dimension, and strengths and improvements drawn from the best and weakest
// dimensions. Skipped turns are counted apart rather than as zeros, and named in the improvements.
import type { AnswerScore, InterviewSummary } from '../../../sync-server/protocol/index.ts';
import type { SummariseInput } from '../api.ts';
import { strengthFor, tipFor } from './heuristic-scorer/coaching-tips.ts';
import { DIMENSION_WEIGHTS, scoreAnswer } from './heuristic-scorer/score-answer.ts';
import { inSentence, plural } from './heuristic-scorer/wording.ts';

type SummaryDimension = InterviewSummary['dimensions'][number];

/** A mean this high is worth calling a strength; below it, "strongest so far" is the honest word. */
const STRENGTH_AT = 3.5;
/** Below this there is still something to work on. */
const IMPROVE_BELOW = 4.5;

const oneDecimal = (value: number): number => Math.round(value * 10) / 10;

function meanDimensions(scores: readonly AnswerScore[]): SummaryDimension[] {
  const byKey = new Map<string, { labels: Set<string>; total: number; count: number }>();
  for (const score of scores) {
    for (const dimension of score.dimensions) {
      const entry = byKey.get(dimension.key) ?? { labels: new Set<string>(), total: 0, count: 0 };
      entry.labels.add(dimension.label);
      entry.total += dimension.score;
      entry.count += 1;
      byKey.set(dimension.key, entry);
    }
  }
  return [...byKey].map(([key, entry]) => ({
    key,
    // "STAR structure" and "Design structure" averaged together are just structure.
    label: entry.labels.size === 1 ? [...entry.labels][0]! : 'Structure',
    score: oneDecimal(entry.total / entry.count),
  }));
}

function strengthsOf(dimensions: readonly SummaryDimension[]): string[] {
  const best = [...dimensions].sort((a, b) => b.score - a.score);
  const strong = best.filter((dimension) => dimension.score >= STRENGTH_AT).slice(0, 2);
  if (strong.length) return strong.map(strengthFor);
  const top = best[0];
  return top ? [`Your strongest area so far is ${inSentence(top.label)} (${top.score} out of 5): build on it.`] : [];
}

function improvementsOf(dimensions: readonly SummaryDimension[], skipped: number): string[] {
  // Among equals, the dimension that weighs most in the overall comes first: fixing it pays most.
  const weight = (key: string): number => DIMENSION_WEIGHTS[key] ?? 0;
  const weakest = [...dimensions].sort((a, b) => a.score - b.score || weight(b.key) - weight(a.key));
  const toImprove = weakest.filter((dimension) => dimension.score < IMPROVE_BELOW).slice(0, 3);
  const improvements = toImprove.map((dimension) => `${dimension.label} (${dimension.score} out of 5): ${tipFor(dimension)}`);
  if (dimensions.length && !toImprove.length) {
    improvements.push('Every check came out strong. Raise the bar: practise at the next seniority level, or with a harder interview type.');
  }
  if (skipped) {
    improvements.push(`You skipped ${plural(skipped, 'question')}: practise ${skipped === 1 ? 'it' : 'those'} next, since even a short answer scores better than none.`);
  }
  return improvements;
}

export function summariseInterview(input: SummariseInput): InterviewSummary {
  const answered = input.turns.filter((turn) => !turn.skipped);
  const skipped = input.turns.length - answered.length;
  // A turn the caller did not score is scored here, so the summary covers every answer given.
  const scores = answered.map((turn) => turn.score ?? scoreAnswer(turn.answer, turn.question));
  const overall = scores.length ? Math.round(scores.reduce((sum, score) => sum + score.overall, 0) / scores.length) : 0;
  const dimensions = meanDimensions(scores);
  const improvements = improvementsOf(dimensions, skipped);
  if (!scores.length) improvements.unshift('No question was answered, so there is nothing to score yet.');
  return {
    engine: 'basic',
    overall,
    dimensions,
    strengths: strengthsOf(dimensions),
    improvements,
    answered: scores.length,
    skipped,
  };
}
