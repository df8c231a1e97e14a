// The basic engine's answer score: five transparent dimensions, each with its reason and quotes, and a
// weighted overall. Scorer instructions in the answer are removed first, so they earn nothing.
import type { AnswerScore, DimensionScore, PlannedQuestion } from '../../../../sync-server/protocol/index.ts';
import { scoreLength } from './answer-length.ts';
import { scoreFillers } from './filler-rate.ts';
import { INJECTION_FLAG, separateInstructions } from './scorer-injection.ts';
import { toAnswerText } from './scored-answer.ts';
import { splitSentences } from './sentences.ts';
import { scoreSpecificity } from './specificity.ts';
import { scoreStructure } from './star-structure.ts';
import { scoreCoverage } from './talking-point-coverage.ts';

export const DIMENSION_WEIGHTS: Readonly<Record<string, number>> = {
  coverage: 0.3,
  structure: 0.25,
  specificity: 0.2,
  length: 0.15,
  fillers: 0.1,
};

/** An answer that misses every talking point is off-topic, however polished: it can't pass. */
const OFF_TOPIC_CAP = 30;

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
  const { kept, removed } = separateInstructions(splitSentences(answer));
  const text = toAnswerText(kept);
  const dimensions = [
    scoreCoverage(text, question),
    scoreStructure(text, question),
    scoreSpecificity(text),
    scoreLength(text, question),
    scoreFillers(text),
  ];
  let overall = overallOf(dimensions);
  const flags: string[] = [];
  const coverage = dimensions[0]!;
  if (coverage.score === 1 && question.talkingPoints.length > 0 && text.wordCount > 0) {
    overall = Math.min(overall, OFF_TOPIC_CAP);
    flags.push('The answer did not address what the question asked, so the overall score is capped.');
  }
  if (removed.length) flags.push(INJECTION_FLAG);
  const feedback = text.wordCount === 0 ? 'No answer was given.' : weakestTip(dimensions);
  return { engine: 'basic', overall, dimensions, flags, feedback };
}

function weakestTip(dimensions: readonly DimensionScore[]): string {
  const weakest = [...dimensions].sort((a, b) => a.score - b.score)[0]!;
  return weakest.score >= 4 ? 'A strong answer on every dimension the rules check.' : `Work on ${weakest.label.toLowerCase()}: ${weakest.reason}`;
}
