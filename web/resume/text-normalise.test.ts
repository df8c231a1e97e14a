import { describe, expect, it } from 'vitest';
import { capText, normaliseText } from './text-normalise.ts';

describe('normaliseText', () => {
  it('collapses spaces of any kind and trims lines', () => {
    expect(normaliseText('  Zoë\u00A0Müller \t —\u2009Café  \n  Berlin ')).toBe('Zoë Müller — Café\nBerlin');
  });

  it('keeps at most one blank line, and unifies line endings', () => {
    expect(normaliseText('Skills\r\n\r\n\r\n\nTypeScript\rSolid\u2028SQL')).toBe('Skills\n\nTypeScript\nSolid\nSQL');
  });

  it('undoes ligatures, composes accents, and drops invisible and icon characters', () => {
    expect(normaliseText('ef\uFB01cient Zoe\u0308 soft\u00ADware zero\u200Bwidth \uE001 zoe@example.com\u0007')).toBe('efficient Zoë software zerowidth zoe@example.com');
  });
});

describe('capText', () => {
  it('leaves text within the cap alone', () => {
    expect(capText('short text', 10)).toEqual({ text: 'short text', truncated: false });
  });

  it('cuts at the last word break near the cap', () => {
    expect(capText('one two three four five six', 22)).toEqual({ text: 'one two three four', truncated: true });
  });

  it('cuts mid-word when the last break is far from the cap', () => {
    expect(capText('a supercalifragilistic', 12)).toEqual({ text: 'a supercalif', truncated: true });
  });

  it('never keeps half of a surrogate pair', () => {
    const { text } = capText('🙂🙂🙂', 3);
    expect(text).toBe('🙂');
  });
});
