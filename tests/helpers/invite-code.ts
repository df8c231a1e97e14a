// Makes an invite code over the real interviewer API (sign in, then POST /api/invites), for tests
// that are about the candidate's side and not about the interviewer's screens.
export async function createInviteCode(serverUrl: string, admin: { email: string; password: string }, maxUses = 1): Promise<string> {
  const signIn = await fetch(`${serverUrl}/api/interviewer/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ v: 1, email: admin.email, password: admin.password }),
  });
  if (!signIn.ok) throw new Error(`sign-in failed: HTTP ${signIn.status}`);
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
  const invite = await fetch(`${serverUrl}/api/interviewer/invites`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ v: 1, maxUses }),
  });
  if (!invite.ok) throw new Error(`invite failed: HTTP ${invite.status}`);
  return ((await invite.json()) as { code: string }).code;
}
