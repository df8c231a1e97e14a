// The page runs under a strict Content-Security-Policy without 'unsafe-eval' (the server's
// sync-server/security/page-headers.ts). zod compiles fast parsers with `new Function` when it may,
// and probes for that on first use; under the CSP the probe fails quietly but the browser still
// reports a violation. Imported first by main.tsx, before anything parses, so zod never tries.
// zod keeps its settings on globalThis.__zod_globalConfig (zod/v4/core/core.js adopts an object that
// is already there), so this sets `jitless` there without importing zod: zod is not part of the first
// screen (tests/bench/lighthouse.bench.ts checks), it loads with the first screen that parses.
// strict-csp.test.ts checks zod still reads the setting from there.
// Must not import: anything.
const holder = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
(holder.__zod_globalConfig ??= {}).jitless = true;

export {};
