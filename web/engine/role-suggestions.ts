// The role names the setup form suggests: the question bank's roles (all but the catch-all general
// one), read from the bank's small role list alone, so the form shows them without loading the bank
// and its scorer (about 80 KB gzipped) on the first screen. role-suggestions.test.ts checks they are
// the validated bank's roles, so the two cannot drift.
// Owns: the setup form's role suggestions. Must not import: the bank's question files, zod, Solid.
import roles from '../../workers/llm/basic/question-bank/roles.json';

export const SUGGESTED_ROLES: readonly string[] = roles.filter((role) => role.id !== 'general').map((role) => role.label);
