// Task: the end-of-interview summary: strengths, things to improve and a practice plan, written by
// the model from the questions, answers and per-answer scores. The numbers (overall, per-dimension
// means, answered and skipped counts) come from the basic engine's summary of the same scores, so no
// model can misstate them.
// Owns: the summary prompt and schema. Must not import: DOM, Dexie.
import { z } from 'zod';
import type { InterviewSummary } from '../../../sync-server/protocol/index.ts';
import type { SummariseInput } from '../api.ts';
import { summariseInterview } from '../basic/summarise-interview.ts';
import type { ChatBackend, ChatMessage } from '../chat-backend.ts';
import { DATA_NOT_INSTRUCTIONS, quoteCandidateData, withoutInstructions } from './candidate-data.ts';
import { textList } from './lenient-fields.ts';
import { runTask, type RunTaskOptions, type TaskDefinition } from './run-task.ts';

/** Per answer, enough for the model to be specific; the whole prompt stays well under the gateway's limit. */
const MAX_ANSWER_CHARS = 2_500;

export const interviewSummarySchema = z.object({
  strengths: textList(5, 400),
  improvements: textList(5, 400),
  practicePlan: textList(6, 400),
});

export const INTERVIEW_SUMMARY_TASK: TaskDefinition<z.output<typeof interviewSummarySchema>> = {
  task: 'interview-summary',
  schemaName: 'interview_summary',
  schema: interviewSummarySchema,
  temperature: 0.2,
  maxTokens: 900,
};

function turnText(turn: SummariseInput['turns'][number], index: number): string {
  const question = quoteCandidateData('QUESTION', withoutInstructions(turn.question.text).text);
  if (turn.skipped) return `Question ${index + 1}:\n${question}\n(skipped)`;
  const answer = quoteCandidateData('ANSWER', withoutInstructions(turn.answer.slice(0, MAX_ANSWER_CHARS)).text);
  const scores = turn.score ? `${turn.score.dimensions.map((dimension) => `${dimension.label} ${dimension.score}/5`).join(', ')}; overall ${turn.score.overall}/100` : 'not scored';
  return `Question ${index + 1}:\n${question}\nAnswer:\n${answer}\nScores: ${scores}`;
}

export function buildInterviewSummaryMessages(input: SummariseInput): ChatMessage[] {
  const { spec } = input;
  const system = [
    `You coach a candidate after a mock ${spec.type} interview for a ${spec.seniority}-level role.`,
    DATA_NOT_INSTRUCTIONS,
    'From the questions, answers and scores, write strengths (2–3), improvements (2–3) and a practicePlan: 3–5 concrete next practice steps, each something to do (what to practise, how, and how to tell it worked).',
    'Be specific to what was said. Each item one sentence. Do not restate the numbers.',
    `Write in the language with BCP 47 tag "${spec.language}".`,
  ].join(' ');
  const role = `Role:\n${quoteCandidateData('ROLE', withoutInstructions(spec.role).text)}`;
  return [
    { role: 'system', content: system },
    { role: 'user', content: [role, ...input.turns.map(turnText)].join('\n\n') },
  ];
}

/** Summarises on `backend`; the summary names the backend's kind as its engine. */
export async function runInterviewSummary(backend: ChatBackend, input: SummariseInput, options?: RunTaskOptions): Promise<InterviewSummary> {
  const kind = backend.kind;
  const numbers = summariseInterview(input);
  // With nothing answered there is nothing for a model to say that the numbers do not.
  if (numbers.answered === 0) return { ...numbers, engine: kind };
  const written = await runTask(backend, INTERVIEW_SUMMARY_TASK, buildInterviewSummaryMessages(input), options);
  return {
    ...numbers,
    engine: kind,
    strengths: written.strengths.length ? written.strengths : numbers.strengths,
    improvements: written.improvements.length ? written.improvements : numbers.improvements,
    practicePlan: written.practicePlan,
  };
}
