// The offline basic engine: the curated question bank and transparent rules, behind the same interface
// as the LLM engines. It never pretends to be an AI: its label is "basic scoring". Its work is quick and
// synchronous, so honouring an AbortSignal means refusing to start once it has fired.
// Owns: wiring the planner, scorer and summary to LlmEngine. Must not import: DOM, Dexie, fetch.
import type {
  AnswerScore,
  EngineCallOptions,
  FollowUp,
  FollowUpInput,
  InterviewSpec,
  InterviewSummary,
  LlmEngine,
  PlannedQuestion,
  ScoreAnswerInput,
  SummariseInput,
} from '../api.ts';
import { basicFollowUp } from './follow-up.ts';
import { scoreAnswer } from './heuristic-scorer/score-answer.ts';
import { planQuestions, type QuestionBankData } from './plan-questions.ts';
import { getQuestionBank } from './question-bank.ts';
import { summariseInterview } from './summarise-interview.ts';

export interface BasicEngineOptions {
  /** Fixes the question plan (tests, "the same questions again"); random per plan when left out. */
  seed?: number;
}

function throwIfAborted(options: EngineCallOptions | undefined): void {
  const signal = options?.signal;
  if (signal?.aborted) throw signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

export class BasicEngine implements LlmEngine {
  readonly kind = 'basic' as const;
  readonly label = 'basic scoring';

  constructor(
    private readonly bank: QuestionBankData,
    private readonly options: BasicEngineOptions = {},
  ) {}

  async planQuestions(spec: InterviewSpec, options?: EngineCallOptions): Promise<PlannedQuestion[]> {
    throwIfAborted(options);
    return planQuestions(spec, this.bank, this.options.seed === undefined ? {} : { seed: this.options.seed });
  }

  async scoreAnswer(input: ScoreAnswerInput, options?: EngineCallOptions): Promise<AnswerScore> {
    throwIfAborted(options);
    return scoreAnswer(input.answer, input.question);
  }

  async summarise(input: SummariseInput, options?: EngineCallOptions): Promise<InterviewSummary> {
    throwIfAborted(options);
    return summariseInterview(input);
  }

  async followUp(input: FollowUpInput, options?: EngineCallOptions): Promise<FollowUp | null> {
    throwIfAborted(options);
    return basicFollowUp(input);
  }
}

/** The engine over the real curated bank, as the app uses it. */
export function createBasicEngine(options: BasicEngineOptions = {}): BasicEngine {
  return new BasicEngine(getQuestionBank(), options);
}
