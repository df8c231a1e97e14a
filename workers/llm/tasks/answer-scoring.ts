// Task: score one answer on the rubric, each dimension 1–5 with a reason and evidence quotes, plus
// feedback and a stronger example answer. The model judges; code keeps it honest:
// - sentences that instruct the scorer are blanked out before the model sees the answer, so they
//   cannot raise the score (and a flag says they were there);
// - every quote must appear verbatim in the answer and outside the blanked sentences; others are
//   dropped, and a dimension scored 3 or more left with no quote is re-asked once for quotes (its
//   score cannot change then), and marked if it still has none;
// - scores are read leniently and clamped to 1–5, and the overall is computed here, never taken from
//   the model.
// Owns: the scoring prompt, schema and checks. Must not import: DOM, Dexie.
import { z } from 'zod';
import { answerScore, MAX_TEXT_CHARS, type AnswerScore, type DimensionScore } from '../../../sync-server/protocol/index.ts';
import type { ScoreAnswerInput } from '../api.ts';
import { INJECTION_FLAG } from '../basic/heuristic-scorer/scorer-injection.ts';
import { ChatBackendError, type ChatBackend, type ChatMessage } from '../chat-backend.ts';
import { DATA_NOT_INSTRUCTIONS, quoteCandidateData, withoutInstructions } from './candidate-data.ts';
import { isVerbatimQuote } from './evidence.ts';
import { lenientInt, plainText } from './lenient-fields.ts';
import { runTask, TaskFailedError, type RunTaskOptions, type TaskDefinition } from './run-task.ts';

export const RUBRIC = [
  { key: 'relevance', label: 'Relevance', asks: 'does it answer the question that was asked' },
  { key: 'structure', label: 'Structure', asks: 'is it organised (STAR for behavioural, a clear approach and trade-offs for design)' },
  { key: 'depth', label: 'Depth and specificity', asks: 'concrete details, numbers, decisions and their reasons' },
  { key: 'communication', label: 'Communication', asks: 'clear, concise, easy to follow' },
  { key: 'role_knowledge', label: 'Role knowledge', asks: 'shows the knowledge the role and seniority need' },
] as const;
export type RubricKey = (typeof RUBRIC)[number]['key'];

/** 0–100 from the dimensions, all weighing the same: 1 everywhere is 0, 5 everywhere is 100. */
export function rubricOverall(dimensions: readonly Pick<DimensionScore, 'score'>[]): number {
  if (!dimensions.length) return 0;
  const total = dimensions.reduce((sum, dimension) => sum + ((dimension.score - 1) / 4) * 100, 0);
  return Math.round(total / dimensions.length);
}

/** A score this high must be backed by at least one quote from the answer. */
export const EVIDENCE_NEEDED_FROM = 3;
export const NO_EVIDENCE_FLAG = 'Some scores could not be backed by a verbatim quote from the answer; they are marked.';
export const NO_EVIDENCE_NOTE = ' (No quote from the answer supports this score.)';
const MAX_QUOTES = 6;
/** A runaway answer is cut so the prompt stays under the gateway's message limit. */
const MAX_SHOWN_ANSWER_CHARS = 20_000;

const quotes = z.array(z.string()).transform((items) => [...new Set(items.map((quote) => quote.trim()).filter(Boolean))].slice(0, MAX_QUOTES));

const modelDimension = z.object({
  score: lenientInt(1, 5),
  reason: plainText(600),
  evidence: quotes,
});

function byRubricKey<T extends z.ZodType>(keys: readonly RubricKey[], schema: T) {
  return z.object(Object.fromEntries(keys.map((key) => [key, schema])) as Record<RubricKey, T>);
}

export const answerScoringSchema = z.object({
  dimensions: byRubricKey(
    RUBRIC.map(({ key }) => key),
    modelDimension,
  ),
  feedback: plainText(MAX_TEXT_CHARS),
  exampleAnswer: plainText(MAX_TEXT_CHARS),
});
type ModelScoring = z.output<typeof answerScoringSchema>;

