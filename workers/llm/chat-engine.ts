// An interview engine backed by a language model (local WebLLM or the cloud), running the AI tasks
// in tasks/. When the model cannot give a usable answer (unreachable, still invalid after repairs,
// GPU lost), the fallback engine answers instead — visibly: its result keeps its own `engine` kind,
// a score's flags and a follow-up's reason say in plain words what failed and why, and the caller's
// onFallback hears the same. Aborts are never papered over, and neither are bugs.
// Owns: tasks → LlmEngine, and the visible fallback. Must not import: DOM, Dexie, web-llm, fetch.
import type {
  AnswerScore,
  EngineCallOptions,
  FollowUp,
  FollowUpInput,
  InterviewSpec,
  InterviewSummary,
  LlmEngine,
  PlannedQuestion,
  PlanOptions,
  ResumeAnalysis,
  ResumeAnalysisInput,
  ScoreAnswerInput,
  SummariseInput,
} from './api.ts';
import { ChatBackendError, type ChatBackend } from './chat-backend.ts';
import { runAnswerScoring } from './tasks/answer-scoring.ts';
import { runFollowUp } from './tasks/follow-up.ts';
import { runInterviewSummary } from './tasks/interview-summary.ts';
import { runQuestionPlan } from './tasks/question-plan.ts';
import { runResumeAnalysis } from './tasks/resume-analysis.ts';
import { TaskFailedError } from './tasks/run-task.ts';

export interface ChatEngineOptions {
  backend: ChatBackend;
  /** The backend's kind; what the engine reports before any result (a score names its backend's). */
  kind: 'local' | 'cloud';
  /** What the UI calls this engine, e.g. "on-device AI (Qwen2.5 0.5B)". */
  label: string;
  /** Answers when the model cannot; usually the basic engine, or the cloud for the local engine. */
  fallback: LlmEngine;
}

/** A model-backed engine: unlike the basic one, it can always try to read a résumé. */
export type ChatEngine = LlmEngine & Required<Pick<LlmEngine, 'analyseResume'>>;

/** Thrown by analyseResume when the model could not read the résumé; the UI says why. */
export class ResumeAnalysisUnavailableError extends Error {
  override name = 'ResumeAnalysisUnavailableError';
}

/** A score's flags hold at most this many characters each (the protocol's limit). */
const MAX_FLAG_CHARS = 200;

/** Why the model's answer could not be used, in words for the candidate. */
export function whyUnusable(error: TaskFailedError | ChatBackendError): string {
  if (error instanceof TaskFailedError) return `its answer was still not in the expected form after ${error.attempts} ${error.attempts === 1 ? 'try' : 'tries'}`;
  return error.message.replace(/[.\s]+$/, '');
}

/** "The <label> answer could not be used (<why>), so <fallback> stood in." — cut to fit a flag. */
export function fallbackNotice(label: string, fallbackLabel: string, why: string): string {
  const around = `The ${label} answer could not be used (), so ${fallbackLabel} stood in.`;
  const room = Math.max(0, MAX_FLAG_CHARS - around.length);
  const shortWhy = why.length <= room ? why : `${why.slice(0, Math.max(0, room - 1)).trimEnd()}…`;
  return `The ${label} answer could not be used (${shortWhy}), so ${fallbackLabel} stood in.`;
}

function isAbort(error: unknown, signal: AbortSignal | undefined): boolean {
  return Boolean(signal?.aborted) || (error instanceof ChatBackendError && error.code === 'aborted') || (error instanceof Error && error.name === 'AbortError');
}

export function createChatEngine(options: ChatEngineOptions): ChatEngine {
  const { backend, kind, label, fallback } = options;

  /** Runs the task; when the model fails (not on abort, not on a bug), asks the fallback and marks its result. */
  async function withFallback<T>(call: EngineCallOptions | undefined, run: () => Promise<T>, standIn: () => Promise<T>, mark: (result: T, notice: string) => T): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (isAbort(error, call?.signal) || !(error instanceof TaskFailedError || error instanceof ChatBackendError)) throw error;
      const notice = fallbackNotice(label, fallback.label, whyUnusable(error));
      const result = mark(await standIn(), notice);
      call?.onFallback?.(notice);
      return result;
    }
  }

  return {
    kind,
    label,
    planQuestions(spec: InterviewSpec, call?: PlanOptions): Promise<PlannedQuestion[]> {
      return withFallback(
        call,
        () => runQuestionPlan(backend, { spec, analysis: call?.candidate?.analysis, jobDescription: call?.candidate?.jobDescription }, call),
        () => fallback.planQuestions(spec, call),
        // A plan has no field for it: the stand-in's own question ids and onFallback tell.
        (questions) => questions,
      );
    },
    scoreAnswer(input: ScoreAnswerInput, call?: EngineCallOptions): Promise<AnswerScore> {
      return withFallback(
        call,
        () => runAnswerScoring(backend, input, call),
        () => fallback.scoreAnswer(input, call),
        // Room is made for the notice: it matters more than the stand-in's least important flag.
        (score, notice) => ({ ...score, flags: [...score.flags.slice(0, 9), notice] }),
      );
    },
    summarise(input: SummariseInput, call?: EngineCallOptions): Promise<InterviewSummary> {
      return withFallback(
        call,
        () => runInterviewSummary(backend, input, call),
        () => fallback.summarise(input, call),
        // The summary's own `engine` field (the stand-in's) is what the report shows.
        (summary) => summary,
      );
    },
    followUp(input: FollowUpInput, call?: EngineCallOptions): Promise<FollowUp | null> {
      return withFallback(
        call,
        () => runFollowUp(backend, input, call),
        () => fallback.followUp(input, call),
        (followUp, notice) => followUp && { ...followUp, reason: `${followUp.reason} ${notice}` },
      );
    },
    async analyseResume(input: ResumeAnalysisInput, call?: EngineCallOptions): Promise<ResumeAnalysis> {
      try {
        return await runResumeAnalysis(backend, input, call);
      } catch (error) {
        if (isAbort(error, call?.signal) || !(error instanceof TaskFailedError || error instanceof ChatBackendError)) throw error;
        if (fallback.analyseResume) {
          const analysis = await fallback.analyseResume(input, call);
          call?.onFallback?.(fallbackNotice(label, fallback.label, whyUnusable(error)));
          return analysis;
        }
        throw new ResumeAnalysisUnavailableError(
          `The ${label} could not read the résumé (${whyUnusable(error)}). You can still start the interview; the questions will not be tailored to it.`,
        );
      }
    },
  };
}
