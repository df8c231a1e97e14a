// The basic engine's score for one answer: five transparent dimensions, each with its reason and
// verbatim quotes, and a weighted overall. Sentences that try to instruct the scorer are blanked out
// first, so they earn nothing; an answer that misses every talking point is capped, however polished.
import type { AnswerScore, DimensionScore, PlannedQuestion } from '../../../../sync-server/protocol/index.ts';
import { scoreLength } from './answer-length.ts';
import { tipFor } from './coaching-tips.ts';
import { scoreFillers } from './filler-rate.ts';
import { INJECTION_FLAG, removeScorerInstructions } from './scorer-injection.ts';
import { scoreSpecificity } from './specificity.ts';
import { scoreStructure } from './star-structure.ts';
import { scoreCoverage } from './talking-point-coverage.ts';
import { countWords } from './tokens.ts';
import { clip, inSentence, listOf } from './wording.ts';

export type DimensionScorer = (answer: string, question: PlannedQuestion) => DimensionScore;

export const DIMENSION_WEIGHTS: Readonly<Record<string, number>> = {
  coverage: 0.3,
  structure: 0.25,
  specificity: 0.2,
  length: 0.15,
  fillers: 0.1,
};

/** The most an answer that touches none of the question's talking points can score. */
export const OFF_TOPIC_CAP = 20;
export const OFF_TOPIC_FLAG = `None of the points this question is about came up, so the overall score is capped at ${OFF_TOPIC_CAP}.`;

const MAX_REASON_CHARS = 2_000;

/** Weighted mean of the 1–5 dimension scores, mapped onto 0–100. */
export function overallOf(dimensions: readonly DimensionScore[]): number {
  let weighted = 0;
  let weights = 0;
  for (const dimension of dimensions) {
    const weight = DIMENSION_WEIGHTS[dimension.key] ?? 0.1;
    weighted += ((dimension.score - 1) / 4) * 100 * weight;
    weights += weight;
  }
  return weights ? Math.round(weighted / weights) : 0;
}

export function scoreAnswer(answer: string, question: PlannedQuestion): AnswerScore {
  const { text, removed } = removeScorerInstructions(answer);
  const scorers: DimensionScorer[] = [
    // A question with no talking points (an interviewer's own, say) has nothing to check coverage against.
    ...(question.talkingPoints.length ? [scoreCoverage] : []),
    scoreStructure,
    scoreSpecificity,
    scoreLength,
    scoreFillers,
  ];
  const dimensions = scorers.map((scorer) => {
    const dimension = scorer(text, question);
    return { ...dimension, reason: clip(dimension.reason, MAX_REASON_CHARS) };
  });

  const flags: string[] = [];
  if (removed.length) flags.push(INJECTION_FLAG);
  const empty = countWords(text) === 0;
  const offTopic = !empty && dimensions.some((dimension) => dimension.key === 'coverage' && dimension.score === 1);
  let overall = empty ? 0 : overallOf(dimensions);
  if (offTopic) {
    overall = Math.min(overall, OFF_TOPIC_CAP);
    flags.push(OFF_TOPIC_FLAG);
  }
  return { engine: 'basic', overall, dimensions, flags, feedback: feedbackFor(dimensions, { empty, offTopic, injected: removed.length > 0 }) };
}

function feedbackFor(dimensions: readonly DimensionScore[], state: { empty: boolean; offTopic: boolean; injected: boolean }): string {
  if (state.empty) {
    return state.injected
      ? 'Once the instructions to the scorer were set aside, no answer was left to score. Answer the question itself: even a short example scores better than none.'
      : 'No answer was given. Even a short answer with one concrete example scores better than none.';
  }
  if (state.offTopic) return "This answer doesn't address what was asked. Reread the question and answer it directly, with one example of your own.";
  // Praise is for substance: a 20-word answer has no fillers, but that is not worth a compliment.
  const strong = dimensions
    .filter((dimension) => dimension.score >= 4 && dimension.key !== 'fillers')
    .map((dimension) => inSentence(dimension.label));
  const weakest = [...dimensions].sort(
    (a, b) => a.score - b.score || (DIMENSION_WEIGHTS[b.key] ?? 0) - (DIMENSION_WEIGHTS[a.key] ?? 0),
  )[0];
  if (!weakest || weakest.score >= 4) return 'A strong answer on every check the basic scorer makes.';
  const praise = strong.length ? `Strong on ${listOf(strong, 'and')}. ` : '';
  return `${praise}Work on ${inSentence(weakest.label)} next. ${tipFor(weakest)}`;
}
