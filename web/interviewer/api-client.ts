// The interviewer screens' only way to the server. Responses are parsed with the protocol's schemas,
// and error responses become InterviewerApiError carrying the server's message for the person.
// Sessions: the access token lives 15 minutes; when a call answers 401 `expired` or `signed_out`, the
// client spends its refresh token once (POST /api/interviewer/refresh) and retries the call once. One
// refresh at a time across every tab of this origin (Web Locks), because a refresh token works once and
// two tabs spending the same one would look like theft to the server, which then ends the session.
// Every state change carries the session's CSRF token (X-IB-CSRF), read from the ib_csrf cookie.
// Owns: /api/interviewer/* calls. Must not import: Dexie, the candidate's sync client.
import { z } from 'zod';
import {
  auditPage,
  createdInvite,
  createdUserInvitation,
  CSRF_COOKIE,
  CSRF_HEADER,
  errorResponse,
  interviewDetail,
  interviewerMe,
  interviewListItem,
  invitationPreview,
  invite,
  REFRESH_PATH,
  REFRESHABLE_ERROR_CODES,
  teamMemberResponse,
  teamResponse,
  type AuditPage,
  type CreatedInvite,
  type CreatedUserInvitation,
  type CreateInviteRequest,
  type InterviewDetail,
  type InterviewerMe,
  type InterviewListItem,
  type InvitationPreview,
  type Invite,
  type TeamMember,
  type TeamResponse,
  type TeamRole,
} from '../../sync-server/protocol/index.ts';

