import { describe, expect, it } from 'vitest';
import type { PlannedQuestion } from '../../../../sync-server/protocol/index.ts';
import { findCoverage, scoreCoverage } from './talking-point-coverage.ts';
import { INCIDENT_QUESTION, OFF_TOPIC, STRONG, WEAK } from './test-support/example-answers.ts';

const question = (cues: string[][]): PlannedQuestion => ({
  ...INCIDENT_QUESTION,
  talkingPoints: cues.map((pointCues, i) => ({ point: `Point ${i + 1}`, cues: pointCues })),
});

describe('talking-point coverage', () => {
  it('matches cues by stem, so inflections count', () => {
    const q = question([['deploy'], ['root cause'], ['stakeholder']]);
    const { covered, missed } = findCoverage('We deployed twice. The root causes were clear. I briefed every stakeholder.', q);
    expect(covered.map((hit) => hit.point)).toEqual(['Point 1', 'Point 2', 'Point 3']);
    expect(missed).toEqual([]);
  });

  it('matches a multi-word cue only as a run of words in one sentence', () => {
    const q = question([['root cause']]);
    expect(findCoverage('The root of the cause was unclear.', q).covered).toEqual([]);
    expect(findCoverage('We found the root. Cause unknown.', q).covered).toEqual([]);
    expect(findCoverage('We found the ROOT CAUSE fast.', q).covered).toHaveLength(1);
  });

  it('covers every point of a strong answer and quotes the sentence that covered each', () => {
    const coverage = scoreCoverage(STRONG, INCIDENT_QUESTION);
    expect(coverage).toMatchObject({ key: 'coverage', label: 'Talking points', score: 5 });
    expect(coverage.reason).toMatch(/^Covered all 4 points/);
    expect(coverage.evidence).toHaveLength(3);
    for (const quote of coverage.evidence) expect(STRONG).toContain(quote);
  });

  it('lists the covered and missed points of a weak answer by their text', () => {
    const coverage = scoreCoverage(WEAK, INCIDENT_QUESTION);
    expect(coverage.score).toBe(2);
    expect(coverage.reason).toContain('Covered 1 of 4 points: “Fixed it and prevented a recurrence”.');
    expect(coverage.reason).toContain('Not yet covered: “Diagnosed the root cause methodically”, “Kept stakeholders informed during the incident” and “Measured the impact”');
    expect(coverage.evidence).toEqual(['We had some problems once and we fixed things.']);
  });

  it('scores an off-topic answer 1 and says it reads as off the question', () => {
    const coverage = scoreCoverage(OFF_TOPIC, INCIDENT_QUESTION);
    expect(coverage.score).toBe(1);
    expect(coverage.reason).toMatch(/off the question/);
    expect(coverage.evidence).toEqual([]);
  });

  it('scales the score with the share of points covered', () => {
    const q = question([['alpha'], ['beta'], ['gamma'], ['delta']]);
    const scores = ['nothing here', 'alpha', 'alpha beta', 'alpha beta gamma', 'alpha beta gamma delta'].map((answer) => scoreCoverage(answer, q).score);
    expect(scores).toEqual([1, 2, 3, 4, 5]);
  });
});
