// Signs an interviewer in over the real HTTP API, outside a browser, and returns what a browser would
// then send: the session cookies, and the CSRF header that every state change needs (the page reads
// it from the ib_csrf cookie; see sync-server/middleware/csrf/csrf.ts).
import { CSRF_COOKIE, CSRF_HEADER } from '../../sync-server/protocol/index.ts';

export interface InterviewerHttpSession {
  /** The Cookie header: access, refresh and CSRF cookies. */
  cookie: string;
  /** Headers for a JSON state change in this session. */
  headers: Record<string, string>;
}

export async function signInOverHttp(serverUrl: string, admin: { email: string; password: string }): Promise<InterviewerHttpSession> {
  const response = await fetch(`${serverUrl}/api/interviewer/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ v: 1, email: admin.email, password: admin.password }),
  });
  if (!response.ok) throw new Error(`sign-in failed: HTTP ${response.status} ${await response.text()}`);
  const pairs = response.headers.getSetCookie().map((line) => line.split(';')[0]!);
  const cookie = pairs.join('; ');
  const csrf = pairs.find((pair) => pair.startsWith(`${CSRF_COOKIE}=`))?.slice(CSRF_COOKIE.length + 1);
  if (!csrf) throw new Error(`sign-in set no ${CSRF_COOKIE} cookie`);
  return { cookie, headers: { 'content-type': 'application/json', cookie, [CSRF_HEADER]: csrf } };
}
