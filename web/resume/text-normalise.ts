// Cleans up résumé text (from a PDF or a text file) before analysis, and caps its length.
// Pure: unit-tested in Node.

// Soft hyphens, zero-width characters and byte-order marks are invisible in the PDF, but split words
// for anything that reads the text. Private-use characters are icon-font glyphs (the phone or e-mail
// icons many résumé templates use) that have no meaning as text.
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF\p{Co}]/gu;
// Line breaks of every kind: Windows and old Mac line ends, Unicode line and paragraph separators,
// vertical tab, form feed (a page break in text files) and next-line.
// eslint-disable-next-line no-control-regex -- vertical tab and form feed are control characters
const LINE_BREAKS = /\r\n?|[\u2028\u2029\u000B\u000C\u0085]/g;
// Control characters other than the line feed: tabs become spaces, the rest are dropped.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/gu;
// Any horizontal space (no-break, thin, ideographic…) counts as one space.
const SPACES = /[\t\p{Zs}]+/gu;

export function normaliseText(text: string): string {
  return (
    text
      // Ligatures (ﬁ, ﬂ) and compatibility forms from PDF fonts would otherwise hide words from search.
      .normalize('NFKC')
      .replace(LINE_BREAKS, '\n')
      .replace(INVISIBLE, '')
      .replace(SPACES, ' ')
      .replace(CONTROL, '')
      .split('\n')
      .map((line) => line.trim())
      .join('\n')
      // At most one blank line in a row: the gap marks a new section, its size means nothing.
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}

const MAX_WORD_LOOKBACK = 200;

/**
 * Cuts `text` to at most `maxChars` characters, at a line or word break when one is close enough
 * to the limit that little is lost, so the analysis never sees half a word.
 */
export function capText(text: string, maxChars: number): { text: string; truncated: boolean } {
  if (text.length <= maxChars) return { text, truncated: false };
  // Never keep half of a surrogate pair (an emoji, a rare CJK character).
  const hardCut = text.slice(0, /[\uD800-\uDBFF]/.test(text.charAt(maxChars - 1)) ? maxChars - 1 : maxChars);
  const lastBreak = Math.max(hardCut.lastIndexOf('\n'), hardCut.lastIndexOf(' '));
  // Look back at most one long word (200 characters), and never over half of a small cap.
  const cut = lastBreak >= maxChars - Math.min(MAX_WORD_LOOKBACK, maxChars / 2) ? hardCut.slice(0, lastBreak) : hardCut;
  return { text: cut.trimEnd(), truncated: true };
}
