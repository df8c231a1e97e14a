// Words with their places in the text, so a rule that matches words can still quote the text verbatim.

export interface Token {
  /** Lower-cased, with a curly apostrophe made straight: "it’s" → "it's". */
  word: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index ?? 0;
    tokens.push({ word: match[0].toLowerCase().replace(/’/g, "'"), start, end: start + match[0].length });
  }
  return tokens;
}

export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}
