// What every dimension scorer receives: the answer's sentences (verbatim, scorer instructions already
// removed) and their words, computed once.
import type { DimensionScore, PlannedQuestion } from '../../../../sync-server/protocol/index.ts';
import type { Sentence } from './sentences.ts';
import { words } from './stemmer.ts';

export interface AnswerText {
  sentences: Sentence[];
  /** The kept sentences joined: the text the dimensions judge. */
  text: string;
  wordCount: number;
}

export function toAnswerText(sentences: Sentence[]): AnswerText {
  const text = sentences.map((sentence) => sentence.text).join(' ');
  return { sentences, text, wordCount: words(text).length };
}

export type DimensionScorer = (answer: AnswerText, question: PlannedQuestion) => DimensionScore;

/** Clamps to the 1–5 scale every dimension uses. */
export const toScale = (value: number): number => Math.max(1, Math.min(5, Math.round(value)));
