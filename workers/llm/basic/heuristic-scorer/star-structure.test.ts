import { describe, expect, it } from 'vitest';
import { scoreStructure } from './star-structure.ts';
import { DESIGN_ANSWER, DESIGN_QUESTION, INCIDENT_QUESTION, OFF_TOPIC, STRONG, WEAK } from './test-support/example-answers.ts';

describe('STAR structure', () => {
  it('finds all four parts of a strong story, in order, and quotes where', () => {
    const structure = scoreStructure(STRONG, INCIDENT_QUESTION);
    expect(structure).toMatchObject({ key: 'structure', label: 'STAR structure', score: 5 });
    expect(structure.reason).toBe('A complete story: situation, task, action and result, in that order.');
    expect(structure.evidence.length).toBeGreaterThan(0);
    expect(structure.evidence.length).toBeLessThanOrEqual(3);
    for (const quote of structure.evidence) expect(STRONG).toContain(quote);
    expect(structure.evidence.some((quote) => quote.startsWith('As a result'))).toBe(true);
  });

  it('names what a weak story has and what it lacks, with advice for the gap', () => {
    const structure = scoreStructure(WEAK, INCIDENT_QUESTION);
    expect(structure.score).toBe(2);
    expect(structure.reason).toMatch(/^Found a result, but no situation, task or actions of your own\./);
    expect(structure.reason).toMatch(/what you did yourself/);
  });

  it('asks for a result when the story stops at the actions', () => {
    const answer = 'At my last job the release kept slipping. I was responsible for the deploy pipeline. I rewrote the build scripts and I split the test suite.';
    const structure = scoreStructure(answer, INCIDENT_QUESTION);
    expect(structure.score).toBe(4);
    expect(structure.reason).toMatch(/but no result\. End with what changed, ideally with a number/);
  });

  it('marks a story down when it comes out of order', () => {
    const ordered = 'At my last job the site was slow. My task was to fix it. I profiled the queries. As a result pages loaded in 1 second.';
    const jumbled = 'As a result pages loaded in 1 second. I profiled the queries. My task was to fix it. At my last job the site was slow.';
    expect(scoreStructure(ordered, INCIDENT_QUESTION).score).toBe(5);
    const structure = scoreStructure(jumbled, INCIDENT_QUESTION);
    expect(structure.score).toBe(4);
    expect(structure.reason).toMatch(/out of order/);
  });

  it('scores structure on its own: an off-topic story can still be well told', () => {
    expect(scoreStructure(OFF_TOPIC, INCIDENT_QUESTION).score).toBe(5);
  });

  it('judges a system-design answer on the arc of a design instead of STAR', () => {
    const structure = scoreStructure(DESIGN_ANSWER, DESIGN_QUESTION);
    expect(structure).toMatchObject({ key: 'structure', label: 'Design structure', score: 5 });
    for (const quote of structure.evidence) expect(DESIGN_ANSWER).toContain(quote);
    const thin = scoreStructure('I would use a database and an API service.', DESIGN_QUESTION);
    expect(thin.score).toBe(2);
    expect(thin.reason).toMatch(/^Found a design, but no requirements, trade-offs or plan for scale or failure\. Start by pinning down requirements/);
  });

  it('gives an empty answer the lowest score, saying why', () => {
    expect(scoreStructure('  \n ', INCIDENT_QUESTION)).toEqual({ key: 'structure', label: 'STAR structure', score: 1, reason: 'No answer, so no story to follow.', evidence: [] });
  });
});
