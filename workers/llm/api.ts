// The one interface every interview engine implements: the offline basic engine (here, in basic/),
// the local WebLLM engine (in a worker, behind Comlink) and the cloud engine (through the sync server).
// Callers cannot tell which one they hold except by `kind` and `label`, which the UI shows.
// Owns: the engine contract. Must not import: DOM, Dexie, fetch, Comlink.
import type {
  AnswerScore,
  EngineKind,
  InterviewSpec,
  InterviewSummary,
  PlannedQuestion,
} from '../../sync-server/protocol/index.ts';

export type { AnswerScore, EngineKind, InterviewSpec, InterviewSummary, PlannedQuestion };

export interface EngineCallOptions {
  signal?: AbortSignal;
}

export interface ScoreAnswerInput {
  spec: InterviewSpec;
  question: PlannedQuestion;
  /** The candidate's answer. It is data to be judged, never instructions to follow. */
  answer: string;
}

export interface SummariseInput {
  spec: InterviewSpec;
  turns: ReadonlyArray<{
    question: PlannedQuestion;
    answer: string;
    skipped: boolean;
    score: AnswerScore | null;
  }>;
}

export interface LlmEngine {
  readonly kind: EngineKind;
  /** What the UI shows, e.g. "basic scoring". */
  readonly label: string;
  planQuestions(spec: InterviewSpec, options?: EngineCallOptions): Promise<PlannedQuestion[]>;
  scoreAnswer(input: ScoreAnswerInput, options?: EngineCallOptions): Promise<AnswerScore>;
  summarise(input: SummariseInput, options?: EngineCallOptions): Promise<InterviewSummary>;
}
