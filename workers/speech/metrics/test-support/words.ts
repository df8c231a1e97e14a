// Word-level transcripts written as plain text, for the metrics' unit tests: each word gets the same
// length and the same gap, and "|" marks a longer silence, so a test reads as the sentence it is
// about. Tokens are made the way Whisper gives them, with a leading space and punctuation attached.
// Owns: building TranscriptWords and SpokenWords for tests. Must not import: DOM, Node.
import { cleanTranscriptWords } from '../spoken-words.ts';
import type { SpokenWord, TranscriptWord } from '../types.ts';

export interface Timing {
  /** When the first word starts; 0 unless given. */
  start?: number;
  /** How long each word lasts; 0.25 s unless given. */
  wordSeconds?: number;
  /** The silence between two words; none unless given. */
  gapSeconds?: number;
  /** The silence a "|" stands for, instead of the gap; 1 s unless given. */
  silenceSeconds?: number;
}

/** "So, | I like Go." → " So," 0–0.25 s, " I" 1.25–1.5 s, " like" 1.5–1.75 s, " Go." 1.75–2 s. */
export function timedWords(text: string, timing: Timing = {}): TranscriptWord[] {
  const { start = 0, wordSeconds = 0.25, gapSeconds = 0, silenceSeconds = 1 } = timing;
  const words: TranscriptWord[] = [];
  let t = start;
  let gap = 0;
  for (const token of text.split(' ').filter((part) => part.length > 0)) {
    if (token === '|') {
      gap = silenceSeconds;
      continue;
    }
    t += gap;
    words.push({ text: ` ${token}`, start: t, end: t + wordSeconds });
    t += wordSeconds;
    gap = gapSeconds;
  }
  return words;
}

/** The SpokenWords every metric reads, for `text` timed as timedWords times it. */
export function spokenWords(text: string, timing: Timing = {}): SpokenWord[] {
  return cleanTranscriptWords(timedWords(text, timing)).words;
}

/** The normalised texts of some words, for comparing with a list. */
export function textsOf(words: readonly SpokenWord[]): string[] {
  return words.map((word) => word.text);
}
