// The planner over the real curated bank: every role, seniority and interview type yields a full plan.
import { describe, expect, it } from 'vitest';
import { INTERVIEW_TYPES, SENIORITIES, plannedQuestion } from '../../../sync-server/protocol/index.ts';
import { planQuestions } from './plan-questions.ts';
import { getQuestionBank } from './question-bank.ts';

describe('planQuestions over the real bank', () => {
  it('plans 6 distinct, valid questions for every role × seniority × type', () => {
    const bank = getQuestionBank();
    const roles = [...bank.roles.map((role) => role.label), 'Lighthouse keeper'];
    for (const role of roles) {
      for (const seniority of SENIORITIES) {
        for (const type of INTERVIEW_TYPES) {
          const plan = planQuestions({ role, seniority, type, questionCount: 6, language: 'en', minutes: 30 }, bank, { seed: 1 });
          const context = `${role}/${seniority}/${type}`;
          expect(plan, context).toHaveLength(6);
          expect(new Set(plan.map((q) => q.id)).size, context).toBe(6);
          for (const question of plan) expect(plannedQuestion.safeParse(question).success, `${context}: ${question.id}`).toBe(true);
          if (type === 'mixed' && role !== 'Lighthouse keeper' && role !== 'Any role') {
            expect(plan.map((q) => q.kind), context).toEqual(['behavioural', 'technical', 'system-design', 'behavioural', 'technical', 'system-design']);
          }
        }
      }
    }
  });
});
