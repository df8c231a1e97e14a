import { describe, expect, it } from 'vitest';
import { pageItemsToText, type PageTextItem } from './pdf-text-layout.ts';

// A run of text at (x, y) in a font of `size`, about 0.5 size wide a character, as pdf.js reports it.
function run(str: string, x: number, y: number, options: { size?: number; hasEOL?: boolean } = {}): PageTextItem {
  const size = options.size ?? 10;
  return { str, hasEOL: options.hasEOL ?? false, transform: [size, 0, 0, size, x, y], width: str.length * size * 0.5, height: size };
}
const lineBreak: PageTextItem = { str: '', hasEOL: true, transform: [1, 0, 0, 1, 0, 0], width: 0, height: 0 };

describe('pageItemsToText', () => {
  it('ends a line where pdf.js flags one', () => {
    expect(pageItemsToText([run('Zoë Müller', 50, 700, { hasEOL: true }), run('Engineer', 50, 688)])).toBe('Zoë Müller\nEngineer');
    expect(pageItemsToText([run('Zoë Müller', 50, 700), lineBreak, run('Engineer', 50, 688)])).toBe('Zoë Müller\nEngineer');
  });

  it('ends a line where the baseline moves, even without a flag', () => {
    expect(pageItemsToText([run('Skills', 50, 700), run('TypeScript', 50, 686)])).toBe('Skills\nTypeScript');
  });

  it('joins runs on one baseline, with a space only where there is a visible gap', () => {
    // "Skills:" ends at x = 50 + 7 * 5 = 85.
    expect(pageItemsToText([run('Skills:', 50, 700), run('TypeScript', 89, 700)])).toBe('Skills: TypeScript');
    expect(pageItemsToText([run('Type', 50, 700), run('Script', 70, 700)])).toBe('TypeScript');
    expect(pageItemsToText([run('Skills: ', 50, 700), run('TypeScript', 95, 700)])).toBe('Skills: TypeScript');
  });

  it('keeps a superscript on its line', () => {
    expect(pageItemsToText([run('1', 50, 700), run('st', 55, 704, { size: 6 }), run(' place', 61, 700)])).toBe('1st place');
  });

  it('leaves a blank line where the gap is wider than line spacing', () => {
    const items = [run('Experience', 50, 700, { hasEOL: true }), run('Lead Engineer', 50, 687, { hasEOL: true }), run('Education', 50, 650)];
    expect(pageItemsToText(items)).toBe('Experience\nLead Engineer\n\nEducation');
  });

  it('keeps content-stream order and separates a jump back up (a second column)', () => {
    const items = [run('Left column', 50, 700, { hasEOL: true }), run('more left', 50, 688, { hasEOL: true }), run('Right column', 320, 700)];
    expect(pageItemsToText(items)).toBe('Left column\nmore left\n\nRight column');
  });

  it('drops lines with only spaces, and gives nothing for no items', () => {
    expect(pageItemsToText([run(' ', 50, 700, { hasEOL: true }), run('Text', 50, 688)])).toBe('Text');
    expect(pageItemsToText([])).toBe('');
  });
});
