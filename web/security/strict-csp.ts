// The page runs under a strict Content-Security-Policy without 'unsafe-eval' (the server's
// sync-server/security/page-headers.ts). zod compiles fast parsers with `new Function` when it may,
// and probes for that on first use; under the CSP the probe fails quietly but the browser still
// reports a violation. Imported first by main.tsx, before anything parses, so zod never tries.
// Must not import: anything but zod.
import { config } from 'zod';

config({ jitless: true });
