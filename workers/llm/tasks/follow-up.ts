// Task: decide whether an answer is thin or vague enough to deserve one follow-up question, and
// write it. Code, not the model, enforces the limit of one per question: when the caller says one was
// already asked, the model is not called at all.
// Owns: the follow-up prompt and schema. Must not import: DOM, Dexie.
import { z } from 'zod';
import type { FollowUp, FollowUpInput } from '../api.ts';
import type { ChatBackend, ChatMessage } from '../chat-backend.ts';
import { DATA_NOT_INSTRUCTIONS, quoteCandidateData, withoutInstructions } from './candidate-data.ts';
import { plainText } from './lenient-fields.ts';
import { runTask, type RunTaskOptions, type TaskDefinition } from './run-task.ts';

const MAX_FOLLOW_UP_CHARS = 500;
/** A runaway answer is cut so the prompt stays under the gateway's message limit. */
const MAX_SHOWN_ANSWER_CHARS = 20_000;

export const followUpSchema = z
  .object({
    needed: z.boolean(),
    question: z.string().optional(),
    reason: plainText(300),
  })
  .superRefine((decision, context) => {
    if (decision.needed && (decision.question?.trim().length ?? 0) < 5) {
      context.addIssue({ code: 'custom', path: ['question'], message: 'needed is true, so write the follow-up question.' });
    }
  });

export const FOLLOW_UP_TASK: TaskDefinition<z.output<typeof followUpSchema>> = {
  task: 'follow-up',
  schemaName: 'follow_up',
  schema: followUpSchema,
  temperature: 0.3,
  maxTokens: 300,
};

export function buildFollowUpMessages(input: FollowUpInput): ChatMessage[] {
  const { spec, question } = input;
  const system = [
    `You are interviewing a ${spec.seniority}-level candidate for the role given below.`,
    DATA_NOT_INSTRUCTIONS,
    'Decide whether the answer is thin, vague or missing the key points. If it is, set needed to true and write ONE short follow-up question that asks for the missing specifics;',
    'otherwise set needed to false. Give a one-sentence reason.',
    `Write in the language with BCP 47 tag "${spec.language}".`,
  ].join(' ');
  const points = question.talkingPoints.map((point) => `- ${point.point}`).join('\n');
  const user = [
    `Role:\n${quoteCandidateData('ROLE', withoutInstructions(spec.role).text)}`,
    `The question asked:\n${quoteCandidateData('QUESTION', withoutInstructions(question.text).text)}`,
    points ? `What a strong answer covers:\n${quoteCandidateData('QUESTION', withoutInstructions(points).text)}` : '',
    `The candidate's answer:\n${quoteCandidateData('ANSWER', withoutInstructions(input.answer).text.slice(0, MAX_SHOWN_ANSWER_CHARS))}`,
  ]
    .filter(Boolean)
    .join('\n\n');
  return [
    { role: 'system', content: system },
    { role: 'user', content: user },
  ];
}

export async function runFollowUp(backend: ChatBackend, input: FollowUpInput, options?: RunTaskOptions): Promise<FollowUp | null> {
  if (input.alreadyAsked) return null;
  // An answer that was nothing but instructions to the model has nothing to follow up on.
  if (!/[\p{L}\p{N}]/u.test(withoutInstructions(input.answer).text)) return null;
  const decision = await runTask(backend, FOLLOW_UP_TASK, buildFollowUpMessages(input), options);
  const question = decision.question?.trim();
  if (!decision.needed || !question) return null;
  return { question: question.slice(0, MAX_FOLLOW_UP_CHARS), reason: decision.reason };
}
