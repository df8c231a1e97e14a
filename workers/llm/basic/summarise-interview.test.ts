import { describe, expect, it } from 'vitest';
import { interviewSummary, type AnswerScore, type InterviewSpec } from '../../../sync-server/protocol/index.ts';
import type { SummariseInput } from '../api.ts';
import { scoreAnswer } from './heuristic-scorer/score-answer.ts';
import { DESIGN_ANSWER, DESIGN_QUESTION, INCIDENT_QUESTION, STRONG, WEAK } from './heuristic-scorer/test-support/example-answers.ts';
import { summariseInterview } from './summarise-interview.ts';

const spec: InterviewSpec = { role: 'Software engineer', seniority: 'mid', type: 'mixed', questionCount: 3, language: 'en', minutes: 20 };

const turn = (answer: string, skipped = false, score: AnswerScore | null = null, question = INCIDENT_QUESTION): SummariseInput['turns'][number] => ({
  question,
  answer,
  skipped,
  score,
});

describe('summariseInterview', () => {
  it('averages the answered turns, counts skipped ones apart and says so', () => {
    const strong = scoreAnswer(STRONG, INCIDENT_QUESTION);
    const weak = scoreAnswer(WEAK, INCIDENT_QUESTION);
    const summary = summariseInterview({ spec, turns: [turn(STRONG, false, strong), turn(WEAK), turn('', true)] });
    expect(interviewSummary.parse(summary)).toEqual(summary);
    expect(summary).toMatchObject({ engine: 'basic', answered: 2, skipped: 1, overall: Math.round((strong.overall + weak.overall) / 2) });
    const specificity = summary.dimensions.find((d) => d.key === 'specificity')!;
    const mean = (strong.dimensions.find((d) => d.key === 'specificity')!.score + weak.dimensions.find((d) => d.key === 'specificity')!.score) / 2;
    expect(specificity.score).toBe(Math.round(mean * 10) / 10);
    expect(summary.dimensions.map((d) => d.key)).toEqual(['coverage', 'structure', 'specificity', 'length', 'fillers']);
    expect(summary.improvements.at(-1)).toBe('You skipped 1 question: practise it next, since even a short answer scores better than none.');
  });

  it('names the 1–2 best dimensions as strengths and gives a tip for each of the 1–3 weakest', () => {
    const summary = summariseInterview({ spec, turns: [turn(WEAK), turn(WEAK), turn('', true), turn('', true)] });
    expect(summary.strengths).toEqual(['You spoke cleanly, with very few filler words.']);
    const tips = summary.improvements.slice(0, -1);
    expect(tips).toHaveLength(3);
    expect(tips[0]).toMatch(/^Specificity \(1 out of 5\): Replace 'we fixed some things'/);
    expect(tips[1]).toMatch(/^Length \(1 out of 5\): /);
    expect(tips[2]).toMatch(/^Talking points \(2 out of 5\): Before you answer/);
    expect(summary.improvements.at(-1)).toMatch(/^You skipped 2 questions: practise those next/);
  });

  it('calls the best of weak dimensions the strongest so far, not a strength', () => {
    const flat: AnswerScore = {
      engine: 'basic',
      overall: 25,
      flags: [],
      dimensions: [
        { key: 'coverage', label: 'Talking points', score: 2, reason: '', evidence: [] },
        { key: 'specificity', label: 'Specificity', score: 3, reason: '', evidence: [] },
      ],
    };
    const summary = summariseInterview({ spec, turns: [turn(WEAK, false, flat)] });
    expect(summary.strengths).toEqual(['Your strongest area so far is specificity (3 out of 5): build on it.']);
  });

  it('merges STAR and design structure into one "Structure" mean', () => {
    const summary = summariseInterview({ spec, turns: [turn(STRONG), turn(DESIGN_ANSWER, false, null, DESIGN_QUESTION)] });
    expect(summary.dimensions.find((d) => d.key === 'structure')).toEqual({ key: 'structure', label: 'Structure', score: 5 });
  });

  it('reports an interview with no answers plainly', () => {
    const summary = summariseInterview({ spec, turns: [turn('', true), turn('', true)] });
    expect(summary).toMatchObject({ overall: 0, answered: 0, skipped: 2, dimensions: [], strengths: [] });
    expect(summary.improvements[0]).toBe('No question was answered, so there is nothing to score yet.');
    expect(interviewSummary.safeParse(summary).success).toBe(true);
  });
});
