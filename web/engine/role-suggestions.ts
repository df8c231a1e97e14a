// The role names the setup form suggests: the question bank's roles, all but the catch-all general
// one. Written out here rather than read from the bank, so the setup screen neither loads the bank
// and its scorer (about 80 KB gzipped) nor waits on another chunk for eight names;
// role-suggestions.test.ts checks they are the validated bank's roles, so the two cannot drift.
// Owns: the setup form's role suggestions. Must not import: anything (it is bundled into the screen).

/** In the bank's order, as workers/llm/basic/question-bank/roles.json labels them. */
export const SUGGESTED_ROLES: readonly string[] = [
  'Software engineer',
  'Frontend engineer',
  'Data scientist',
  'Product manager',
  'Product / UX designer',
  'Sales',
  'Customer support',
  'Nurse',
];
