// Length against what the question calls for. A spoken answer runs at about 130 words a minute; typed
// answers are shorter, so the band of a good length is wide.
import type { DimensionScore, PlannedQuestion } from '../../../../sync-server/protocol/index.ts';
import type { AnswerText } from './scored-answer.ts';

const WORDS_PER_MINUTE = 130;

export function expectedWordRange(question: PlannedQuestion): { low: number; high: number; target: number } {
  const target = Math.round((question.expectedSeconds / 60) * WORDS_PER_MINUTE);
  return { low: Math.round(target * 0.35), high: Math.round(target * 1.6), target };
}

export function scoreLength(answer: AnswerText, question: PlannedQuestion): DimensionScore {
  const { low, high } = expectedWordRange(question);
  const count = answer.wordCount;
  let score: number;
  let verdict: string;
  if (count === 0) {
    score = 1;
    verdict = 'No answer.';
  } else if (count < low * 0.4) {
    score = 1;
    verdict = 'Far too short to show your thinking.';
  } else if (count < low * 0.7) {
    score = 2;
    verdict = 'Short: add the context, what you did, and what came of it.';
  } else if (count < low) {
    score = 3;
    verdict = 'A little short; one more concrete detail would help.';
  } else if (count <= high) {
    score = 5;
    verdict = 'A good length for this question.';
  } else if (count <= high * 1.5) {
    score = 3;
    verdict = 'Long: interviewers lose the thread; lead with the point and cut the detours.';
  } else {
    score = 2;
    verdict = 'Much too long: aim for the key story and its result.';
  }
  return {
    key: 'length',
    label: 'Length',
    score,
    reason: `${count} word${count === 1 ? '' : 's'}; a good answer here runs about ${low}–${high}. ${verdict}`,
    evidence: [],
  };
}
