import { describe, expect, it } from 'vitest';
import type { InterviewSpec } from '../../../sync-server/protocol/index.ts';
import { NotEnoughQuestionsError, planQuestions } from './plan-questions.ts';
import type { QuestionBank } from './question-bank.ts';
import type { BankQuestion } from './question-bank-schema.ts';

function question(id: string, role: string, kind: BankQuestion['kind'], seniorities: BankQuestion['seniorities']): BankQuestion {
  return {
    id,
    role,
    kind,
    seniorities,
    text: `Question ${id} for the test bank?`,
    talkingPoints: [
      { point: 'first point', cues: ['alpha'] },
      { point: 'second point', cues: ['beta'] },
      { point: 'third point', cues: ['gamma'] },
    ],
    rubricHint: 'A hint long enough for the schema.',
    expectedSeconds: 120,
  };
}

const bank: QuestionBank = {
  roles: [
    { id: 'general', label: 'Any role', aliases: ['general'] },
    { id: 'nurse', label: 'Nurse', aliases: ['nurse', 'rn'] },
  ],
  questions: [
    question('n-b-1', 'nurse', 'behavioural', ['junior']),
    question('n-b-2', 'nurse', 'behavioural', ['mid']),
    question('n-t-1', 'nurse', 'technical', ['junior', 'mid']),
    question('n-t-2', 'nurse', 'technical', ['senior']),
    question('n-s-1', 'nurse', 'system-design', ['mid']),
    question('g-b-1', 'general', 'behavioural', ['junior', 'mid', 'senior']),
    question('g-b-2', 'general', 'behavioural', ['mid']),
  ],
};

const spec = (overrides: Partial<InterviewSpec>): InterviewSpec => ({
  role: 'Registered nurse',
  seniority: 'junior',
  type: 'behavioural',
  questionCount: 1,
  language: 'en',
  minutes: 15,
  ...overrides,
});

describe('planQuestions', () => {
  it('prefers the role at the asked seniority, then neighbours, then general behavioural questions', () => {
    const plan = planQuestions(spec({ questionCount: 4 }), bank, { seed: 1 });
    expect(plan.map((q) => q.id).slice(0, 2)).toEqual(['n-b-1', 'n-b-2']);
    expect(plan.slice(2).every((q) => q.id.startsWith('g-b-'))).toBe(true);
    expect(new Set(plan.map((q) => q.id)).size).toBe(4);
  });

  it('spreads a mixed interview across kinds, starting behavioural', () => {
    const plan = planQuestions(spec({ type: 'mixed', seniority: 'mid', questionCount: 3 }), bank, { seed: 7 });
    expect(plan.map((q) => q.kind)).toEqual(['behavioural', 'technical', 'system-design']);
  });

  it('is deterministic for a seed', () => {
    const a = planQuestions(spec({ type: 'technical', questionCount: 2 }), bank, { seed: 42 });
    const b = planQuestions(spec({ type: 'technical', questionCount: 2 }), bank, { seed: 42 });
    expect(a).toEqual(b);
  });

  it('says what to do when the bank runs out', () => {
    expect(() => planQuestions(spec({ type: 'system-design', questionCount: 2 }), bank, { seed: 1 })).toThrow(NotEnoughQuestionsError);
    expect(() => planQuestions(spec({ type: 'system-design', questionCount: 2 }), bank, { seed: 1 })).toThrow(/Choose fewer questions/);
  });
});