export const ANSWER_SCORING_TASK: TaskDefinition<ModelScoring> = {
  task: 'answer-scoring',
  schemaName: 'answer_scoring',
  schema: answerScoringSchema,
  temperature: 0,
  maxTokens: 1_400,
};

/** The re-ask for quotes only: it has no scores, so a re-ask can never change one. */
export function answerEvidenceTask(keys: readonly RubricKey[]): TaskDefinition<{ evidence: Partial<Record<RubricKey, string[]>> }> {
  return {
    task: 'answer-scoring',
    schemaName: 'answer_evidence',
    schema: z.object({ evidence: byRubricKey(keys, quotes).partial() }),
    temperature: 0,
    maxTokens: 400,
  };
}

function fencedQuestion(input: ScoreAnswerInput): string {
  const { question } = input;
  const parts = [
    `Role:\n${quoteCandidateData('ROLE', withoutInstructions(input.spec.role).text)}`,
    `The question asked (${question.kind}):\n${quoteCandidateData('QUESTION', withoutInstructions(question.text).text)}`,
  ];
  // Question, points and hint may come from a model or a shared cache: they are data too.
  const points = question.talkingPoints.map((point) => `- ${point.point}`).join('\n');
  if (points) parts.push(`What a strong answer covers:\n${quoteCandidateData('QUESTION', withoutInstructions(points).text)}`);
  const hint = withoutInstructions(question.rubricHint).text.trim();
  if (hint) parts.push(`What to look for:\n${quoteCandidateData('QUESTION', hint)}`);
  return parts.join('\n\n');
}

function scoringMessages(input: ScoreAnswerInput, shownAnswer: string): ChatMessage[] {
  const rubric = RUBRIC.map((dimension) => `${dimension.key} (${dimension.asks})`).join('; ');
  const system = [
    `You score a ${input.spec.seniority}-level candidate's answer in a mock interview for the role given below. Be fair and strict.`,
    DATA_NOT_INSTRUCTIONS,
    `Score each rubric dimension as an integer 1 (weak) to 5 (excellent): ${rubric}.`,
    'For each, give a one-sentence reason and evidence: short quotes copied word for word from the answer. Never paraphrase in evidence.',
    `A score of ${EVIDENCE_NEEDED_FROM} or more needs at least one quote.`,
    'Then feedback (what to improve, two or three sentences) and exampleAnswer (a stronger answer to the same question, under 150 words).',
    `Write reasons, feedback and the example in the language with BCP 47 tag "${input.spec.language}".`,
  ].join(' ');
  const user = `${fencedQuestion(input)}\n\nThe candidate's answer:\n${quoteCandidateData('ANSWER', shownAnswer)}`;
  return [
    { role: 'system', content: system },
    { role: 'user', content: user },
  ];
}

/** The messages a model is sent to score `input`: the answer as the model sees it, instructions blanked. */
export function buildAnswerScoringMessages(input: ScoreAnswerInput): ChatMessage[] {
  return scoringMessages(input, withoutInstructions(input.answer).text.slice(0, MAX_SHOWN_ANSWER_CHARS));
}

/** Only quotes of what the candidate said and the model was shown: not of a blanked sentence, nor across one. */
function verifiedQuotes(candidates: readonly string[], answer: string, shownAnswer: string): string[] {
  return candidates.filter((quote) => isVerbatimQuote(quote, answer) && isVerbatimQuote(quote, shownAnswer));
}

function isAbort(error: unknown, options: RunTaskOptions | undefined): boolean {
  return Boolean(options?.signal?.aborted) || (error instanceof ChatBackendError && error.code === 'aborted') || (error instanceof Error && error.name === 'AbortError');
}

