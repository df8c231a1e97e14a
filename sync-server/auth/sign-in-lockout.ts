// When repeated failed sign-ins lock an email out, and for how long. The count lives in the database
// (sign_in_failures), not in a rate limiter's memory: it must hold across restarts and across every
// server process on one PostgreSQL, with or without Redis. Unknown emails are counted and locked like
// real ones, so a lockout says nothing about whether an account exists.
// Owns: the policy numbers. Must not import: Hono.

/** Failures allowed before the first lockout. */
export const FREE_FAILURES = 5;
/** The first lockout; each further failure doubles it. */
export const FIRST_LOCKOUT_MS = 30_000;
/** Doubling stops here, so an attacker can keep a real person out for at most this long at a time. */
export const MAX_LOCKOUT_MS = 15 * 60_000;
/** A failure this long after the last one starts the count again. */
export const FORGET_FAILURES_AFTER_MS = 86_400_000;

/** How long the `failures`-th consecutive failure locks the email for; 0 while under the free allowance. */
export function lockoutMs(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_LOCKOUT_MS, FIRST_LOCKOUT_MS * 2 ** Math.min(failures - FREE_FAILURES, 20));
}
