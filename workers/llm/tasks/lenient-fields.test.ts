import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { lenientInt, lenientNumber, plainText, textList } from './lenient-fields.ts';

describe('lenientInt', () => {
  const score = lenientInt(1, 5);

  it('reads numbers and numeric strings and clamps them into range', () => {
    expect(score.parse(4)).toBe(4);
    expect(score.parse(3.6)).toBe(4);
    expect(score.parse(9)).toBe(5);
    expect(score.parse(0)).toBe(1);
    expect(score.parse('4/5')).toBe(4);
    expect(score.parse('score: 2')).toBe(2);
  });

  it('rejects what holds no number at all', () => {
    expect(score.safeParse('excellent').success).toBe(false);
    expect(score.safeParse(null).success).toBe(false);
    expect(z.object({ score }).safeParse({}).success).toBe(false);
  });

  it('shows the model a required integer in range', () => {
    expect(z.toJSONSchema(z.object({ score }), { io: 'input' })).toMatchObject({
      properties: { score: { type: 'integer', minimum: 1, maximum: 5 } },
      required: ['score'],
    });
  });
});

describe('lenientNumber', () => {
  it('reads "2.5 years" as 2.5 and clamps without rounding', () => {
    const years = lenientNumber(0, 60);
    expect(years.parse('2.5 years')).toBe(2.5);
    expect(years.parse(-1)).toBe(0);
    expect(z.toJSONSchema(years, { io: 'input' })).toMatchObject({ type: 'number', minimum: 0, maximum: 60 });
  });
});

describe('text fields', () => {
  it('trims and cuts plain text', () => {
    expect(plainText(5).parse('  abcdefgh ')).toBe('abcde');
  });

  it('trims list items, drops empty ones and caps the count and length', () => {
    expect(textList(2, 3).parse([' Python ', ' ', 'SQL', 'Go'])).toEqual(['Pyt', 'SQL']);
  });
});