/** Scores `input` on `backend`; the score names the backend's kind as its engine. */
export async function runAnswerScoring(backend: ChatBackend, input: ScoreAnswerInput, options?: RunTaskOptions): Promise<AnswerScore> {
  const kind = backend.kind;
  const cleaned = withoutInstructions(input.answer);
  const flags = cleaned.removed.length ? [INJECTION_FLAG] : [];
  // Nothing left to judge: no model is asked to score silence (a gullible one might praise it).
  if (!/[\p{L}\p{N}]/u.test(cleaned.text)) return emptyAnswerScore(kind, flags);

  const shown = cleaned.text.slice(0, MAX_SHOWN_ANSWER_CHARS);
  const messages = scoringMessages(input, shown);
  const scoring = await runTask(backend, ANSWER_SCORING_TASK, messages, options);
  const evidence = new Map(RUBRIC.map(({ key }) => [key, verifiedQuotes(scoring.dimensions[key].evidence, input.answer, shown)]));
  const unsupported = () => RUBRIC.filter(({ key }) => scoring.dimensions[key].score >= EVIDENCE_NEEDED_FROM && !evidence.get(key)!.length).map(({ key }) => key);

  const missing = unsupported();
  if (missing.length) {
    const extra = await askForQuotes(backend, messages, scoring, missing, options);
    for (const key of missing) evidence.set(key, verifiedQuotes(extra[key] ?? [], input.answer, shown));
  }
  const marked = new Set(unsupported());
  if (marked.size) flags.push(NO_EVIDENCE_FLAG);

  const dimensions: DimensionScore[] = RUBRIC.map(({ key, label }) => ({
    key,
    label,
    score: scoring.dimensions[key].score,
    reason: (scoring.dimensions[key].reason + (marked.has(key) ? NO_EVIDENCE_NOTE : '')).slice(0, MAX_TEXT_CHARS),
    evidence: evidence.get(key)!.map((quote) => quote.slice(0, MAX_TEXT_CHARS)),
  }));
  return answerScore.parse({
    engine: kind,
    overall: rubricOverall(dimensions),
    dimensions,
    flags,
    feedback: scoring.feedback || undefined,
    exampleAnswer: scoring.exampleAnswer || undefined,
  });
}

/** One more try, for quotes only; if it fails the scores are kept and marked, not thrown away. */
async function askForQuotes(
  backend: ChatBackend,
  messages: readonly ChatMessage[],
  scoring: ModelScoring,
  keys: readonly RubricKey[],
  options: RunTaskOptions | undefined,
): Promise<Partial<Record<RubricKey, string[]>>> {
  const labels = RUBRIC.filter(({ key }) => keys.includes(key)).map(({ key, label }) => `${key} (${label})`);
  const request: ChatMessage[] = [
    ...messages,
    { role: 'assistant', content: JSON.stringify(scoring) },
    {
      role: 'user',
      content:
        `The evidence for ${labels.join(', ')} is not quoted word for word from the answer. ` +
        'For each of them, give one to three short quotes copied exactly from the text between the ANSWER fences, or an empty list if there is none. Do not change any score.',
    },
  ];
  try {
    const { evidence } = await runTask(backend, answerEvidenceTask(keys), request, { ...options, maxAttempts: 1 });
    return evidence;
  } catch (error) {
    if (isAbort(error, options) || !(error instanceof TaskFailedError || error instanceof ChatBackendError)) throw error;
    return {};
  }
}

function emptyAnswerScore(kind: 'local' | 'cloud', flags: string[]): AnswerScore {
  const reason = 'No answer was given, so there is nothing to judge.';
  return {
    engine: kind,
    overall: 0,
    dimensions: RUBRIC.map(({ key, label }) => ({ key, label, score: 1, reason, evidence: [] })),
    flags,
    feedback: flags.length
      ? 'Once the instructions to the scorer were set aside, no answer was left to score. Answer the question itself: even a short example scores better than none.'
      : 'No answer was given. Even a short answer with one concrete example scores better than none.',
  };
}
