// Makes an invite code over the real interviewer API (sign in, then POST /api/interviewer/invites),
// for tests that are about the candidate's side and not about the interviewer's screens.
import { signInOverHttp } from './interviewer-session.ts';

export async function createInviteCode(serverUrl: string, admin: { email: string; password: string }, maxUses = 1): Promise<string> {
  const session = await signInOverHttp(serverUrl, admin);
  const invite = await fetch(`${serverUrl}/api/interviewer/invites`, {
    method: 'POST',
    headers: session.headers,
    body: JSON.stringify({ v: 1, maxUses }),
  });
  if (!invite.ok) throw new Error(`invite failed: HTTP ${invite.status}`);
  return ((await invite.json()) as { code: string }).code;
}