export class InterviewerApiError extends Error {
  override name = 'InterviewerApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const OFFLINE = 'Cannot reach the server. Check your connection and try again.';
const REFRESH_LOCK = 'ib-interviewer-refresh';

/** The session's CSRF token from its (deliberately readable) cookie, or null when there is no session. */
export function csrfToken(): string | null {
  for (const pair of document.cookie.split(/;\s*/)) {
    if (pair.startsWith(`${CSRF_COOKIE}=`)) return decodeURIComponent(pair.slice(CSRF_COOKIE.length + 1));
  }
  return null;
}

function headersFor(method: string, hasBody: boolean): Record<string, string> {
  const headers: Record<string, string> = hasBody ? { 'content-type': 'application/json' } : {};
  const token = method === 'GET' ? null : csrfToken();
  if (token) headers[CSRF_HEADER] = token;
  return headers;
}

async function send(url: string, method: string, body: unknown): Promise<Response> {
  try {
    return await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: headersFor(method, body !== undefined),
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    throw new InterviewerApiError(0, 'offline', OFFLINE);
  }
}

async function failure(response: Response): Promise<InterviewerApiError> {
  const body: unknown = await response.json().catch(() => null);
  const parsed = errorResponse.safeParse(body);
  return new InterviewerApiError(
    response.status,
    parsed.success ? parsed.data.error.code : 'http_error',
    parsed.success ? parsed.data.error.message : `The server answered ${response.status}. Try again in a moment.`,
  );
}

let refreshing: Promise<boolean> | null = null;

/**
 * Spends the refresh token once for everyone waiting in this tab; other tabs wait on the lock, then
 * spend the rotated token the server left in the shared cookie jar. True when a new access token came.
 */
export function refreshAccess(): Promise<boolean> {
  refreshing ??= (async () => {
    const run = async () => {
      const response = await fetch(REFRESH_PATH, { method: 'POST', credentials: 'same-origin', headers: headersFor('POST', true), body: JSON.stringify({ v: 1 }) });
      return response.ok;
    };
    try {
      return await (navigator.locks ? navigator.locks.request(REFRESH_LOCK, run) : run());
    } catch {
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

const sessionEndedListeners = new Set<() => void>();

/** Calls `listener` whenever a call finds the session over (signed out, revoked, or not renewable). */
export function onSessionEnded(listener: () => void): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}

const SESSION_OVER = new Set([...REFRESHABLE_ERROR_CODES, 'session_revoked']);

/** Paths that must not trigger a refresh: they start or end sessions themselves. */
const NO_REFRESH = new Set(['/sign-in', '/invitations/inspect', '/invitations/accept']);

function sessionEnded(error: InterviewerApiError): InterviewerApiError {
  if (SESSION_OVER.has(error.code)) for (const listener of sessionEndedListeners) listener();
  return error;
}

async function call<T>(path: string, schema: z.ZodType<T>, init?: { method?: string; body?: unknown }): Promise<T> {
  const method = init?.method ?? 'GET';
  const url = `/api/interviewer${path}`;
  let response = await send(url, method, init?.body);
  if (response.status === 401 && !NO_REFRESH.has(path)) {
    const error = await failure(response);
    if (!REFRESHABLE_ERROR_CODES.includes(error.code) || !(await refreshAccess())) throw sessionEnded(error);
    response = await send(url, method, init?.body);
  }
  if (!response.ok) {
    const error = await failure(response);
    throw response.status === 401 && !NO_REFRESH.has(path) ? sessionEnded(error) : error;
  }
  return schema.parse(await response.json().catch(() => null));
}

export const signIn = (email: string, password: string): Promise<InterviewerMe> =>
  call('/sign-in', interviewerMe, { method: 'POST', body: { v: 1, email, password } });

export const signOut = (): Promise<unknown> => call('/sign-out', z.unknown(), { method: 'POST', body: { v: 1 } });

export const fetchMe = (): Promise<InterviewerMe> => call('/me', interviewerMe);

export const createInvite = (request: Omit<CreateInviteRequest, 'v'>): Promise<CreatedInvite> =>
  call('/invites', createdInvite, { method: 'POST', body: { v: 1, ...request } });

export const listInvites = async (): Promise<Invite[]> => (await call('/invites', z.object({ invites: z.array(invite) }))).invites;

export const listInterviews = async (): Promise<InterviewListItem[]> =>
  (await call('/interviews', z.object({ interviews: z.array(interviewListItem) }))).interviews;

export const fetchInterview = (id: string): Promise<InterviewDetail> => call(`/interviews/${encodeURIComponent(id)}`, interviewDetail);

// The team (admins only).

export const fetchTeam = (): Promise<TeamResponse> => call('/users', teamResponse);

export const inviteTeamMember = (email: string, role: TeamRole): Promise<CreatedUserInvitation> =>
  call('/users/invitations', createdUserInvitation, { method: 'POST', body: { v: 1, email, role } });

export const revokeTeamInvitation = (id: string): Promise<unknown> =>
  call(`/users/invitations/${encodeURIComponent(id)}`, z.unknown(), { method: 'DELETE', body: { v: 1 } });

export const setTeamMemberDisabled = async (id: string, disabled: boolean): Promise<TeamMember> =>
  (await call(`/users/${encodeURIComponent(id)}/${disabled ? 'disable' : 'enable'}`, teamMemberResponse, { method: 'POST', body: { v: 1 } })).member;

export const deleteTeamMember = (id: string): Promise<unknown> => call(`/users/${encodeURIComponent(id)}`, z.unknown(), { method: 'DELETE', body: { v: 1 } });

export const fetchAudit = (query: { action?: string; before?: string; limit?: number } = {}): Promise<AuditPage> => {
  const params = new URLSearchParams(Object.entries(query).flatMap(([key, value]) => (value === undefined ? [] : [[key, String(value)]])));
  return call(`/audit${params.size ? `?${params}` : ''}`, auditPage);
};

// Invitation links (no session yet).

export const inspectInvitation = (token: string): Promise<InvitationPreview> =>
  call('/invitations/inspect', invitationPreview, { method: 'POST', body: { v: 1, token } });

export const acceptInvitation = (token: string, name: string, password: string): Promise<InterviewerMe> =>
  call('/invitations/accept', interviewerMe, { method: 'POST', body: { v: 1, token, name, password } });
