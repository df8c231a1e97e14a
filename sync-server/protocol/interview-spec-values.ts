// The interview spec's fixed choices, as plain constants and types. interview-spec.ts builds its zod
// schemas from these and re-exports them; screens that only list the choices (the setup form) import
// this module instead, so they do not carry zod into the first screen.
// Owns: the lists of seniorities, interview types and question kinds. Must not import: zod or
// anything else (it must stay a leaf module).

export const SENIORITIES = ['junior', 'mid', 'senior'] as const;
export type Seniority = (typeof SENIORITIES)[number];

/** What the candidate picks in setup. `mixed` draws from the three question kinds below. */
export const INTERVIEW_TYPES = ['behavioural', 'technical', 'system-design', 'mixed'] as const;
export type InterviewType = (typeof INTERVIEW_TYPES)[number];

/** The kind of a single question; a `mixed` interview is made of these. */
export const QUESTION_KINDS = ['behavioural', 'technical', 'system-design'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
