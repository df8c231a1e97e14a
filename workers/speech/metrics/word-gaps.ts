// The silence between one word and the next. Words can overlap after windows are stitched together,
// so a silence starts at the latest end so far, not at the previous word's end: a short word inside
// a longer one must not open a gap that was never silent.
// Owns: silences between consecutive words. Must not import: DOM, Node.
import type { SpokenWord } from './types.ts';

export interface WordGap {
  /** The gap follows this word (an index into the SpokenWords). */
  afterWordIndex: number;
  startSeconds: number;
  endSeconds: number;
  /** Never negative: overlapping words leave a gap of 0. */
  seconds: number;
}

/** One gap after each word but the last. */
export function gapsAfterWords(words: readonly SpokenWord[]): WordGap[] {
  const gaps: WordGap[] = [];
  let latestEnd = -Infinity;
  for (let i = 0; i + 1 < words.length; i++) {
    latestEnd = Math.max(latestEnd, words[i]!.end);
    const nextStart = words[i + 1]!.start;
    const seconds = Math.max(0, nextStart - latestEnd);
    gaps.push({ afterWordIndex: i, startSeconds: latestEnd, endSeconds: latestEnd + seconds, seconds });
  }
  return gaps;
}
