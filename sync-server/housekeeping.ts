// Periodic clean-up the server runs while it serves: expired sessions and their tokens, stale sign-in
// failure counts and long-expired invitations are deleted (store.purgeExpired), so the tables hold
// only what can still be used and a copy of the database holds no dead tokens. Once at start, then
// every `intervalMs`; a failure is logged and retried next time, never fatal.
// Owns: the schedule. Must not import: Hono.
import type { Store } from './db/store.ts';

export const HOUSEKEEPING_INTERVAL_MS = 10 * 60_000;

export function startHousekeeping(store: Pick<Store, 'purgeExpired'>, options: { clock?: () => Date; intervalMs?: number; log?: (line: string) => void } = {}) {
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? ((line: string) => console.warn(line));
  let running: Promise<void> | null = null;
  const run = (): Promise<void> =>
    (running ??= store
      .purgeExpired(clock().toISOString())
      .then(() => undefined)
      .catch((error: unknown) => log(`Housekeeping: could not purge expired sessions (${error instanceof Error ? error.message : String(error)}); trying again later.`))
      .finally(() => {
        running = null;
      }));
  void run();
  const timer = setInterval(() => void run(), options.intervalMs ?? HOUSEKEEPING_INTERVAL_MS);
  // Never the reason the process stays alive.
  timer.unref();
  return {
    /** Runs a purge now (or waits for the one in progress). */
    runNow: run,
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
