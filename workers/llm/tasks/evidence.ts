// Evidence quotes must be the candidate's own words. A quote counts when it appears in the answer
// after normalising only what a model cannot help changing: whitespace, quote marks and case.
// Owns: the verbatim check. Must not import: DOM, Dexie.

function normalise(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201a\u201b]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Quotes shorter than this prove nothing ("I", "the"). */
const MIN_QUOTE_CHARS = 4;

/** Whether `quote` appears in `answer`, up to whitespace, quote marks and case; quote marks around it are ignored. */
export function isVerbatimQuote(quote: string, answer: string): boolean {
  const needle = normalise(quote.replace(/^["'\u201c\u2018]+|["'\u201d\u2019]+$/g, ''));
  return needle.length >= MIN_QUOTE_CHARS && normalise(answer).includes(needle);
}
