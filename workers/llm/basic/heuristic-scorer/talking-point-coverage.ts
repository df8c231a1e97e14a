// Coverage: which of the question's expected talking points the answer touches. Each point lists cue
// words and phrases; a cue matches when its stemmed words appear in a row in one sentence, so a
// "deploy" cue matches "deployed" and "root cause" matches "the root causes".
import type { DimensionScore, PlannedQuestion } from '../../../../sync-server/protocol/index.ts';
import { quoteAround, splitSentences } from './sentences.ts';
import { stem, stems } from './stemmer.ts';
import { countWords, tokenize, type Token } from './tokens.ts';
import { listOf } from './wording.ts';

export interface CoveredPoint {
  point: string;
  /** The clause of the answer that covered it, verbatim. */
  quote: string;
}

export interface Coverage {
  covered: CoveredPoint[];
  missed: string[];
}

interface StemmedSentence {
  text: string;
  tokens: Token[];
  stems: string[];
}

/** Index of the first token where `needle` starts in `haystack`, or -1. */
function findSequence(haystack: readonly string[], needle: readonly string[]): number {
  if (needle.length === 0) return -1;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

export function findCoverage(answer: string, question: PlannedQuestion): Coverage {
  const sentences: StemmedSentence[] = splitSentences(answer).map((sentence) => {
    const tokens = tokenize(sentence.text);
    return { text: sentence.text, tokens, stems: tokens.map((token) => stem(token.word)) };
  });
  const covered: CoveredPoint[] = [];
  const missed: string[] = [];
  for (const talkingPoint of question.talkingPoints) {
    const cues = talkingPoint.cues.map((cue) => stems(cue));
    let quote: string | null = null;
    for (const sentence of sentences) {
      for (const cue of cues) {
        const at = findSequence(sentence.stems, cue);
        const token = sentence.tokens[at];
        if (token) {
          quote = quoteAround(sentence.text, token.start);
          break;
        }
      }
      if (quote !== null) break;
    }
    if (quote === null) missed.push(talkingPoint.point);
    else covered.push({ point: talkingPoint.point, quote });
  }
  return { covered, missed };
}

/** Share of points covered, onto 1–5; any covered point lifts the score off the floor. */
function coverageScore(covered: number, total: number): number {
  if (covered === 0 || total === 0) return 1;
  return Math.max(2, Math.min(5, 1 + Math.round((covered / total) * 4)));
}

const quoted = (points: readonly string[]): string => listOf(points.map((point) => `“${point}”`), 'and');

export function scoreCoverage(answer: string, question: PlannedQuestion): DimensionScore {
  const base = { key: 'coverage', label: 'Talking points' };
  const total = question.talkingPoints.length;
  if (countWords(answer) === 0) {
    return { ...base, score: 1, reason: `No answer, so none of the ${total} points a strong answer covers came up.`, evidence: [] };
  }
  const { covered, missed } = findCoverage(answer, question);
  const score = coverageScore(covered.length, total);
  let reason: string;
  if (covered.length === 0) {
    reason = `None of the ${total} points a strong answer covers came up, so this reads as off the question. Start with ${quoted(missed.slice(0, 2))}.`;
  } else if (missed.length === 0) {
    reason = `Covered all ${total} points a strong answer covers: ${quoted(covered.map((hit) => hit.point))}.`;
  } else {
    reason = `Covered ${covered.length} of ${total} points: ${quoted(covered.map((hit) => hit.point))}. Not yet covered: ${quoted(missed)}; give each a sentence.`;
  }
  const evidence = [...new Set(covered.map((hit) => hit.quote))].slice(0, 3);
  return { ...base, score, reason, evidence };
}
