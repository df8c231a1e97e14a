import { describe, expect, it } from 'vitest';
import { scoreAnswer } from '../../workers/llm/basic/index.ts';
import { findCodingChallenge } from './catalogue/catalogue.ts';
import { codeScoreOf, explanationQuestion, explanationSpec } from './challenge-scoring.ts';

describe('code score', () => {
  it('is the share of tests passed, rounded to a whole number', () => {
    expect(codeScoreOf({ passed: 5, total: 5 })).toBe(100);
    expect(codeScoreOf({ passed: 2, total: 3 })).toBe(67);
    expect(codeScoreOf({ passed: 1, total: 7 })).toBe(14);
    expect(codeScoreOf({ passed: 0, total: 4 })).toBe(0);
  });

  it('never leaves 0–100, whatever it is given', () => {
    expect(codeScoreOf({ passed: 0, total: 0 })).toBe(0);
    expect(codeScoreOf({ passed: 9, total: 4 })).toBe(100);
    expect(codeScoreOf({ passed: -1, total: 4 })).toBe(0);
  });
});

describe('explanation scoring', () => {
  const challenge = findCodingChallenge('two-sum')!;
  const question = explanationQuestion(challenge, 'Explain how your solution to Two sum works.');

  it('asks a technical question at the challenge level, with its talking points', () => {
    expect(question).toMatchObject({ id: 'challenge-two-sum', kind: 'technical', text: 'Explain how your solution to Two sum works.', expectedSeconds: 60 });
    expect(question.talkingPoints).toHaveLength(challenge.explanation.talkingPoints.length);
    expect(explanationSpec(challenge, 'es')).toEqual({ role: 'Software engineer', seniority: 'junior', type: 'technical', questionCount: 1, language: 'es', minutes: 1 });
    expect(explanationSpec(findCodingChallenge('lru-cache')!, 'en')).toMatchObject({ seniority: 'senior', minutes: 2 });
  });

  it('scores a specific explanation well above a vague one with the basic engine', () => {
    const strong = scoreAnswer(
      'I walk through the array once and keep a hash map from each value to its index. For every number I look up its complement, the target minus the number, before storing it, so the same element is never used twice. That is one pass: O(n) time and O(n) extra space for the map, instead of checking all pairs in O(n^2).',
      question,
    );
    const vague = scoreAnswer('I wrote some code and it works fine I think.', question);
    expect(strong.overall).toBeGreaterThan(vague.overall + 30);
    expect(strong.dimensions.find((dimension) => dimension.key === 'coverage')?.evidence.length).toBeGreaterThan(0);
  });
});
