import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as values from './interview-spec-values.ts';
import { INTERVIEW_TYPES, interviewType, QUESTION_KINDS, questionKind, SENIORITIES, seniority } from './interview-spec.ts';

describe('interview-spec-values', () => {
  it('imports nothing, so the setup screen can list the choices without loading zod', () => {
    const source = readFileSync(new URL('./interview-spec-values.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/^\s*import\b/m);
    expect(source).not.toMatch(/\bfrom\s+['"]/);
  });

  it('are the lists the schemas in interview-spec.ts accept, re-exported there unchanged', () => {
    expect(INTERVIEW_TYPES).toBe(values.INTERVIEW_TYPES);
    expect(SENIORITIES).toBe(values.SENIORITIES);
    expect(QUESTION_KINDS).toBe(values.QUESTION_KINDS);
    expect(interviewType.options).toEqual([...values.INTERVIEW_TYPES]);
    expect(seniority.options).toEqual([...values.SENIORITIES]);
    expect(questionKind.options).toEqual([...values.QUESTION_KINDS]);
  });
});
