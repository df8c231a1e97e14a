// Which filler list a language uses. A language without a list gets none, never English: English
// rules would count ordinary words of other languages (the Italian "So che funziona", "I know it
// works", opens with "so"), so the result says that fillers were not checked instead.
// Owns: language → filler list. Must not import: DOM, Node.
import type { FillerEntry } from './filler-context.ts';
import { GERMAN_FILLERS } from './fillers-de.ts';
import { ENGLISH_FILLERS } from './fillers-en.ts';
import { SPANISH_FILLERS } from './fillers-es.ts';
import { FRENCH_FILLERS } from './fillers-fr.ts';
import { primaryLanguage } from './language.ts';

const LEXICONS: Readonly<Record<string, readonly FillerEntry[]>> = {
  en: ENGLISH_FILLERS,
  es: SPANISH_FILLERS,
  de: GERMAN_FILLERS,
  fr: FRENCH_FILLERS,
};

export interface FillerLexicon {
  /** The primary language subtag the list is for: 'es' for 'es-MX'. */
  language: string;
  entries: readonly FillerEntry[];
}

/** The list for a BCP 47 tag, or null when there is none for its language. */
export function fillerLexiconFor(languageTag: string): FillerLexicon | null {
  const language = primaryLanguage(languageTag);
  const entries = Object.hasOwn(LEXICONS, language) ? LEXICONS[language] : undefined;
  return entries ? { language, entries } : null;
}

/** The languages with a filler list. */
export const FILLER_LANGUAGES: readonly string[] = Object.keys(LEXICONS);
