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

import type { ResumeAnalysis } from './tasks/resume-analysis.ts';

export type { AnswerScore, EngineKind, InterviewSpec, InterviewSummary, PlannedQuestion, ResumeAnalysis };

export interface EngineCallOptions {
  signal?: AbortSignal;
  /** Streamed model text so far, for the UI to show progress; engines without a model never call it. */
  onText?: (textSoFar: string) => void;
  /** Told, in plain words, when another engine stood in for this one; for results with no flags
   * field to say so (a plan, a summary). */
  onFallback?: (notice: string) => void;
}

/** What the candidate gave about themselves. It stays on the device: never put in InterviewSpec,
 * which syncs. */
export interface CandidateContext {
  analysis?: ResumeAnalysis;
  jobDescription?: string;
}

export interface PlanOptions extends EngineCallOptions {
  candidate?: CandidateContext;
}

export interface FollowUpInput {
  spec: InterviewSpec;
  question: PlannedQuestion;
  answer: string;
  /** True when this question already had its follow-up: then none is asked. */
  alreadyAsked: boolean;
}

export interface FollowUp {
  question: string;
  reason: string;
}

export interface ResumeAnalysisInput {
  resumeText: string;
  jobDescription?: string;
  language: string;
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
  planQuestions(spec: InterviewSpec, options?: PlanOptions): Promise<PlannedQuestion[]>;
  scoreAnswer(input: ScoreAnswerInput, options?: EngineCallOptions): Promise<AnswerScore>;
  summarise(input: SummariseInput, options?: EngineCallOptions): Promise<InterviewSummary>;
  /** One follow-up when an answer is thin, or null. */
  followUp(input: FollowUpInput, options?: EngineCallOptions): Promise<FollowUp | null>;
  /** Only engines with a language model can read a résumé. */
  analyseResume?(input: ResumeAnalysisInput, options?: EngineCallOptions): Promise<ResumeAnalysis>;
}
