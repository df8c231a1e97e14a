import { describe, expect, it } from 'vitest';
import { stem, stems } from './stemmer.ts';

describe('Porter stemmer', () => {
  it('matches the reference stems for common cases', () => {
    const cases: Record<string, string> = {
      caresses: 'caress',
      ponies: 'poni',
      cats: 'cat',
      agreed: 'agre',
      plastered: 'plaster',
      motoring: 'motor',
      hopping: 'hop',
      filing: 'file',
      happy: 'happi',
      relational: 'relat',
      conditional: 'condit',
      generalization: 'gener',
      hopeful: 'hope',
      goodness: 'good',
      adjustment: 'adjust',
      controlling: 'control',
    };
    for (const [word, expected] of Object.entries(cases)) expect(stem(word), word).toBe(expected);
  });

  it('maps inflections of one word to one stem', () => {
    expect(new Set(stems('deploy deployed deploying deploys')).size).toBe(1);
    expect(stem('caching')).toBe(stem('cache'));
  });

  it('treats a possessive as the word itself', () => {
    expect(stem("team's")).toBe(stem('team'));
    expect(stems('the customer’s order')).toEqual(['the', 'custom', 'order']);
  });
});
