// Repeated words: the same word said two or more times in a row ("I I think", "the the"), the sound
// of a sentence being restarted. Not counted as repeats:
// - fillers ("um um"), which the filler metric already counts;
// - numbers ("2 2 1", and "two two one" in the languages whose digits are listed below), which are
//   read out digit by digit;
// - a word that ends one sentence and starts the next ("…in Go. Go was…");
// - a pair that grammar allows: English "had had", "that that"; French "nous nous", "vous vous"
//   (reflexive verbs); German "die die", "der der", "das das" (article and relative pronoun).
//   Three in a row is a stumble whatever the word.
// Owns: finding repeated words. Must not import: DOM, Node.
import { primaryLanguage } from './language.ts';
import type { SpokenWord } from './types.ts';

export interface RepeatedWord {
  /** The word, normalised. */
  word: string;
  /** The index of its first saying in the SpokenWords, and how many times in a row it was said. */
  wordIndex: number;
  times: number;
  startSeconds: number;
  endSeconds: number;
}

const GRAMMATICAL_PAIRS: Readonly<Record<string, ReadonlySet<string>>> = {
  en: new Set(['had', 'that']),
  fr: new Set(['nous', 'vous']),
  de: new Set(['die', 'der', 'das']),
};

// Digits as words, as Whisper may write a number read out digit by digit. French "un" is left out:
// it is also the article, and "un un projet" is a restart.
const SPELLED_DIGITS: Readonly<Record<string, ReadonlySet<string>>> = {
  en: new Set(['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine']),
  es: new Set(['cero', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve']),
  fr: new Set(['zéro', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf']),
  de: new Set(['null', 'eins', 'zwei', 'zwo', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun']),
};

const SENTENCE_END = /[.?!…。？！]/u;

/** `fillerWordIndexes`: the words that belong to a filler, left to the filler metric. */
export function findRepeatedWords(words: readonly SpokenWord[], languageTag: string, fillerWordIndexes: ReadonlySet<number> = new Set()): RepeatedWord[] {
  const language = primaryLanguage(languageTag);
  const pairs = Object.hasOwn(GRAMMATICAL_PAIRS, language) ? GRAMMATICAL_PAIRS[language] : undefined;
  const digits = Object.hasOwn(SPELLED_DIGITS, language) ? SPELLED_DIGITS[language] : undefined;
  const isNumber = (text: string): boolean => /^\p{N}[\p{N}.,]*$/u.test(text) || (digits?.has(text) ?? false);
  const continuesRun = (i: number): boolean => {
    const word = words[i];
    const next = words[i + 1];
    if (!word || !next || word.text !== next.text) return false;
    if (fillerWordIndexes.has(i) || fillerWordIndexes.has(i + 1)) return false;
    return !isNumber(word.text) && !SENTENCE_END.test(word.trailing);
  };

  const repeats: RepeatedWord[] = [];
  let i = 0;
  while (i < words.length) {
    let last = i;
    while (continuesRun(last)) last++;
    const times = last - i + 1;
    const first = words[i]!;
    if (times > 2 || (times === 2 && !pairs?.has(first.text))) {
      repeats.push({ word: first.text, wordIndex: i, times, startSeconds: first.start, endSeconds: words[last]!.end });
    }
    i = last + 1;
  }
  return repeats;
}
