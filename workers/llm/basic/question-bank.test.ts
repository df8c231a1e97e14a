import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { QUESTION_KINDS, SENIORITIES } from '../../../sync-server/protocol/index.ts';
import { bankFile, bankRole } from './question-bank-schema.ts';
import { BANK_FILE_NAMES, getQuestionBank, matchRole } from './question-bank.ts';

const BANK_DIR = join(import.meta.dirname, 'question-bank');
const readJson = (name: string): unknown => JSON.parse(readFileSync(join(BANK_DIR, `${name}.json`), 'utf8'));

describe('the curated question bank', () => {
  it('validates roles.json and every question file against the schema, and each file holds only its own role', () => {
    const roles = z.array(bankRole).safeParse(readJson('roles'));
    expect(roles.success, roles.success ? '' : roles.error.message).toBe(true);
    expect(roles.data?.map((role) => role.id).sort()).toEqual([...BANK_FILE_NAMES].sort());
    for (const name of BANK_FILE_NAMES) {
      const parsed = bankFile.safeParse(readJson(name));
      expect(parsed.success, `${name}.json: ${parsed.success ? '' : parsed.error.message}`).toBe(true);
      if (parsed.success) {
        expect(parsed.data.role).toBe(name);
        for (const question of parsed.data.questions) {
          expect(question.role, question.id).toBe(name);
          expect(question.id.startsWith(`${name}-`), question.id).toBe(true);
        }
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

  it('has at least 25 general behavioural questions, spread over every seniority', () => {
    const general = getQuestionBank().questions.filter((q) => q.role === 'general');
    expect(general.every((q) => q.kind === 'behavioural')).toBe(true);
    expect(general.length).toBeGreaterThanOrEqual(25);
    for (const seniority of SENIORITIES) {
      expect(general.filter((q) => q.seniorities.includes(seniority)).length, seniority).toBeGreaterThanOrEqual(8);
    }
  });

  it('writes cues the scorer can match: lowercase, 2–8 per point, and plausible answer lengths', () => {
    const problems: string[] = [];
    const seconds = { behavioural: [90, 240], technical: [60, 240], 'system-design': [180, 600] } as const;
    for (const question of getQuestionBank().questions) {
      const [min, max] = seconds[question.kind];
      if (question.expectedSeconds < min || question.expectedSeconds > max) problems.push(`${question.id}: ${question.expectedSeconds}s`);
      if (new Set(question.seniorities).size !== question.seniorities.length) problems.push(`${question.id}: repeated seniority`);
      for (const { point, cues } of question.talkingPoints) {
        if (cues.length < 2 || cues.length > 8) problems.push(`${question.id}: ${cues.length} cues for "${point}"`);
        for (const cue of cues) if (cue !== cue.toLowerCase() || cue !== cue.trim()) problems.push(`${question.id}: cue "${cue}"`);
        if (new Set(cues).size !== cues.length) problems.push(`${question.id}: repeated cue in "${point}"`);
      }
    }
    expect(problems).toEqual([]);
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
      'Staff Nurse (RN)': 'nurse',
      'Machine learning engineer': 'data-scientist',
      'full-stack engineer': 'software-engineer',
      'Landscape architect': 'general',
      '': 'general',
    };
    for (const [text, expected] of Object.entries(cases)) expect(matchRole(text, roles).id, text).toBe(expected);
  });
});
