// The interviewer API client in real Chromium against the real sync server (started by the chromium
// project's globalSetup, proxied at /api). Answers the server cannot be made to give on demand (an
// unreachable server, a proxy's HTML error page, a reply off the contract) are injected by stubbing fetch.
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import { createInvite, fetchInterview, InterviewerApiError, listInterviews, listInvites, signIn, signOut } from './api-client.ts';

const admin = inject('syncAdmin');

function reply(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

afterEach(() => vi.restoreAllMocks());

describe('interviewer api client, against the real sync server', () => {
  it('sends JSON with same-origin credentials and parses the reply with the protocol schema', async () => {
    const me = await signIn(admin.email, admin.password);
    expect(me).toMatchObject({ v: 1, user: { email: admin.email, role: 'admin' }, org: { name: admin.orgName } });

    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const invite = await createInvite({ maxUses: 3, expiresInDays: 14 });
    expect(invite).toMatchObject({ code: expect.stringMatching(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/), maxUses: 3, uses: 0, label: null });
    const [url, init] = fetchSpy.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/interviewer/invites');
    expect(init.credentials).toBe('same-origin');
    expect(init.method).toBe('POST');
    expect(init.headers).toEqual({ 'content-type': 'application/json' });
    expect(JSON.parse(init.body as string)).toEqual({ v: 1, maxUses: 3, expiresInDays: 14 });
    expect((await listInvites()).map((i) => i.code)).toContain(invite.code);
  });

  it("throws InterviewerApiError with the server's message", async () => {
    const failure = await signIn('nobody@acme.test', 'nope').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(InterviewerApiError);
    expect(failure).toMatchObject({ status: 401, code: 'bad_credentials', message: expect.stringMatching(/^That email and password do not match/) });

    await signIn(admin.email, admin.password);
    await signOut();
    await expect(listInterviews()).rejects.toMatchObject({ status: 401 });
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
