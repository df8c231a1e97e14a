// Turns one page's pdf.js text items into lines and paragraphs.
// pdf.js gives text in content-stream order as runs with a position and a line-end flag (`hasEOL`).
// We keep that order (re-sorting by position scrambles two-column layouts worse than it helps),
// start a new line where pdf.js flags one or the baseline moves, put a space between runs that
// have a visible gap, and leave a blank line where the vertical gap is wider than normal line spacing,
// which in a résumé is usually a new section or entry.
// Pure: no pdf.js import, so it is unit-tested in Node.

/** The fields of pdf.js's TextItem that the layout needs. */
export interface PageTextItem {
  str: string;
  hasEOL: boolean;
  /** [a, b, c, d, x, y]: x, y is the run's baseline start, in PDF units (y grows upwards). */
  transform: readonly number[];
  width: number;
  height: number;
}

interface Line {
  text: string;
  y: number;
  fontSize: number;
}

// A baseline this far from the previous run's (in font sizes) is a new line, not a superscript.
const NEW_LINE_SHIFT = 0.5;
// A horizontal gap this wide (in font sizes) between runs is a word break.
const WORD_GAP = 0.15;
// Lines are usually 1.1–1.5 font sizes apart; more than this is a paragraph or section break.
const PARAGRAPH_GAP = 1.75;

export function pageItemsToText(items: readonly PageTextItem[]): string {
  const lines: Line[] = [];
  let current: Line | null = null;
  let previousRun: { endX: number; y: number; fontSize: number } | null = null;

  const endLine = () => {
    if (current && current.text.trim() !== '') lines.push(current);
    current = null;
  };

  for (const item of items) {
    if (item.str !== '') {
      const x = item.transform[4] ?? 0;
      const y = item.transform[5] ?? 0;
      const fontSize = runFontSize(item);
      if (current && previousRun) {
        const shift = Math.abs(y - previousRun.y);
        if (shift > NEW_LINE_SHIFT * Math.max(fontSize, previousRun.fontSize)) {
          endLine();
        } else if (x - previousRun.endX > WORD_GAP * fontSize && !/\s$/.test(current.text) && !/^\s/.test(item.str)) {
          current.text += ' ';
        }
      }
      current ??= { text: '', y, fontSize };
      current.text += item.str;
      previousRun = { endX: x + item.width, y, fontSize };
    }
    if (item.hasEOL) endLine();
  }
  endLine();

  return lines.map((line, index) => (index === 0 ? '' : separator(lines[index - 1]!, line)) + line.text).join('');
}

function separator(above: Line, below: Line): string {
  const gap = above.y - below.y;
  const lineSize = Math.max(above.fontSize, below.fontSize);
  // A jump upwards is a new column or a box placed out of order: keep it apart too.
  return gap > PARAGRAPH_GAP * lineSize || gap < -lineSize ? '\n\n' : '\n';
}

// The run's vertical scale is its font size in PDF units; `height` is the fallback for odd matrices.
function runFontSize(item: PageTextItem): number {
  const [, , c = 0, d = 0] = item.transform;
  return Math.hypot(c, d) || item.height || 1;
}
