// English fillers. Hesitation sounds and "basically", "actually", "literally" count wherever they are
// said; the others only where they carry no meaning:
// - "like": a hedge when set off by a break ("it was, like, slow"; "Like, nobody knew") or when it
//   approximates ("it was like 20 minutes"); never straight after a subject or auxiliary ("I like
//   Go", "I'd like to") or a word it compares with ("looks like", "something like that").
// - "so": only opening a sentence or after a hesitation ("So, I built…"), and not in "so that",
//   "so far", "so much"; "it was slow, so we rewrote it" is a conjunction.
// - "you know": at the end of a clause ("…, you know?"), or opening one when no object follows
//   ("You know, it failed" but not "you know how it is", "if you know the codebase").
// - "I mean": followed by a break ("I mean, it was fine") or opening a clause without an object
//   ("I mean it", "what I mean is", "I mean to fix it" say something).
// - "kind of", "sort of": a hedge unless a determiner makes them a noun ("what kind of tool").
// Owns: the English filler list. Must not import: DOM, Node.
import { always, type FillerEntry } from './filler-context.ts';

// "I like", "we'd like", "don't like", "to like": the verb.
const LIKE_IS_VERB_AFTER = new Set(['i', 'you', 'we', 'they', 'he', 'she', 'people', "i'd", "you'd", "we'd", "they'd", 'would', 'do', 'does', 'did', "don't", "doesn't", "didn't", 'to', 'really', 'also', 'still', 'might', 'will', "i'll", "we'll"]);
// "looks like", "something like that", "more like": a comparison.
const LIKE_COMPARES_AFTER = new Set(['look', 'looks', 'looked', 'looking', 'seem', 'seems', 'seemed', 'sound', 'sounds', 'sounded', 'feel', 'feels', 'felt', 'something', 'nothing', 'anything', 'more', 'much', 'exactly', 'just']);
// "it was like 20 minutes", "for like an hour": like before an amount.
const BEFORE_APPROXIMATING_LIKE = new Set(['was', 'were', 'is', 'are', "it's", "that's", "there's", 'be', 'been', 'took', 'takes', 'for', 'about', 'and', 'um', 'uh']);
const AFTER_APPROXIMATING_LIKE = new Set(['a', 'an', 'one', 'two', 'three', 'four', 'five', 'six', 'ten', 'twenty', 'fifty', 'hundred', 'half', 'really', 'super', 'totally', 'very', 'so']);
const SO_IS_MEANT_BEFORE = new Set(['that', 'far', 'much', 'many', 'long', 'few', 'little', 'called']);
// "do you know", "if you know", "as you know": a question or a real condition.
const YOU_KNOW_IS_MEANT_AFTER = new Set(['do', 'did', "don't", 'if', 'as', 'whether', 'what']);
const YOU_KNOW_IS_MEANT_BEFORE = new Set(['how', 'what', 'when', 'where', 'why', 'who', 'which', 'that', 'if', 'whether', 'about', 'the', 'a', 'an', 'this', 'it', 'them', 'him', 'her', 'me', 'us', 'each']);
const I_MEAN_IS_MEANT_BEFORE = new Set(['to', 'it', 'that', 'this', 'what', 'them', 'him', 'her', 'you', 'everything', 'business']);
const DETERMINERS = new Set(['what', 'which', 'this', 'that', 'the', 'a', 'an', 'any', 'some', 'every', 'each', 'same', 'different', 'one', 'another', 'no', 'these', 'those', 'my', 'our', 'his', 'her', 'their', 'your', 'its', "what's", 'right', 'wrong', 'particular', 'specific', 'certain', 'new']);

const isAmount = (word: string | undefined): boolean => word !== undefined && (/^\p{N}/u.test(word) || AFTER_APPROXIMATING_LIKE.has(word));

export const ENGLISH_FILLERS: readonly FillerEntry[] = [
  ...always('um', 'um', 'umm', 'ummm'),
  ...always('uh', 'uh', 'uhh', 'uhm'),
  ...always('er', 'er', 'err'),
  ...always('erm'),
  ...always('basically'),
  ...always('actually'),
  ...always('literally'),
  {
    label: 'like',
    words: ['like'],
    when: (c) => {
      if (c.before !== undefined && !c.opensClause && (LIKE_IS_VERB_AFTER.has(c.before) || LIKE_COMPARES_AFTER.has(c.before))) return false;
      const hedge = c.opensClause || c.closesClause;
      const approximating = c.before !== undefined && BEFORE_APPROXIMATING_LIKE.has(c.before) && isAmount(c.after);
      return hedge || approximating;
    },
  },
  {
    label: 'so',
    words: ['so'],
    when: (c) => c.opensSentence && !(c.after !== undefined && SO_IS_MEANT_BEFORE.has(c.after)),
  },
  {
    label: 'you know',
    words: ['you', 'know'],
    when: (c) => {
      if (c.before !== undefined && !c.opensClause && YOU_KNOW_IS_MEANT_AFTER.has(c.before)) return false;
      return c.closesClause || (c.opensClause && !(c.after !== undefined && YOU_KNOW_IS_MEANT_BEFORE.has(c.after)));
    },
  },
  {
    label: 'I mean',
    words: ['i', 'mean'],
    when: (c) => c.before !== 'what' && (c.closesClause || (c.opensClause && !(c.after !== undefined && I_MEAN_IS_MEANT_BEFORE.has(c.after)))),
  },
  ...(['kind of', 'sort of'] as const).map(
    (label): FillerEntry => ({ label, words: label.split(' '), when: (c) => !(c.before !== undefined && !c.opensClause && DETERMINERS.has(c.before)) }),
  ),
];
