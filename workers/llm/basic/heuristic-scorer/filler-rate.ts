// Filler words per 100 words. Context decides for the ambiguous ones: "like" is filler in "it was,
// like, slow" but not in "I like testing" or "tools like Jenkins"; "kind of" is filler in "I kind of
// fixed it" but not in "what kind of tool".
import type { DimensionScore, PlannedQuestion } from '../../../../sync-server/protocol/index.ts';
import { quoteAround, splitSentences } from './sentences.ts';
import { countWords, tokenize, type Token } from './tokens.ts';
import { plural } from './wording.ts';

export interface Filler {
  label: string;
  /** Offset in the text and length of the filler itself. */
  at: number;
  length: number;
}

const ALWAYS: Readonly<Record<string, string>> = {
  um: 'um', umm: 'um', erm: 'um', er: 'um', hmm: 'um',
  uh: 'uh', uhh: 'uh', uhm: 'uh', ah: 'uh',
  basically: 'basically',
  actually: 'actually',
  literally: 'literally',
};

const BEFORE_FILLER_LIKE = new Set(['was', 'were', 'is', 'are', "it's", "that's", "he's", "she's", "they're", "we're", "i'm", "you're", 'just', 'and', 'so', 'um', 'uh', 'er']);
const AFTER_FILLER_LIKE = new Set(['really', 'so', 'totally', 'completely', 'super', 'very', 'just', 'literally', 'basically', 'um', 'uh', 'all', 'kind', 'sort', 'about', 'around']);
// "things I like, such as…": after these, "like" is the verb.
const LIKE_AS_VERB = new Set(['i', 'you', 'we', 'they', 'would', "i'd", "don't", "didn't", 'really', 'to']);
// "what kind of tool", "the same sort of problem": a real noun phrase, not a hedge.
const BEFORE_REAL_KIND = new Set(['what', 'which', 'this', 'that', 'the', 'a', 'an', 'any', 'some', 'every', 'each', 'same', 'different', 'one', 'new', 'right', 'wrong', 'another', 'no', 'these', 'those', 'my', 'our', 'his', 'her', 'their', 'your', 'its', "what's", 'particular', 'specific', 'certain']);
// "you know how it is", "if you know the codebase": "you know" with an object is a real verb.
const AFTER_REAL_KNOW = new Set(['how', 'what', 'when', 'where', 'why', 'who', 'which', 'that', 'if', 'whether', 'about', 'the', 'a', 'an', 'this', 'it', 'them', 'him', 'her', 'me', 'us', 'each']);

/** The filler words in one sentence; `offset` is the sentence's place in the whole text. */
function fillersIn(sentence: string, offset: number): Filler[] {
  const tokens = tokenize(sentence);
  const found: Filler[] = [];
  const gapAfter = (i: number): string => sentence.slice(tokens[i]!.end, tokens[i + 1]?.start ?? sentence.length);
  const gapBefore = (i: number): string => (i === 0 ? '' : sentence.slice(tokens[i - 1]!.end, tokens[i]!.start));
  const opensClause = (i: number): boolean => i === 0 || /[,;:—–-]/.test(gapBefore(i));
  const add = (label: string, first: Token, last: Token): void => {
    found.push({ label, at: offset + first.start, length: last.end - first.start });
  };

  tokens.forEach((token, i) => {
    const previous = tokens[i - 1]?.word;
    const next = tokens[i + 1];
    const label = ALWAYS[token.word];
    if (label) return add(label, token, token);
    if (token.word === 'like') {
      const hedge = /^\s*,/.test(gapAfter(i)) && !(previous && LIKE_AS_VERB.has(previous));
      const approximating = previous !== undefined && BEFORE_FILLER_LIKE.has(previous) && next !== undefined && (AFTER_FILLER_LIKE.has(next.word) || /^\d/.test(next.word));
      if (hedge || approximating) add('like', token, token);
      return;
    }
    if ((token.word === 'kind' || token.word === 'sort') && next?.word === 'of' && !(previous && BEFORE_REAL_KIND.has(previous))) {
      return add(`${token.word} of`, token, next);
    }
    if (token.word === 'you' && next?.word === 'know') {
      const afterKnow = tokens[i + 2];
      const trailing = afterKnow === undefined || /^\s*[,.!?—–-]/.test(gapAfter(i + 1));
      const standalone = opensClause(i) && !(afterKnow && AFTER_REAL_KNOW.has(afterKnow.word));
      if (trailing || standalone) add('you know', token, next);
      return;
    }
    // "I mean to fix it" and "what I mean is" say something; "I mean, it was fine" does not.
    const intended = tokens[i + 2]?.word === 'to' || previous === 'what';
    if (token.word === 'i' && next?.word === 'mean' && !intended && (opensClause(i) || /^\s*,/.test(gapAfter(i + 1)))) {
      add('I mean', token, next);
    }
  });
  return found;
}

export function findFillers(text: string): Filler[] {
  return splitSentences(text).flatMap((sentence) => fillersIn(sentence.text, sentence.start));
}

export function scoreFillers(answer: string, _question?: PlannedQuestion): DimensionScore {
  const base = { key: 'fillers', label: 'Filler words' };
  const words = countWords(answer);
  if (words === 0) return { ...base, score: 1, reason: 'No answer to judge.', evidence: [] };
  const fillers = findFillers(answer);
  const per100 = (fillers.length / words) * 100;
  const score = per100 < 1 ? 5 : per100 < 2.5 ? 4 : per100 < 5 ? 3 : per100 < 8 ? 2 : 1;
  if (fillers.length === 0) return { ...base, score, reason: 'No filler words: clean and direct.', evidence: [] };

  const counts = new Map<string, number>();
  for (const filler of fillers) counts.set(filler.label, (counts.get(filler.label) ?? 0) + 1);
  const tally = [...counts].sort((a, b) => b[1] - a[1]).map(([label, count]) => `"${label}" ×${count}`).join(', ');
  let reason = `${plural(fillers.length, 'filler')} in ${plural(words, 'word')} (${tally}): ${per100.toFixed(1)} per 100 words.`;
  reason += score >= 4 ? ' That is low enough not to distract.' : ' Drop them: a short pause reads as more confident than a filler.';
  return { ...base, score, reason, evidence: evidenceFor(answer, fillers) };
}

/** The clauses holding fillers, one per sentence, at most three. */
function evidenceFor(answer: string, fillers: readonly Filler[]): string[] {
  const quotes: string[] = [];
  for (const sentence of splitSentences(answer)) {
    const first = fillers.find((filler) => filler.at >= sentence.start && filler.at < sentence.start + sentence.text.length);
    if (first) quotes.push(quoteAround(sentence.text, first.at - sentence.start));
    if (quotes.length === 3) break;
  }
  return quotes;
}
