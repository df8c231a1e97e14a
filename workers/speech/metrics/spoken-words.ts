// Transcript words → SpokenWords: the one place that decides what counts as a word and in what
// order words were said, so every metric counts the same words. Whisper's output is messy in small
// ways: tokens carry spaces and punctuation (" um,"), a punctuation mark can come as its own token,
// a token can hold two words ("o sea"), and windows stitched together can leave words out of order or
// overlapping. Each repair is reported as a TranscriptNote rather than done silently.
// Owns: cleaning, sorting and splitting words. Must not import: DOM, Node.
import { plural } from '../../llm/basic/heuristic-scorer/wording.ts';
import type { SpokenWord, TranscriptNote, TranscriptWord } from './types.ts';

// Letters (with combining marks) and digits make a word; anything else at either end is punctuation.
const EDGES = /^([^\p{L}\p{M}\p{N}]*)(.*?)([^\p{L}\p{M}\p{N}]*)$/su;

export interface CleanedWords {
  words: SpokenWord[];
  notes: TranscriptNote[];
}

export function cleanTranscriptWords(transcript: readonly TranscriptWord[]): CleanedWords {
  const notes: TranscriptNote[] = [];
  const timed = withUsableTimes(transcript, notes);
  const sorted = [...timed].sort((a, b) => a.start - b.start || a.end - b.end || a.sourceIndex - b.sourceIndex);
  if (sorted.some((word, i) => word !== timed[i])) {
    notes.push({ kind: 'sorted', message: 'Some word timestamps were out of order; the words were sorted by start time.' });
  }
  const words = splitIntoWords(sorted, notes);
  if (hasOverlap(words)) {
    notes.push({ kind: 'overlapping', message: 'Some words overlap in time; overlapping speech is counted once in talk time and pauses.' });
  }
  return { words, notes };
}

export function normaliseWord(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/[’‘]/g, "'");
}

interface TimedToken {
  text: string;
  start: number;
  end: number;
  sourceIndex: number;
}

function withUsableTimes(transcript: readonly TranscriptWord[], notes: TranscriptNote[]): TimedToken[] {
  let invalid = 0;
  let reversed = 0;
  const timed: TimedToken[] = [];
  transcript.forEach((word, sourceIndex) => {
    if (!Number.isFinite(word.start) || !Number.isFinite(word.end)) {
      invalid++;
      return;
    }
    // Which of the two times is wrong cannot be known; a zero-length word adds no talk time that may
    // not have happened.
    if (word.end < word.start) reversed++;
    timed.push({ text: word.text, start: word.start, end: Math.max(word.start, word.end), sourceIndex });
  });
  if (invalid > 0) notes.push({ kind: 'invalid-times', count: invalid, message: `Left out ${plural(invalid, 'word')} without usable timestamps.` });
  if (reversed > 0) notes.push({ kind: 'reversed-times', count: reversed, message: `${plural(reversed, 'word')} ended before ${reversed === 1 ? 'it' : 'they'} started; counted as taking no time.` });
  return timed;
}

function splitIntoWords(tokens: readonly TimedToken[], notes: TranscriptNote[]): SpokenWord[] {
  const words: SpokenWord[] = [];
  let pendingLeading = '';
  let split = 0;
  for (const token of tokens) {
    const parts = token.text.trim().split(/\s+/).filter((part) => part.length > 0).map(edges);
    const wordParts = parts.filter((part) => part.core.length > 0).length;
    if (wordParts > 1) split++;
    // A token holding several words shares its time evenly among them: Whisper gives no finer times.
    const share = wordParts > 0 ? (token.end - token.start) / wordParts : 0;
    let k = 0;
    for (const part of parts) {
      if (part.core.length === 0) {
        // A punctuation-only token ("," or "...") still marks a break in speech.
        const previous = words[words.length - 1];
        if (previous) previous.trailing += part.leading;
        else pendingLeading += part.leading;
        continue;
      }
      words.push({
        text: normaliseWord(part.core),
        raw: `${part.leading}${part.core}${part.trailing}`,
        start: token.start + k * share,
        end: wordParts > 1 ? token.start + (k + 1) * share : token.end,
        leading: pendingLeading + part.leading,
        trailing: part.trailing,
        sourceIndex: token.sourceIndex,
      });
      pendingLeading = '';
      k++;
    }
  }
  if (split > 0) notes.push({ kind: 'split-tokens', count: split, message: `Split ${plural(split, 'transcript token')} holding more than one word, sharing each token's time evenly.` });
  return words;
}

function edges(part: string): { leading: string; core: string; trailing: string } {
  const match = EDGES.exec(part);
  // The pattern matches any string; the fallback only satisfies the type checker.
  if (!match) return { leading: '', core: part, trailing: '' };
  const [, leading = '', core = '', trailing = ''] = match;
  // A part with no letter or digit is all punctuation: the greedy `leading` takes it and `core` is empty.
  return { leading, core, trailing };
}

function hasOverlap(words: readonly SpokenWord[]): boolean {
  let latestEnd = -Infinity;
  for (const word of words) {
    if (word.start < latestEnd - 1e-9) return true;
    latestEnd = Math.max(latestEnd, word.end);
  }
  return false;
}
