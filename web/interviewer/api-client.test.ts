import { afterEach, describe, expect, it, vi } from 'vitest';
import { createInvite, fetchInterview, InterviewerApiError, listInterviews, signIn } from './api-client.ts';

function reply(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

afterEach(() => vi.unstubAllGlobals());

describe('interviewer api client', () => {
  it('sends JSON with same-origin credentials and parses the reply with the protocol schema', async () => {
    const fetchMock = vi.fn(async () =>
      reply(201, { code: 'ABCDE-FGHJK', label: null, maxUses: 3, uses: 0, expiresAt: '2026-12-01T00:00:00.000Z', createdAt: '2026-11-20T00:00:00.000Z' }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const invite = await createInvite({ maxUses: 3, expiresInDays: 14 });
    expect(invite.code).toBe('ABCDE-FGHJK');
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/interviewer/invites');
    expect(init.credentials).toBe('same-origin');
    expect(init.method).toBe('POST');
    expect(init.headers).toEqual({ 'content-type': 'application/json' });
    expect(JSON.parse(init.body as string)).toEqual({ v: 1, maxUses: 3, expiresInDays: 14 });
  });

  it("throws InterviewerApiError with the server's message", async () => {
    vi.stubGlobal('fetch', async () => reply(401, { error: { code: 'bad_credentials', message: 'That email and password do not match.' } }));
    const failure = await signIn('a@b.test', 'nope').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(InterviewerApiError);
    expect(failure).toMatchObject({ status: 401, code: 'bad_credentials', message: 'That email and password do not match.' });
  });

  it('says what to do when the server is unreachable or answers something unexpected', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(listInterviews()).rejects.toMatchObject({ code: 'offline', message: expect.stringMatching(/connection/) });
    vi.stubGlobal('fetch', async () => new Response('<html>bad gateway</html>', { status: 502 }));
    await expect(fetchInterview('x')).rejects.toMatchObject({ status: 502, message: expect.stringMatching(/502/) });
  });

  it('refuses a reply that does not match the contract', async () => {
    vi.stubGlobal('fetch', async () => reply(200, { v: 1, interviews: [{ id: 1 }] }));
    await expect(listInterviews()).rejects.toThrow();
  });
});
