// Task: write the interview's questions, tailored to the role, seniority and type, and to the
// résumé analysis and job description when the candidate gave them, in the interview's language.
// Each question carries talking points with cue words, so the basic scorer can still judge answers
// if the model becomes unavailable mid-interview. The model writes the questions; code assigns ids,
// keeps exactly the asked count, and clamps everything into the protocol's limits.
// Owns: the plan prompt and schema, and turning the model's plan into PlannedQuestions.
// Must not import: DOM, Dexie.
import { z } from 'zod';
import { MAX_TEXT_CHARS, plannedQuestion, type InterviewSpec, type PlannedQuestion, type QuestionKind } from '../../../sync-server/protocol/index.ts';
import type { ChatBackend, ChatMessage } from '../chat-backend.ts';
import { DATA_NOT_INSTRUCTIONS, quoteCandidateData, withoutInstructions } from './candidate-data.ts';
import { lenientInt } from './lenient-fields.ts';
import type { ResumeAnalysis } from './resume-analysis.ts';
import { MAX_JOB_DESCRIPTION_CHARS } from './resume-analysis.ts';
import { runTask, type RunTaskOptions, type TaskDefinition } from './run-task.ts';

/** Every id the model's plan gets starts so; the app tells a model's plan from a stand-in's by it. */
export const MODEL_QUESTION_ID_PREFIX = 'ai-';

const KIND_WORDS: Record<QuestionKind, string> = {
  behavioural: 'behavioural (a past situation, answered with STAR)',
  technical: 'technical (knowledge and reasoning for the role)',
  'system-design': 'system design (design a system, discuss trade-offs)',
};

// The protocol's limits, so what the model writes always fits a PlannedQuestion.
const MIN_SECONDS = 15;
const MAX_SECONDS = 1_200;
const MAX_TALKING_POINTS = 12;
const MAX_CUES = 12;

export function allowedKinds(spec: InterviewSpec): QuestionKind[] {
  return spec.type === 'mixed' ? ['behavioural', 'technical', 'system-design'] : [spec.type];
}

/** What the model must return for this spec: at least the asked count, of the allowed kinds, mixed when asked. */
export function questionPlanSchema(spec: InterviewSpec) {
  const kinds = allowedKinds(spec);
  const modelQuestion = z.object({
    kind: z.enum(kinds as [QuestionKind, ...QuestionKind[]]),
    text: z.string().trim().min(5),
    talkingPoints: z
      .array(z.object({ point: z.string().trim().min(3), cues: z.array(z.string()).min(1) }))
      .min(1),
    rubricHint: z.string(),
    expectedSeconds: lenientInt(MIN_SECONDS, MAX_SECONDS),
  });
  return z.object({ questions: z.array(modelQuestion).min(spec.questionCount) }).superRefine((plan, context) => {
    const asked = plan.questions.slice(0, spec.questionCount);
    const texts = new Set(asked.map((question) => question.text.toLowerCase()));
    if (texts.size < asked.length) context.addIssue({ code: 'custom', path: ['questions'], message: 'Two questions are the same; every question must be different.' });
    const used = new Set(asked.map((question) => question.kind));
    if (spec.type === 'mixed' && asked.length >= 2 && used.size < 2) {
      context.addIssue({ code: 'custom', path: ['questions'], message: 'A mixed interview needs questions of different kinds.' });
    }
  });
}
type ModelPlan = z.output<ReturnType<typeof questionPlanSchema>>;

export function questionPlanTask(spec: InterviewSpec): TaskDefinition<ModelPlan> {
  return { task: 'question-plan', schemaName: 'question_plan', schema: questionPlanSchema(spec), temperature: 0, maxTokens: 400 * spec.questionCount + 200 };
}

export interface QuestionPlanInput {
  spec: InterviewSpec;
  analysis?: ResumeAnalysis;
  jobDescription?: string;
  /** Makes ids unique per interview; defaults to one made from the time. */
  idPrefix?: string;
}

