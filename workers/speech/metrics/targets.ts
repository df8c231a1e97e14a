// The target range of each metric and how a value is placed against it. The ranges are rules of
// thumb from speaking coaches, not norms: they say where a listener usually finds an answer easy to
// follow. Pauses and repeats scale with the answer's length, since a four-minute answer has room for
// more of both than a thirty-second one.
// Owns: target ranges and statuses. Must not import: DOM, Node.
import type { MetricStatus, TargetRange } from './types.ts';

/** Below this many words an answer is too short to judge; its numbers are still reported. */
export const MIN_WORDS_TO_JUDGE = 10;

/** Conversational pace, measured over talk time. */
export const PACE_TARGET: TargetRange = { min: 120, max: 160, unit: 'words per minute' };

export const FILLER_TARGET: TargetRange = { min: 0, max: 3, unit: 'fillers per 100 words' };

/** For a prepared answer; an unexpected question earns more. */
export const THINKING_TARGET: TargetRange = { min: 0, max: 20, unit: '% of the answer' };

/** About one long pause per full minute of answer, and never fewer than two. */
export function longPauseTarget(answerSeconds: number): TargetRange {
  return { min: 0, max: Math.max(2, Math.floor(answerSeconds / 60)), unit: 'pauses over 2 s' };
}

/** About one repeat per full 100 words, and never fewer than two. */
export function repeatTarget(wordCount: number): TargetRange {
  return { min: 0, max: Math.max(2, Math.floor(wordCount / 100)), unit: 'repeated words' };
}

// A value computed as 160.00000000000003 is still on target.
const EPSILON = 1e-9;

export function statusAgainst(value: number, target: TargetRange): MetricStatus {
  if (value < target.min - EPSILON) return 'low';
  if (value > target.max + EPSILON) return 'high';
  return 'ok';
}
