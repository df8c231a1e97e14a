// Splits an answer into sentences that are exact substrings of it, so every quote shown as evidence
// can be found verbatim in what the candidate wrote.
export interface Sentence {
  text: string;
  start: number;
}

export function splitSentences(answer: string): Sentence[] {
  const sentences: Sentence[] = [];
  // A sentence ends at . ! ? or a line break, followed by space or the end; "e.g." and decimals survive
  // because they are not followed by a space and a capital/newline often enough to matter here.
  const pattern = /[^.!?\n]+(?:[.!?]+(?=\s|$)|(?=\n)|$)|[.!?]+/g;
  for (const match of answer.matchAll(pattern)) {
    const raw = match[0];
    const leading = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (/[a-z0-9]/i.test(text)) sentences.push({ text, start: (match.index ?? 0) + leading });
  }
  return sentences;
}

/** Shortens a long sentence to a clause around `focus`, keeping it a verbatim substring. */
export function quoteAround(sentence: string, focus?: string, maxLength = 180): string {
  if (sentence.length <= maxLength) return sentence;
  const at = focus ? Math.max(0, sentence.toLowerCase().indexOf(focus.toLowerCase())) : 0;
  const start = Math.max(0, Math.min(at - 60, sentence.length - maxLength));
  return sentence.slice(start, start + maxLength).trim();
}
