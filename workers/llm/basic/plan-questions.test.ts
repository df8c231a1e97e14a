import { describe, expect, it } from 'vitest';
import type { InterviewSpec } from '../../../sync-server/protocol/index.ts';
import { NotEnoughQuestionsError, planQuestions, slotKinds, type QuestionBankData } from './plan-questions.ts';
import type { BankQuestion } from './question-bank-schema.ts';
import { mulberry32 } from './seeded-random.ts';

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

const bank: QuestionBankData = {
  roles: [
    { id: 'general', label: 'Any role', aliases: ['general'] },
    { id: 'nurse', label: 'Nurse', aliases: ['nurse'] },
  ],
  questions: [
    question('n-b-1', 'nurse', 'behavioural', ['junior']),
    question('n-b-2', 'nurse', 'behavioural', ['mid']),
    question('n-b-3', 'nurse', 'behavioural', ['senior']),
    question('n-t-1', 'nurse', 'technical', ['junior', 'mid']),
    question('n-t-2', 'nurse', 'technical', ['junior']),
    question('n-t-3', 'nurse', 'technical', ['senior']),
    question('n-s-1', 'nurse', 'system-design', ['junior']),
    question('n-s-2', 'nurse', 'system-design', ['mid']),
    question('g-b-1', 'general', 'behavioural', ['junior', 'mid', 'senior']),
    question('g-b-2', 'general', 'behavioural', ['junior']),
    question('g-b-3', 'general', 'behavioural', ['senior']),
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

const ids = (plan: { id: string }[]) => plan.map((q) => q.id);

describe('planQuestions', () => {
  it('plans exactly the number of questions asked for, of the asked kind, as PlannedQuestions', () => {
    const plan = planQuestions(spec({ type: 'technical', questionCount: 2 }), bank, { seed: 3 });
    expect(plan).toHaveLength(2);
    expect(plan.every((q) => q.kind === 'technical')).toBe(true);
    expect(new Set(ids(plan))).toEqual(new Set(['n-t-1', 'n-t-2']));
    expect(Object.keys(plan[0]!).sort()).toEqual(['expectedSeconds', 'id', 'kind', 'rubricHint', 'talkingPoints', 'text']);
  });

  it('prefers the role at the asked seniority before its neighbours', () => {
    for (let seed = 0; seed < 20; seed++) {
      const plan = planQuestions(spec({ type: 'technical', seniority: 'senior', questionCount: 2 }), bank, { seed });
      expect(plan[0]!.id).toBe('n-t-3');
      expect(plan[1]!.id).toBe('n-t-1');
    }
  });

  it('spreads a mixed interview across the three kinds, starting behavioural', () => {
    expect(slotKinds({ type: 'mixed', questionCount: 5 })).toEqual(['behavioural', 'technical', 'system-design', 'behavioural', 'technical']);
    const plan = planQuestions(spec({ type: 'mixed', seniority: 'mid', questionCount: 3 }), bank, { seed: 7 });
    expect(plan.map((q) => q.kind)).toEqual(['behavioural', 'technical', 'system-design']);
  });

  it('tops up from neighbouring seniorities and general behavioural questions, never repeating one', () => {
    const plan = planQuestions(spec({ type: 'behavioural', seniority: 'junior', questionCount: 6 }), bank, { seed: 11 });
    expect(plan).toHaveLength(6);
    expect(new Set(ids(plan)).size).toBe(6);
    expect(plan[0]!.id).toBe('n-b-1');
    expect(new Set(ids(plan).slice(1, 3))).toEqual(new Set(['n-b-2', 'n-b-3']));
    expect(new Set(ids(plan).slice(3))).toEqual(new Set(['g-b-1', 'g-b-2', 'g-b-3']));
  });

  it('fills a slot the role cannot fill with a general behavioural question', () => {
    const plan = planQuestions(spec({ type: 'system-design', questionCount: 3 }), bank, { seed: 5 });
    expect(ids(plan).slice(0, 2).sort()).toEqual(['n-s-1', 'n-s-2']);
    expect(plan[2]!.kind).toBe('behavioural');
    expect(['g-b-1', 'g-b-2']).toContain(plan[2]!.id);
  });

  it('falls back to the general role for a role the bank does not know', () => {
    const plan = planQuestions(spec({ role: 'Lighthouse keeper', questionCount: 3 }), bank, { seed: 2 });
    expect(plan.every((q) => q.id.startsWith('g-b-'))).toBe(true);
  });

  it('is deterministic for a seed, and varies between seeds', () => {
    const plans = Array.from({ length: 8 }, (_, seed) => ids(planQuestions(spec({ type: 'mixed', questionCount: 6 }), bank, { seed })).join());
    expect(plans).toEqual(Array.from({ length: 8 }, (_, seed) => ids(planQuestions(spec({ type: 'mixed', questionCount: 6 }), bank, { seed })).join()));
    expect(new Set(plans).size).toBeGreaterThan(1);
  });

  it('says what to do when the bank runs out', () => {
    const tiny: QuestionBankData = { roles: bank.roles, questions: bank.questions.filter((q) => q.role === 'general') };
    expect(() => planQuestions(spec({ questionCount: 4 }), tiny, { seed: 1 })).toThrow(NotEnoughQuestionsError);
    expect(() => planQuestions(spec({ questionCount: 4 }), tiny, { seed: 1 })).toThrow(/only 3 suitable questions .* Choose fewer questions/);
  });

  it('hands out copies, so editing a plan cannot change the bank', () => {
    const plan = planQuestions(spec({}), bank, { seed: 1 });
    plan[0]!.talkingPoints[0]!.cues.push('changed');
    expect(bank.questions.every((q) => !q.talkingPoints[0]!.cues.includes('changed'))).toBe(true);
  });
});

describe('mulberry32', () => {
  it('repeats its sequence for a seed and stays within [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const values = Array.from({ length: 100 }, () => a());
    expect(values).toEqual(Array.from({ length: 100 }, () => b()));
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(mulberry32(43)()).not.toBe(values[0]);
  });
});
