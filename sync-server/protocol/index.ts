// The sync contract between web/ and sync-server/. Imports neither Node nor Hono: the browser bundles it.
export * from './version.ts';
export * from './limits.ts';
export * from './interview-spec.ts';
export * from './question.ts';
export * from './score.ts';
export * from './sharing.ts';
export * from './sync-event.ts';
export * from './push.ts';
export * from './pull.ts';
export * from './redeem.ts';
export * from './interviewer.ts';
export * from './errors.ts';
export * from './ai-chat.ts';
export * from './question-cache.ts';
export * from './team.ts';
export * from './audit.ts';
export * from './session.ts';
