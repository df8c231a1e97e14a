// The offline basic engine's public surface. The app loads it with a dynamic import, so the question
// bank stays out of the first screen's bundle.
export { BasicEngine, createBasicEngine, type BasicEngineOptions } from './basic-engine.ts';
export { scoreAnswer } from './heuristic-scorer/score-answer.ts';
export { planQuestions, NotEnoughQuestionsError, type PlanOptions, type QuestionBankData } from './plan-questions.ts';
export { summariseInterview } from './summarise-interview.ts';
export { basicFollowUp } from './follow-up.ts';
export { getQuestionBank, matchRole } from './question-bank.ts';

import { getQuestionBank } from './question-bank.ts';

/** The bank's roles, for the setup form's suggestions (the general one is not a role to pick). */
export const bankRoles = getQuestionBank().roles.filter((role) => role.id !== 'general');
