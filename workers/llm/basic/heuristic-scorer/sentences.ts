// Splits an answer into sentences that are exact substrings of it, so every quote shown as evidence
// can be found verbatim in what the candidate wrote.
export interface Sentence {
  text: string;
  start: number;
}

export function splitSentences(answer: string): Sentence[] {
  const sentences: Sentence[] = [];
  // A sentence ends at . ! ? followed by whitespace or the end, or at a line break, so "2.1 seconds",
  // "e.g.x" and "Node.js" stay inside their sentence.
  const boundary = /[.!?]+(?=\s|$)|\n/g;
  let from = 0;
  const push = (end: number) => {
    const raw = answer.slice(from, end);
    const text = raw.trim();
    if (/[a-z0-9]/i.test(text)) sentences.push({ text, start: from + (raw.length - raw.trimStart().length) });
  };
  for (const match of answer.matchAll(boundary)) {
    const end = (match.index ?? 0) + match[0].length;
    push(end);
    from = end;
  }
  push(answer.length);
  return sentences;
}

/** Shortens a long sentence to a clause around `focus`, keeping it a verbatim substring. */
export function quoteAround(sentence: string, focus?: string, maxLength = 180): string {
  if (sentence.length <= maxLength) return sentence;
  const at = focus ? Math.max(0, sentence.toLowerCase().indexOf(focus.toLowerCase())) : 0;
  const start = Math.max(0, Math.min(at - 60, sentence.length - maxLength));
  return sentence.slice(start, start + maxLength).trim();
}
