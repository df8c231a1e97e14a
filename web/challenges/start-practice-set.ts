// Starts an interview from a practice set: the engine is chosen as the setup screen chooses it, and
// the set's questions are stored as the interview's plan, so the interview, its scoring and its report
// are the ordinary ones.
// Owns: that hand-over. Must not import: Solid, the UI.
import { createInterview } from '../data/interviews.ts';
import { chooseEngine } from '../engine/engine-facade.ts';
import type { InterviewPracticeSet } from './practice-sets.ts';

/** Creates the interview and returns its id, for the caller to open /interview/:id. */
export async function startPracticeSet(set: InterviewPracticeSet): Promise<string> {
  const choice = await chooseEngine();
  const interview = await createInterview({ spec: set.spec, questions: set.questions, engine: { kind: choice.kind, label: choice.label, reason: choice.reason } });
  return interview.id;
}
