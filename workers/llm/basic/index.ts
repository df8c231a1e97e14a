export { BasicEngine, createBasicEngine } from './basic-engine.ts';
export { scoreAnswer } from './heuristic-scorer/score-answer.ts';
export { planQuestions, NotEnoughQuestionsError } from './plan-questions.ts';
export { summariseInterview } from './summarise-interview.ts';
export { getQuestionBank, matchRole } from './question-bank.ts';

import { getQuestionBank } from './question-bank.ts';

/** The bank's roles, for the setup form's suggestions (the general one is not a role to pick). */
export const bankRoles = getQuestionBank().roles.filter((role) => role.id !== 'general');
