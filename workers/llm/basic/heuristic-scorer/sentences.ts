// Splits an answer into sentences that are exact substrings of it, and cuts long ones down to a
// clause, so every quote shown as evidence can be found verbatim in what the candidate wrote.
export interface Sentence {
  text: string;
  /** Offset of `text` in the string that was split. */
  start: number;
}

// Abbreviations whose full stop is not the end of a sentence ("e.g. the cache").
const ABBREVIATION = /(?:^|[\s(])(?:e\.g|i\.e|vs|approx|incl|cf|dr|mr|mrs|prof)\.$/i;

export function splitSentences(answer: string): Sentence[] {
  const sentences: Sentence[] = [];
  // A sentence ends at . ! ? (and any closing quote or bracket) followed by whitespace or the end, or
  // at a line break, so "2.1 seconds" and "Node.js" stay inside their sentence.
  const boundary = /[.!?]+["'”’)\]]*(?=\s|$)|\n/g;
  let from = 0;
  const push = (end: number) => {
    const raw = answer.slice(from, end);
    const text = raw.trim();
    if (/[\p{L}\p{N}]/u.test(text)) sentences.push({ text, start: from + (raw.length - raw.trimStart().length) });
  };
  for (const match of answer.matchAll(boundary)) {
    const end = (match.index ?? 0) + match[0].length;
    if (match[0] !== '\n' && ABBREVIATION.test(answer.slice(Math.max(from, end - 12), end))) continue;
    push(end);
    from = end;
  }
  push(answer.length);
  return sentences;
}

const CLAUSE_BREAK = /[,;:]\s+|\s+[—–-]\s+/g;

/**
 * A verbatim quote from `sentence` of at most `maxLength` characters around `focus` (a phrase in the
 * sentence, or an offset into it): the whole sentence when it is short enough, else the clause holding
 * the focus with as many neighbouring clauses as fit, else the words around the focus.
 */
export function quoteAround(sentence: string, focus?: string | number, maxLength = 180): string {
  if (sentence.length <= maxLength) return sentence;
  const at = focusOffset(sentence, focus);
  const clauses = clauseSpans(sentence);
  let index = clauses.findIndex((clause) => at >= clause.start && at < clause.end);
  if (index < 0) index = 0;
  let { start, end } = clauses[index]!;
  if (end - start > maxLength) return wordsAround(sentence, at, maxLength);
  let before = index - 1;
  let after = index + 1;
  for (;;) {
    const next = clauses[after];
    const previous = clauses[before];
    if (next && next.end - start <= maxLength) {
      end = next.end;
      after += 1;
    } else if (previous && end - previous.start <= maxLength) {
      start = previous.start;
      before -= 1;
    } else break;
  }
  return tidy(sentence, start, end);
}

function focusOffset(sentence: string, focus: string | number | undefined): number {
  if (typeof focus === 'number') return Math.max(0, Math.min(focus, sentence.length - 1));
  if (!focus) return 0;
  return Math.max(0, sentence.toLowerCase().indexOf(focus.toLowerCase()));
}

function clauseSpans(sentence: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let from = 0;
  for (const match of sentence.matchAll(CLAUSE_BREAK)) {
    const end = (match.index ?? 0) + match[0].length;
    spans.push({ start: from, end });
    from = end;
  }
  spans.push({ start: from, end: sentence.length });
  return spans;
}

function wordsAround(sentence: string, at: number, maxLength: number): string {
  let start = Math.max(0, Math.min(at - Math.floor(maxLength / 3), sentence.length - maxLength));
  let end = Math.min(sentence.length, start + maxLength);
  // Cut on word boundaries so no word is shown half.
  if (start > 0 && /\S/.test(sentence[start - 1] ?? '')) {
    const space = sentence.indexOf(' ', start);
    start = space >= 0 && space < at ? space + 1 : start;
  }
  if (end < sentence.length && /\S/.test(sentence[end] ?? '')) {
    const space = sentence.lastIndexOf(' ', end);
    end = space > at ? space : end;
  }
  return tidy(sentence, start, end);
}

/** Trims whitespace and the clause punctuation a cut leaves dangling; still a substring. */
function tidy(sentence: string, start: number, end: number): string {
  return sentence.slice(start, end).replace(/^[\s,;:—–-]+/, '').replace(/[\s,;:—–-]+$/, '');
}
