import { describe, expect, it } from 'vitest';
import { findFillers, scoreFillers } from './filler-rate.ts';
import { FILLER_HEAVY, STRONG } from './test-support/example-answers.ts';

const labels = (text: string) => findFillers(text).map((filler) => filler.label);

describe('filler rate', () => {
  it('counts fillers per 100 words and quotes where they are', () => {
    const fillers = scoreFillers(FILLER_HEAVY);
    expect(fillers.score).toBe(1);
    expect(fillers.reason).toMatch(/^9 fillers in 38 words \(.*"um" ×1.*\): 23\.7 per 100 words\./);
    expect(fillers.evidence).toHaveLength(3);
    for (const quote of fillers.evidence) expect(FILLER_HEAVY).toContain(quote);
  });

  it('finds each filler phrase, at its exact place', () => {
    expect(labels(FILLER_HEAVY).sort()).toEqual(['I mean', 'actually', 'basically', 'kind of', 'like', 'literally', 'uh', 'um', 'you know'].sort());
    for (const filler of findFillers(FILLER_HEAVY)) {
      expect(FILLER_HEAVY.slice(filler.at, filler.at + filler.length).toLowerCase()).toBe(filler.label.toLowerCase());
    }
  });

  it('leaves "like", "kind of", "you know" and "I mean" alone where they carry meaning', () => {
    expect(labels('I like testing, and tools like Jenkins help. It looks like a cache bug.')).toEqual([]);
    expect(labels('What kind of tool would help? The same sort of problem came back.')).toEqual([]);
    expect(labels('If you know the codebase, you know how it fails. I mean to fix it.')).toEqual([]);
  });

  it('counts the hedging uses', () => {
    expect(labels('It was like 20 minutes. Like, nobody knew. I kind of fixed it, you know?')).toEqual(['like', 'like', 'kind of', 'you know']);
  });

  it('scores a clean answer 5', () => {
    expect(scoreFillers(STRONG)).toMatchObject({ score: 5, reason: 'No filler words: clean and direct.', evidence: [] });
  });
});