/** The analysis as short lines, each cleaned of instructions: easier for a model to read than JSON. */
function analysisText(analysis: ResumeAnalysis): string {
  const lines = [
    `Summary: ${analysis.summary}`,
    `Skills: ${analysis.skills.join(', ')}`,
    'Experience:',
    ...analysis.experience.map((item) => {
      const where = [item.organisation && `at ${item.organisation}`, item.years !== undefined && `(${item.years} years)`].filter(Boolean).join(' ');
      return `- ${item.title}${where ? ` ${where}` : ''}${item.highlights.length ? `: ${item.highlights.join('; ')}` : ''}`;
    }),
    'Gaps:',
    ...analysis.gaps.map((gap) => `- ${gap}`),
  ];
  return lines.map((line) => withoutInstructions(line).text).join('\n');
}

export function buildQuestionPlanMessages(input: QuestionPlanInput): ChatMessage[] {
  const { spec } = input;
  const kinds = allowedKinds(spec).map((kind) => KIND_WORDS[kind]).join(', ');
  const jobDescription = input.jobDescription?.trim();
  const tailored = Boolean(input.analysis || jobDescription);
  const system = [
    `You are an experienced interviewer preparing a ${spec.seniority}-level interview for the role given below.`,
    DATA_NOT_INSTRUCTIONS,
    `Write exactly ${spec.questionCount} questions of these kinds: ${kinds}.`,
    spec.type === 'mixed' ? 'Mix the kinds: rotate through all three.' : '',
    `Pitch them at the ${spec.seniority} level. Every question must be different.`,
    'For each: kind, text, 2–5 talkingPoints a strong answer covers (each with 2–6 cue words or short phrases that show it was covered),',
    `a one-sentence rubricHint for the scorer, and expectedSeconds for a good spoken answer (${MIN_SECONDS}–${MAX_SECONDS}).`,
    tailored ? 'Tailor the questions to the résumé analysis and job description: probe the claimed experience and the listed gaps.' : '',
    `Write every text in the language with BCP 47 tag "${spec.language}".`,
  ]
    .filter(Boolean)
    .join(' ');
  const user = [`Role:\n${quoteCandidateData('ROLE', withoutInstructions(spec.role).text)}`];
  if (input.analysis) user.push(`Résumé analysis:\n${quoteCandidateData('RESUME ANALYSIS', analysisText(input.analysis))}`);
  if (jobDescription) user.push(`Job description:\n${quoteCandidateData('JOB DESCRIPTION', withoutInstructions(jobDescription.slice(0, MAX_JOB_DESCRIPTION_CHARS)).text)}`);
  return [
    { role: 'system', content: system },
    { role: 'user', content: user.join('\n\n') },
  ];
}

function toPlannedQuestion(question: ModelPlan['questions'][number], id: string): PlannedQuestion {
  const talkingPoints = question.talkingPoints
    .map((point) => ({
      point: point.point.slice(0, 200),
      cues: [...new Set(point.cues.map((cue) => cue.trim().slice(0, 60)).filter((cue) => cue.length >= 2))].slice(0, MAX_CUES),
    }))
    .filter((point) => point.cues.length > 0)
    .slice(0, MAX_TALKING_POINTS);
  // Validated against the protocol, so a plan that passed here is a plan the server accepts.
  return plannedQuestion.parse({
    id,
    kind: question.kind,
    text: question.text.slice(0, MAX_TEXT_CHARS),
    talkingPoints,
    // The hint is read by the scorer only: an instruction planted in it (from a job advert) goes.
    rubricHint: withoutInstructions(question.rubricHint).text.replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT_CHARS),
    expectedSeconds: question.expectedSeconds,
  });
}

export async function runQuestionPlan(backend: ChatBackend, input: QuestionPlanInput, options?: RunTaskOptions): Promise<PlannedQuestion[]> {
  const { spec } = input;
  const plan = await runTask(backend, questionPlanTask(spec), buildQuestionPlanMessages(input), options);
  const prefix = input.idPrefix ?? Date.now().toString(36);
  // Ids are ours, never the model's: they key turns and must be unique.
  return plan.questions.slice(0, spec.questionCount).map((question, index) => toPlannedQuestion(question, `${MODEL_QUESTION_ID_PREFIX}${prefix}-${index + 1}`));
}
