// The device check's one-minute try-out: one behavioural question from the curated bank, answered
// aloud or typed, scored by the basic engine on this device. It never creates an interview: nothing
// is written to IndexedDB or the outbox, so it is not in the history and can never sync. A sample
// in the history would be noise the candidate has to delete, and marking it "sample" would have to
// be taught to the history, the report, the progress chart and the sync server.
// Owns: the sample question and its scoring. Must not import: Solid, Dexie.
import type { AnswerScore, InterviewSpec, PlannedQuestion } from '../../sync-server/protocol/index.ts';

/** "Tell me about a time you had to learn something new very quickly": anyone can answer it. */
export const SAMPLE_QUESTION_ID = 'general-beh-010';
/** The length the scorer judges the answer against: a one-minute answer. */
export const SAMPLE_SECONDS = 60;

/** The spec the engine is given. Basic scoring understands English only, and the bank is English. */
export const SAMPLE_SPEC: InterviewSpec = {
  role: 'Sample',
  seniority: 'junior',
  type: 'behavioural',
  questionCount: 1,
  language: 'en',
  minutes: 1,
};

export class SampleQuestionError extends Error {
  override name = 'SampleQuestionError';
}

// The bank (and its JSON) is loaded only when the try-out opens, as the interview does.
const loadBasicEngine = () => import('../../workers/llm/basic/index.ts');

export async function loadSampleQuestion(): Promise<PlannedQuestion> {
  const { getQuestionBank } = await loadBasicEngine();
  const found = getQuestionBank().questions.find((question) => question.id === SAMPLE_QUESTION_ID);
  if (!found) throw new SampleQuestionError(`The question bank has no ${SAMPLE_QUESTION_ID}: pick another sample question in web/onboarding/sample-question.ts.`);
  return { id: found.id, kind: found.kind, text: found.text, talkingPoints: found.talkingPoints, rubricHint: found.rubricHint, expectedSeconds: SAMPLE_SECONDS };
}

export async function scoreSampleAnswer(question: PlannedQuestion, answer: string, signal?: AbortSignal): Promise<AnswerScore> {
  if (!answer.trim()) throw new SampleQuestionError('There is no answer to score: say or type one first.');
  const { createBasicEngine } = await loadBasicEngine();
  return createBasicEngine().scoreAnswer({ spec: SAMPLE_SPEC, question, answer }, signal ? { signal } : {});
}
