import { describe, expect, it } from 'vitest';
import { expectedWordRange, scoreLength } from './answer-length.ts';
import { INCIDENT_QUESTION } from './test-support/example-answers.ts';

const words = (count: number): string => Array.from({ length: count }, () => 'word').join(' ');

describe('answer length', () => {
  it('expects about 130 spoken words a minute, with a wide band for typed answers', () => {
    expect(expectedWordRange(INCIDENT_QUESTION)).toEqual({ low: 114, high: 520, target: 325 });
  });

  it('scores the band 5 and falls off on both sides', () => {
    const score = (count: number) => scoreLength(words(count), INCIDENT_QUESTION).score;
    expect([0, 20, 50, 100, 114, 300, 520, 600, 900, 1200].map(score)).toEqual([1, 1, 2, 3, 5, 5, 5, 3, 2, 1]);
  });

  it('gives the word count and the expected range in the reason', () => {
    const length = scoreLength(words(19), INCIDENT_QUESTION);
    expect(length.reason).toMatch(/^19 words; a good answer here runs about 114–520 words \(around 2½ minutes spoken\)\. Far too short/);
    expect(length.evidence).toEqual([]);
  });

  it('says what a short answer should add in the terms of its kind of question', () => {
    expect(scoreLength(words(20), { ...INCIDENT_QUESTION, kind: 'system-design' }).reason).toMatch(/walk through the requirements, the main components/);
    expect(scoreLength(words(20), INCIDENT_QUESTION).reason).toMatch(/add the situation, what you did, and how it turned out/);
  });
});
