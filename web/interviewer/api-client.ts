// The interviewer screens' only way to the server. Responses are parsed with the protocol's schemas,
// and error responses become InterviewerApiError carrying the server's message for the person.
// Owns: /api/interviewer/* calls. Must not import: Dexie, the candidate's sync client.
import { z } from 'zod';
import {
  errorResponse,
  interviewDetail,
  interviewerMe,
  interviewListItem,
  invite,
  type CreateInviteRequest,
  type InterviewDetail,
  type InterviewerMe,
  type InterviewListItem,
  type Invite,
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

async function call<T>(path: string, schema: z.ZodType<T>, init?: { method?: string; body?: unknown }): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api/interviewer${path}`, {
      method: init?.method ?? 'GET',
      credentials: 'same-origin',
      headers: init?.body === undefined ? {} : { 'content-type': 'application/json' },
      body: init?.body === undefined ? null : JSON.stringify(init.body),
    });
  } catch {
    throw new InterviewerApiError(0, 'offline', 'Cannot reach the server. Check your connection and try again.');
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = errorResponse.safeParse(body);
    throw new InterviewerApiError(
      response.status,
      parsed.success ? parsed.data.error.code : 'http_error',
      parsed.success ? parsed.data.error.message : `The server answered ${response.status}. Try again in a moment.`,
    );
  }
  return schema.parse(body);
}

export const signIn = (email: string, password: string): Promise<InterviewerMe> =>
  call('/sign-in', interviewerMe, { method: 'POST', body: { v: 1, email, password } });

export const signOut = (): Promise<unknown> => call('/sign-out', z.unknown(), { method: 'POST', body: {} });

export const fetchMe = (): Promise<InterviewerMe> => call('/me', interviewerMe);

export const createInvite = (request: Omit<CreateInviteRequest, 'v'>): Promise<Invite> =>
  call('/invites', invite, { method: 'POST', body: { v: 1, ...request } });

export const listInvites = async (): Promise<Invite[]> => (await call('/invites', z.object({ invites: z.array(invite) }))).invites;

export const listInterviews = async (): Promise<InterviewListItem[]> =>
  (await call('/interviews', z.object({ interviews: z.array(interviewListItem) }))).interviews;

export const fetchInterview = (id: string): Promise<InterviewDetail> => call(`/interviews/${encodeURIComponent(id)}`, interviewDetail);
