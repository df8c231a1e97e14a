// Signs an interviewer in, two ways. signInOverHttp: over the real HTTP API, outside a browser,
// returning what a browser would then send (the session cookies, and the CSRF header that every state
// change needs; the page reads it from the ib_csrf cookie, see sync-server/middleware/csrf/csrf.ts).
// signInInBrowser: through the sign-in form on /interviewer, as a person would.
import type { Page } from 'playwright-core';
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

/** Signs in through the interviewer page in a browser, as a person would: the form on /interviewer, then "Sign in". */
export async function signInInBrowser(page: Page, serverUrl: string, admin: { email: string; password: string }): Promise<void> {
  await page.goto(`${serverUrl}/interviewer`);
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
