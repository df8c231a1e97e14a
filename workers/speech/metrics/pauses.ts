// Long pauses: silences of more than 2 seconds between two words of the answer. The silence before
// the first word is not one (it is thinking time before starting, reported with talk time), nor is
// the silence after the last word.
// Owns: finding long pauses. Must not import: DOM, Node.
import type { SpokenWord } from './types.ts';
import { gapsAfterWords } from './word-gaps.ts';

export const LONG_PAUSE_SECONDS = 2;

export interface Pause {
  /** The pause follows this word (an index into the SpokenWords). */
  afterWordIndex: number;
  startSeconds: number;
  endSeconds: number;
  durationSeconds: number;
}

// Keeps a gap of exactly 2 s, computed as 2.0000000000000004, from counting as longer than 2 s.
const EPSILON = 1e-6;

export function longPauses(words: readonly SpokenWord[], longerThanSeconds = LONG_PAUSE_SECONDS): Pause[] {
  return gapsAfterWords(words)
    .filter((gap) => gap.seconds > longerThanSeconds + EPSILON)
    .map((gap) => ({ afterWordIndex: gap.afterWordIndex, startSeconds: gap.startSeconds, endSeconds: gap.endSeconds, durationSeconds: gap.seconds }));
}
