// When the answer starts and ends. The recording can begin before the candidate is asked to speak
// and run on after they stop, so the caller may say where the answer is; without that it runs from
// 0 to the last word. Thinking time and the whole-answer rate are measured over this span.
// Owns: the span and the words that fall outside it. Must not import: DOM, Node.
import type { AnswerSpan, SpokenWord } from './types.ts';

export function answerSpan(words: readonly SpokenWord[], answerStartSeconds?: number, answerEndSeconds?: number): AnswerSpan {
  const startSeconds = finiteOr(answerStartSeconds, 0);
  const lastEnd = words.reduce((latest, word) => Math.max(latest, word.end), startSeconds);
  // An end before the start would make a negative duration; the span is then empty.
  const endSeconds = Math.max(startSeconds, finiteOr(answerEndSeconds, lastEnd));
  return { startSeconds, endSeconds, durationSeconds: endSeconds - startSeconds };
}

/** Words that start before the span or end after it: still counted as words, but not as talk time. */
export function wordsOutsideSpan(words: readonly SpokenWord[], span: AnswerSpan): number {
  return words.filter((word) => word.start < span.startSeconds - 1e-9 || word.end > span.endSeconds + 1e-9).length;
}

function finiteOr(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) ? value : fallback;
}
