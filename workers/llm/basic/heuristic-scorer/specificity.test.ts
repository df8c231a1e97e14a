import { describe, expect, it } from 'vitest';
import { scoreSpecificity } from './specificity.ts';
import { DESIGN_QUESTION, INCIDENT_QUESTION, STRONG, WEAK } from './test-support/example-answers.ts';

describe('specificity', () => {
  it('counts numbers, names and first-person actions in a concrete answer', () => {
    const specificity = scoreSpecificity(STRONG);
    expect(specificity.score).toBe(5);
    expect(specificity.reason).toMatch(/Found \d+ numbers \(15 minutes, 4 seconds, 180 ms/);
    expect(specificity.reason).toMatch(/Jaeger, PostgreSQL/);
    expect(specificity.reason).toMatch(/things you did yourself \(I checked, I posted, I added\)/);
    expect(specificity.evidence.length).toBeGreaterThan(0);
    expect(specificity.evidence.length).toBeLessThanOrEqual(3);
    for (const quote of specificity.evidence) expect(STRONG).toContain(quote);
  });

  it('scores a vague answer low and names the vague words', () => {
    const specificity = scoreSpecificity(WEAK);
    expect(specificity.score).toBe(1);
    expect(specificity.reason).toMatch(/^No numbers, names or first-person actions\. Vague words: some problems, things\./);
    expect(specificity.evidence).toEqual([]);
  });

  it('notices a story told only as "we"', () => {
    const specificity = scoreSpecificity('We planned the launch. We wrote the docs and we shipped it in 3 weeks. Our team was proud.');
    expect(specificity.reason).toMatch(/Mostly "we" \(4\) and hardly "I" \(0\)/);
  });

  it('recognises tools typed in lower case, but not a capital that only starts a sentence', () => {
    expect(scoreSpecificity('I moved the jobs to kubernetes.').reason).toMatch(/named tool, product or place \(kubernetes\)/);
    expect(scoreSpecificity('Then it worked.').reason).toMatch(/^No numbers, names/);
  });

  it('does not count "I" and a feeling as an action', () => {
    expect(scoreSpecificity('I felt stuck and I wanted help.').reason).toMatch(/^No numbers, names or first-person actions\./);
  });

  it('counts the choices a design answer says it would make, but only for non-story questions', () => {
    const answer = "I'd shard by user id and I would use Redis for hot keys.";
    expect(scoreSpecificity(answer, DESIGN_QUESTION).reason).toMatch(/2 things you did or would do yourself \(I'd shard, I would use\)/);
    expect(scoreSpecificity(answer, INCIDENT_QUESTION).reason).not.toMatch(/would do yourself/);
  });
});
