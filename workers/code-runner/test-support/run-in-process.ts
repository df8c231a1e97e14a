// Runs candidate code in this process, through the same harness and the same judging as the worker
// and the page, but with no sandbox and no time limit: for Node tests of the harness and of the
// catalogue's reference solutions. Never used by the app.
import { RUNNER_PROTOCOL_VERSION, type WorkerMessage } from '../api.ts';
import { RunCollector, type RunOutcome } from '../run-outcome.ts';
import { runCandidate } from '../run-candidate.ts';
import type { CodeRunInput } from '../run-code.ts';

export async function runInProcess(input: CodeRunInput): Promise<{ outcome: RunOutcome; messages: WorkerMessage[] }> {
  const collector = new RunCollector(input.tests, input.functionName);
  const messages: WorkerMessage[] = [];
  let done = false;
  await runCandidate(
    { v: RUNNER_PROTOCOL_VERSION, type: 'run', code: input.code, language: input.language, functionName: input.functionName, tests: input.tests.map((test) => ({ id: test.id, args: test.args })) },
    (message) => {
      messages.push(message);
      done = collector.accept(message) || done;
    },
  );
  if (!done) throw new Error('the harness ended without finishing');
  return { outcome: collector.outcome(), messages };
}
