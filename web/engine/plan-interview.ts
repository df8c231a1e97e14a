// Plans an interview's questions with the chosen engine, asking the organisation's shared question
// cache first. Only untailored plans are shared: a plan made from a résumé or job description is
// never sent to the cache, and the cache is only reachable after joining an organisation.
// Owns: cache-then-generate. Must not import: Solid, the UI.
import type { CandidateContext, InterviewSpec, PlannedQuestion } from '../../workers/llm/api.ts';
import type { EngineChoice } from './engine-facade.ts';

export interface PlannedInterview {
  questions: PlannedQuestion[];
  /** 'cache' when the shared cache answered, else the engine that planned. */
  source: 'cache' | EngineChoice['kind'];
}

/** The AI task names its questions `ai-…`; anything else came from the basic engine standing in. */
const isModelPlan = (questions: readonly PlannedQuestion[]) => questions.length > 0 && questions.every((question) => question.id.startsWith('ai-'));

export async function planInterview(
  choice: EngineChoice,
  spec: InterviewSpec,
  options: { candidate?: CandidateContext; signal?: AbortSignal; onText?: (text: string) => void } = {},
): Promise<PlannedInterview> {
  const tailored = Boolean(options.candidate?.analysis || options.candidate?.jobDescription?.trim());
  const shareable = choice.kind !== 'basic' && !tailored;
  const cache = shareable ? await import('./question-cache-client.ts') : null;
  if (cache) {
    const cached = await cache.fetchCachedPlan(spec);
    if (cached) return { questions: cached, source: 'cache' };
  }
  const questions = await choice.engine.planQuestions(spec, options);
  if (cache && isModelPlan(questions)) void cache.contributePlan(spec, questions);
  return { questions, source: isModelPlan(questions) ? choice.kind : 'basic' };
}
