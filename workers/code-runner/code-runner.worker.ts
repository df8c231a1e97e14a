// The code-runner worker: one run per worker. The page starts a fresh one for every run and
// terminates it at the time limit, so an endless loop is stopped for real and nothing a run leaves
// behind (globals, timers, pending promises) reaches the next one.
// Owns: the worker's side of the protocol. Must not import: Dexie, Solid, the page's modules.
import { runRequest, type WorkerMessage } from './api.ts';
import { runCandidate } from './run-candidate.ts';
import { lockDown } from './sandbox.ts';

const scope = self as unknown as typeof globalThis & { postMessage: (message: unknown) => void; onmessage: ((event: MessageEvent) => void) | null };
// Kept before the lock-down removes it from candidate code's reach.
const post = scope.postMessage.bind(scope) as (message: WorkerMessage) => void;
let used = false;

scope.onmessage = (event: MessageEvent) => {
  scope.onmessage = null;
  if (used) return;
  used = true;
  const parsed = runRequest.safeParse(event.data);
  if (!parsed.success) {
    post({ type: 'runner-error', message: `The run request is invalid: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'request'}: ${issue.message}`).join('; ')}`.slice(0, 4_000) });
    return;
  }
  void runCandidate(parsed.data, post, {
    beforeEvaluate: () => {
      const { failed } = lockDown(globalThis);
      if (failed.length) throw new Error(`The runner could not shut off ${failed.join(', ')} in this browser, so it will not run code here.`);
    },
  }).catch((error: unknown) => post({ type: 'runner-error', message: error instanceof Error ? error.message : String(error) }));
};
