// The security headers of every /api response: the set OWASP's REST Security Cheat Sheet names for
// JSON APIs, and no more. The API's answers are data (JSON, an event stream, shared audio), never a
// page, so what protects a document (X-XSS-Protection, X-Download-Options, X-DNS-Prefetch-Control,
// X-Permitted-Cross-Domain-Policies, Origin-Agent-Cluster, Cross-Origin-Opener-Policy) has nothing to
// act on here: Hono's defaults sent those twelve headers with every read, and setting and serialising
// them was a measurable share of a cached interviewer read. What is kept: an answer opened as a page
// runs nothing and cannot be framed (CSP default-src 'none', frame-ancestors 'none', X-Frame-Options
// DENY), is never MIME-sniffed into something else (nosniff), cannot be read cross-origin through
// no-cors requests (CORP same-origin), leaks no referrer, and is reached over HTTPS only (HSTS).
// The app shell's own headers are security/page-headers.ts.
import { secureHeaders } from 'hono/secure-headers';

export function apiSecurityHeaders() {
  return secureHeaders({
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    xFrameOptions: 'DENY',
    crossOriginResourcePolicy: 'same-origin',
    referrerPolicy: 'no-referrer',
    strictTransportSecurity: 'max-age=15552000; includeSubDomains',
    xContentTypeOptions: 'nosniff',
    crossOriginOpenerPolicy: false,
    originAgentCluster: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
    // The server never sets X-Powered-By, so there is nothing to delete from every response.
    removePoweredBy: false,
  });
}
