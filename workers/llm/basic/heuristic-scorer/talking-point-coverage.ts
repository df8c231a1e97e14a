// Coverage: which of the question's expected talking points the answer touches, by stemmed keyword
// and phrase matching against each point's cues.
import type { DimensionScore, PlannedQuestion } from '../../../../sync-server/protocol/index.ts';
import { quoteAround } from './sentences.ts';
import { stems } from './stemmer.ts';
import { toScale, type AnswerText } from './scored-answer.ts';

function containsSequence(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0) return false;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

export interface CoverageResult {
  covered: { point: string; sentence: string }[];
  missed: string[];
}

export function findCoverage(answer: AnswerText, question: PlannedQuestion): CoverageResult {
  const sentenceStems = answer.sentences.map((sentence) => ({ text: sentence.text, stems: stems(sentence.text) }));
  const covered: CoverageResult['covered'] = [];
  const missed: string[] = [];
  for (const talkingPoint of question.talkingPoints) {
    const cueStems = talkingPoint.cues.map((cue) => stems(cue));
    const hit = sentenceStems.find((sentence) => cueStems.some((cue) => containsSequence(sentence.stems, cue)));
    if (hit) covered.push({ point: talkingPoint.point, sentence: hit.text });
    else missed.push(talkingPoint.point);
  }
  return { covered, missed };
}

export function scoreCoverage(answer: AnswerText, question: PlannedQuestion): DimensionScore {
  const { covered, missed } = findCoverage(answer, question);
  const total = question.talkingPoints.length;
  const share = total ? covered.length / total : 0;
  const score = covered.length === 0 ? 1 : toScale(1 + share * 4 + 0.2);
  const firstMissed = missed[0];
  let reason: string;
  if (total === 0) reason = 'This question has no expected talking points to check.';
  else if (covered.length === 0) reason = `Touched none of the ${total} points a strong answer covers. For example: ${firstMissed?.toLowerCase()}.`;
  else {
    reason = `Covered ${covered.length} of ${total} expected points: ${covered.map((hit) => hit.point.toLowerCase()).join('; ')}.`;
    if (missed.length) reason += ` Missed: ${missed.map((point) => point.toLowerCase()).join('; ')}.`;
  }
  const evidence = [...new Set(covered.map((hit) => hit.sentence))].slice(0, 3).map((sentence) => quoteAround(sentence));
  return { key: 'coverage', label: 'Talking points', score, reason, evidence };
}
