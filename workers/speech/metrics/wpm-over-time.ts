// Words per minute over the course of the answer, as points for a chart: does the candidate speed up
// when they get to the part they know, or slow down towards the end? Each point is one window of the
// answer (10 s by default), measured over the whole window, silences included, so a pause shows as a
// dip. Windows slide by `stepSeconds` (5 s by default); a step equal to the window gives fixed windows.
// Owns: windowed words per minute. Must not import: DOM, Node.
import { wordsPerMinute } from './speaking-rate.ts';
import type { AnswerSpan, SpokenWord } from './types.ts';

export interface WpmWindowOptions {
  /** How long each window is. */
  windowSeconds?: number;
  /** How far each window starts after the one before; equal to windowSeconds for fixed windows. */
  stepSeconds?: number;
}

export interface WpmPoint {
  /** The window's middle, in the recording's seconds: where the point sits on the chart. */
  atSeconds: number;
  wpm: number;
  startSeconds: number;
  endSeconds: number;
  wordCount: number;
}

export const DEFAULT_WPM_WINDOW_SECONDS = 10;
export const DEFAULT_WPM_STEP_SECONDS = 5;

const EPSILON = 1e-6;

export function wpmOverTime(words: readonly SpokenWord[], span: AnswerSpan, options: WpmWindowOptions = {}): WpmPoint[] {
  const windowSeconds = options.windowSeconds ?? DEFAULT_WPM_WINDOW_SECONDS;
  const stepSeconds = options.stepSeconds ?? DEFAULT_WPM_STEP_SECONDS;
  if (!(windowSeconds > 0) || !(stepSeconds > 0)) throw new RangeError(`WPM windows need a positive length and step (got ${windowSeconds} s and ${stepSeconds} s).`);
  if (words.length === 0 || span.durationSeconds <= 0) return [];

  const windows = windowStarts(span, windowSeconds, stepSeconds).map((start) => ({ start, end: Math.min(span.endSeconds, start + windowSeconds) }));
  const midpoints = words.map((word) => (word.start + word.end) / 2);
  return windows.map(({ start, end }, i) => {
    const last = i === windows.length - 1;
    // A word belongs to the window holding its middle, so a word on a boundary counts once in fixed
    // windows; the last window also takes a word whose middle is exactly at the answer's end.
    const wordCount = midpoints.filter((mid) => mid >= start && (mid < end || (last && mid <= end))).length;
    return { atSeconds: (start + end) / 2, wpm: wordsPerMinute(wordCount, end - start), startSeconds: start, endSeconds: end, wordCount };
  });
}

/**
 * Windows start every `step` from the answer's start while they end before the answer does; then
 * one last window ends exactly at the answer's end. A short last window would swing wildly on two or
 * three words, so it is moved back to be full length (overlapping the one before, even with fixed
 * windows). An answer shorter than one window is one window.
 */
function windowStarts(span: AnswerSpan, windowSeconds: number, stepSeconds: number): number[] {
  if (span.durationSeconds <= windowSeconds + EPSILON) return [span.startSeconds];
  const starts: number[] = [];
  // Multiplying rather than adding keeps 0.1-second steps from drifting.
  for (let k = 0; span.startSeconds + k * stepSeconds + windowSeconds < span.endSeconds - EPSILON; k++) {
    starts.push(span.startSeconds + k * stepSeconds);
  }
  starts.push(span.endSeconds - windowSeconds);
  return starts;
}
