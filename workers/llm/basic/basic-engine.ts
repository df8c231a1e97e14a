// The offline basic engine: curated bank + transparent rules, behind the same interface as the LLM
// engines. It never pretends to be an AI: its label is "basic scoring".
import type { AnswerScore, EngineCallOptions, InterviewSpec, InterviewSummary, LlmEngine, PlannedQuestion, ScoreAnswerInput, SummariseInput } from '../api.ts';
import { scoreAnswer } from './heuristic-scorer/score-answer.ts';
import { planQuestions } from './plan-questions.ts';
import { getQuestionBank, type QuestionBank } from './question-bank.ts';
import { summariseInterview } from './summarise-interview.ts';

function throwIfAborted(options?: EngineCallOptions): void {
  if (options?.signal?.aborted) throw options.signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

export class BasicEngine implements LlmEngine {
  readonly kind = 'basic' as const;
  readonly label = 'basic scoring';

  constructor(
    private readonly bank: QuestionBank,
    private readonly seed?: number,
  ) {}

  async planQuestions(spec: InterviewSpec, options?: EngineCallOptions): Promise<PlannedQuestion[]> {
    throwIfAborted(options);
    return planQuestions(spec, this.bank, this.seed === undefined ? {} : { seed: this.seed });
  }

  async scoreAnswer(input: ScoreAnswerInput, options?: EngineCallOptions): Promise<AnswerScore> {
    throwIfAborted(options);
    return scoreAnswer(input.answer, input.question);
  }

  async summarise(input: SummariseInput, options?: EngineCallOptions): Promise<InterviewSummary> {
    throwIfAborted(options);
    return summariseInterview(input);
  }
}

export function createBasicEngine(): BasicEngine {
  return new BasicEngine(getQuestionBank());
}
