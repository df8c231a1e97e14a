import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QUESTION_KINDS, SENIORITIES } from '../../../sync-server/protocol/index.ts';
import { bankFile } from './question-bank-schema.ts';
import { BANK_FILE_NAMES, getQuestionBank, matchRole } from './question-bank.ts';

const BANK_DIR = join(import.meta.dirname, 'question-bank');

describe('the curated question bank', () => {
  it('validates every file against the schema, and each file holds only its own role', () => {
    for (const name of BANK_FILE_NAMES) {
      const parsed = bankFile.safeParse(JSON.parse(readFileSync(join(BANK_DIR, `${name}.json`), 'utf8')));
      expect(parsed.success, `${name}.json: ${parsed.success ? '' : parsed.error.message}`).toBe(true);
      if (parsed.success) {
        expect(parsed.data.role).toBe(name);
        for (const question of parsed.data.questions) expect(question.role, question.id).toBe(name);
      }
    }
  });

  it('has at least 200 questions across at least 8 roles, with unique ids and texts', () => {
    const { roles, questions } = getQuestionBank();
    expect(questions.length).toBeGreaterThanOrEqual(200);
    const specificRoles = roles.filter((role) => role.id !== 'general');
    expect(specificRoles.length).toBeGreaterThanOrEqual(8);
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
    expect(new Set(questions.map((q) => q.text.toLowerCase().trim())).size).toBe(questions.length);
    const roleIds = new Set(roles.map((role) => role.id));
    for (const question of questions) expect(roleIds.has(question.role), question.id).toBe(true);
  });

  it('covers every role × seniority × question kind with at least two questions', () => {
    const { roles, questions } = getQuestionBank();
    const gaps: string[] = [];
    for (const role of roles.filter((r) => r.id !== 'general')) {
      for (const seniority of SENIORITIES) {
        for (const kind of QUESTION_KINDS) {
          const count = questions.filter((q) => q.role === role.id && q.kind === kind && q.seniorities.includes(seniority)).length;
          if (count < 2) gaps.push(`${role.id}/${seniority}/${kind}: ${count}`);
        }
      }
    }
    expect(gaps).toEqual([]);
  });

  it('matches free-text roles to the bank, on whole words, falling back to general', () => {
    const { roles } = getQuestionBank();
    const cases: Record<string, string> = {
      'Senior Backend Developer': 'software-engineer',
      'React developer': 'frontend-engineer',
      'Frontend engineer': 'frontend-engineer',
      'ICU registered nurse': 'nurse',
      'Account Executive': 'sales',
      'Modern art curator': 'general',
      'UX designer': 'designer',
      'Data Scientist': 'data-scientist',
      'Product Manager': 'product-manager',
      'Customer support agent': 'customer-support',
    };
    for (const [text, expected] of Object.entries(cases)) expect(matchRole(text, roles).id, text).toBe(expected);
  });
});
