// Finds the fillers in a spoken answer with its language's list, matching multi-word fillers across
// word tokens ("o" + "sea,") and preferring the longest match, so "you know" is one filler and no
// word is counted in two. Case and punctuation do not matter: the words are already normalised.
// Owns: matching filler lists against words, and the count and rate. Must not import: DOM, Node.
import { breaksAfter, fillerContext, type FillerEntry } from './filler-context.ts';
import { fillerLexiconFor } from './filler-lexicons.ts';
import type { SpokenWord } from './types.ts';
import { gapsAfterWords, type WordGap } from './word-gaps.ts';

export interface FillerOccurrence {
  /** As listed: "you know", "o sea". */
  label: string;
  /** The index of its first word in the SpokenWords, and how many words it spans. */
  wordIndex: number;
  wordCount: number;
  startSeconds: number;
  endSeconds: number;
}

export interface FillerReport {
  /** The list used ('es' for 'es-MX'), or null when the language has none and nothing was counted. */
  listLanguage: string | null;
  occurrences: FillerOccurrence[];
  count: number;
  /** Fillers per 100 words of the answer (the fillers' own words included); 0 for no words. */
  per100Words: number;
  /** How often each filler was said, most frequent first. */
  byLabel: { label: string; count: number }[];
}

export function findFillerWords(words: readonly SpokenWord[], languageTag: string): FillerReport {
  const lexicon = fillerLexiconFor(languageTag);
  const occurrences = lexicon ? matchFillers(words, lexicon.entries) : [];
  return {
    listLanguage: lexicon?.language ?? null,
    occurrences,
    count: occurrences.length,
    per100Words: words.length > 0 ? (occurrences.length / words.length) * 100 : 0,
    byLabel: tally(occurrences),
  };
}

function matchFillers(words: readonly SpokenWord[], entries: readonly FillerEntry[]): FillerOccurrence[] {
  const longestFirst = [...entries].sort((a, b) => b.words.length - a.words.length);
  const gaps = gapsAfterWords(words);
  const found: FillerOccurrence[] = [];
  let i = 0;
  while (i < words.length) {
    const entry = longestFirst.find((candidate) => matchesAt(words, gaps, i, candidate));
    if (!entry) {
      i++;
      continue;
    }
    const last = i + entry.words.length - 1;
    found.push({ label: entry.label, wordIndex: i, wordCount: entry.words.length, startSeconds: words[i]!.start, endSeconds: words[last]!.end });
    i = last + 1;
  }
  return found;
}

function matchesAt(words: readonly SpokenWord[], gaps: readonly WordGap[], first: number, entry: FillerEntry): boolean {
  const last = first + entry.words.length - 1;
  for (let k = 0; k < entry.words.length; k++) {
    const word = words[first + k];
    if (!word || word.text !== entry.words[k]) return false;
    if (first + k < last && breaksAfter(word)) return false;
  }
  return entry.when?.(fillerContext(words, gaps, first, last)) ?? true;
}

function tally(occurrences: readonly FillerOccurrence[]): { label: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const occurrence of occurrences) counts.set(occurrence.label, (counts.get(occurrence.label) ?? 0) + 1);
  // Ties keep the order the fillers were first said in (Map keeps insertion order, sort is stable).
  return [...counts].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count);
}
