// The interviewer API client in real Chromium against the real sync server (started by the chromium
// project's globalSetup, proxied at /api). Answers the server cannot be made to give on demand (an
// unreachable server, a proxy's HTML error page, a reply off the contract, an access token that
// expires mid-test: the server's is good for 15 minutes) are injected by stubbing fetch; the refresh
// itself and the retried call always go to the real server.
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { CSRF_HEADER, REFRESH_PATH } from '../../sync-server/protocol/index.ts';
import { createInvite, csrfToken, fetchInterview, InterviewerApiError, listInterviews, listInvites, onSessionEnded, signIn, signOut } from './api-client.ts';

const admin = inject('syncAdmin');
const realFetch = globalThis.fetch;

function reply(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

const urlOf = (input: RequestInfo | URL) => (typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);

/** Answers the first `times` calls to `path` with a 401 of `code`; everything else reaches the real server. */
function expireAccessFor(path: string, times: number, code = 'expired') {
  let left = times;
  return vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    if (urlOf(input) === path && left > 0) {
      left--;
      return reply(401, { error: { code, message: 'Your sign-in needs renewing.' } });
    }
    return realFetch(input, init);
  });
}

afterEach(() => vi.restoreAllMocks());

describe('interviewer api client, against the real sync server', () => {
  it('sends JSON with same-origin credentials and the CSRF token, and parses the reply with the protocol schema', async () => {
    const me = await signIn(admin.email, admin.password);
    expect(me).toMatchObject({ v: 1, user: { email: admin.email, role: 'admin' }, org: { name: admin.orgName } });
    expect(csrfToken()).toMatch(/^csrf_[\w-]{43}$/);

    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const invite = await createInvite({ maxUses: 3, expiresInDays: 14 });
    expect(invite).toMatchObject({ code: expect.stringMatching(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/), maxUses: 3, uses: 0, label: null });
    const [url, init] = fetchSpy.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/interviewer/invites');
    expect(init.credentials).toBe('same-origin');
    expect(init.method).toBe('POST');
    expect(init.headers).toEqual({ 'content-type': 'application/json', [CSRF_HEADER]: csrfToken() });
    expect(JSON.parse(init.body as string)).toEqual({ v: 1, maxUses: 3, expiresInDays: 14 });
    // Listed without the code: the server keeps only its hash.
    const listed = await listInvites();
    expect(listed.map((i) => i.id)).toContain(invite.id);
    expect(listed.find((i) => i.id === invite.id)).not.toHaveProperty('code');
  });

  it("throws InterviewerApiError with the server's message", async () => {
    const failure = await signIn('nobody@acme.test', 'nope').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(InterviewerApiError);
    expect(failure).toMatchObject({ status: 401, code: 'bad_credentials', message: expect.stringMatching(/^That email and password do not match/) });

    await signIn(admin.email, admin.password);
    await signOut();
    await expect(listInterviews()).rejects.toMatchObject({ status: 401, code: 'signed_out' });
  });

  it('refreshes an expired access token once and retries the call', async () => {
    await signIn(admin.email, admin.password);
    const spy = expireAccessFor('/api/interviewer/interviews', 1);
    await expect(listInterviews()).resolves.toBeInstanceOf(Array);
    const calls = spy.mock.calls.map(([input, init]) => [urlOf(input), init?.method ?? 'GET', (init?.headers as Record<string, string>)?.[CSRF_HEADER]]);
    expect(calls).toEqual([
      ['/api/interviewer/interviews', 'GET', undefined],
      [REFRESH_PATH, 'POST', csrfToken()],
      ['/api/interviewer/interviews', 'GET', undefined],
    ]);
  });

  it('spends the refresh token once for calls that expire together', async () => {
    await signIn(admin.email, admin.password);
    const spy = expireAccessFor('/api/interviewer/interviews', 3);
    const lists = await Promise.all([listInterviews(), listInterviews(), listInterviews()]);
    expect(lists).toHaveLength(3);
    expect(spy.mock.calls.filter(([input]) => urlOf(input) === REFRESH_PATH)).toHaveLength(1);
    // The rotated session still works, so the refresh did not look like a stolen token to the server.
    await expect(listInvites()).resolves.toBeInstanceOf(Array);
  });

  it('gives up after one refresh that fails, with the server saying to sign in, and tells the page the session is over', async () => {
    await signIn(admin.email, admin.password);
    await signOut();
    let ended = 0;
    const stop = onSessionEnded(() => ended++);
    const spy = vi.spyOn(globalThis, 'fetch');
    await expect(listInterviews()).rejects.toMatchObject({ status: 401, code: 'signed_out', message: expect.stringMatching(/Sign in again/) });
    expect(spy.mock.calls.map(([input]) => urlOf(input))).toEqual(['/api/interviewer/interviews', REFRESH_PATH]);
    expect(ended).toBe(1);
    // A wrong password is not a session ending.
    await signIn(admin.email, 'not the password').catch(() => undefined);
    expect(ended).toBe(1);
    stop();
  });

  it('does not refresh for a refusal that a refresh cannot cure', async () => {
    await signIn(admin.email, admin.password);
    const spy = expireAccessFor('/api/interviewer/interviews', 1, 'session_revoked');
    await expect(listInterviews()).rejects.toMatchObject({ code: 'session_revoked' });
    expect(spy.mock.calls.map(([input]) => urlOf(input))).toEqual(['/api/interviewer/interviews']);
  });

  it('says what to do when the server is unreachable or answers something unexpected', async () => {
    vi.spyOn(globalThis, 'fetch').mockImplementation(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(listInterviews()).rejects.toMatchObject({ code: 'offline', message: expect.stringMatching(/connection/) });
    vi.spyOn(globalThis, 'fetch').mockImplementation(async () => new Response('<html>bad gateway</html>', { status: 502 }));
    await expect(fetchInterview('x')).rejects.toMatchObject({ status: 502, message: expect.stringMatching(/502/) });
  });

  it('refuses a reply that does not match the contract', async () => {
    vi.spyOn(globalThis, 'fetch').mockImplementation(async () => reply(200, { v: 1, interviews: [{ id: 1 }] }));
    await expect(listInterviews()).rejects.toThrow();
  });
});
