// What a filler rule may look at around a possible filler, and how a filler list is written.
// Many fillers are ordinary words in another position ("I like Go", "este proyecto", "ce genre de
// film"), so a list entry can carry a rule; the rules read only the neighbouring words, punctuation
// and silences, which keeps them simple enough to explain. In speech a silence does what a comma
// does in writing, so a hesitation of 0.5 s counts as a break even where Whisper wrote no comma.
// When a rule cannot tell, the word is not a filler: a missed filler costs less than telling a
// candidate off for a word they meant.
// Owns: FillerEntry, FillerContext and how the context is read. Must not import: DOM, Node.
import type { SpokenWord } from './types.ts';
import type { WordGap } from './word-gaps.ts';

/** A silence this long between two words is heard as a break, like a comma or a full stop. */
export const HESITATION_GAP_SECONDS = 0.5;

const SENTENCE_END = /[.?!…。？！]/u;
const CLAUSE_BREAK = /[.?!…。？！,;:、，—–-]/u;
// Spanish opens questions and exclamations with ¿ and ¡: a sentence starts there.
const SENTENCE_OPENING = /[¿¡]/u;
const CLAUSE_OPENING = /[¿¡—–-]/u;

export interface FillerContext {
  /** The word just before the possible filler, and just after it; undefined at the answer's edges. */
  before: string | undefined;
  after: string | undefined;
  /** The first word of the answer or of a sentence (after . ? ! or at ¿ ¡), or after a hesitation. */
  opensSentence: boolean;
  /** As opensSentence, or after a comma, semicolon, colon or dash. */
  opensClause: boolean;
  /** The last word of the answer, or followed by punctuation or a hesitation. */
  closesClause: boolean;
}

export interface FillerEntry {
  /** How the filler is reported: "you know", "o sea". */
  label: string;
  /** The normalised words it is said as, in order ("you", "know"). */
  words: readonly string[];
  /** When the words are a filler; always, if left out. */
  when?: (context: FillerContext) => boolean;
}

/** Entries that are fillers wherever they occur, one per spelling Whisper uses for the sound. */
export function always(label: string, ...spellings: string[]): FillerEntry[] {
  return (spellings.length > 0 ? spellings : [label]).map((spelling) => ({ label, words: spelling.split(' ') }));
}

/** The context of words `first`..`last`; `gaps[i]` is the silence after word i. */
export function fillerContext(words: readonly SpokenWord[], gaps: readonly WordGap[], first: number, last: number): FillerContext {
  const previous = words[first - 1];
  const hesitatedBefore = (gaps[first - 1]?.seconds ?? 0) >= HESITATION_GAP_SECONDS;
  const leading = words[first]?.leading ?? '';
  const opensSentence = !previous || SENTENCE_END.test(previous.trailing) || SENTENCE_OPENING.test(leading) || hesitatedBefore;
  const lastWord = words[last];
  return {
    before: previous?.text,
    after: words[last + 1]?.text,
    opensSentence,
    opensClause: opensSentence || CLAUSE_BREAK.test(previous?.trailing ?? '') || CLAUSE_OPENING.test(leading),
    closesClause: last + 1 >= words.length || CLAUSE_BREAK.test(lastWord?.trailing ?? '') || (gaps[last]?.seconds ?? 0) >= HESITATION_GAP_SECONDS,
  };
}

/** A break inside a phrase ("you. Know") means the words were not said as one filler. */
export function breaksAfter(word: SpokenWord): boolean {
  return CLAUSE_BREAK.test(word.trailing);
}
