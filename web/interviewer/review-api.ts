// The interviewer review calls: the filtered, paged interview list and the CSV export's address.
// Reads only (GET), so no CSRF header; an expired access token is refreshed once, as api-client.ts does.
// Owns: /api/interviewer/interviews?… and /interviews.csv. Must not import: Dexie, the sync client.
import { z } from 'zod';
import { errorResponse, interviewListItem, REFRESHABLE_ERROR_CODES, type InterviewListItem } from '../../sync-server/protocol/index.ts';
import { InterviewerApiError, refreshAccess } from './api-client.ts';

export interface InterviewFilters {
  candidate?: string;
  role?: string;
  from?: string;
  to?: string;
  minScore?: string;
  maxScore?: string;
  /** A template's id: only interviews started from it. */
  template?: string;
  sort?: 'startedAt' | 'overall' | 'candidate';
  order?: 'asc' | 'desc';
}

const interviewPage = z.object({ interviews: z.array(interviewListItem), nextCursor: z.string().nullable() });
export type InterviewPage = { interviews: InterviewListItem[]; nextCursor: string | null };

export function filterQuery(filters: InterviewFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...extra })) if (typeof value === 'string' && value.trim() !== '') params.set(key, value.trim());
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function get(path: string): Promise<Response> {
  const send = () =>
    fetch(`/api/interviewer${path}`, { credentials: 'same-origin' }).catch(() => {
      throw new InterviewerApiError(0, 'offline', 'Cannot reach the server. Check your connection and try again.');
    });
  let response = await send();
  if (response.status === 401) {
    const body = errorResponse.safeParse(await response.clone().json().catch(() => null));
    if (body.success && REFRESHABLE_ERROR_CODES.includes(body.data.error.code) && (await refreshAccess())) response = await send();
  }
  if (!response.ok) {
    const body = errorResponse.safeParse(await response.json().catch(() => null));
    throw body.success
      ? new InterviewerApiError(response.status, body.data.error.code, body.data.error.message)
      : new InterviewerApiError(response.status, 'http_error', `The server answered ${response.status}. Try again in a moment.`);
  }
  return response;
}

export async function fetchInterviewPage(filters: InterviewFilters, cursor?: string): Promise<InterviewPage> {
  const response = await get(`/interviews${filterQuery(filters, cursor ? { cursor } : {})}`);
  return interviewPage.parse(await response.json());
}

/** The CSV export's address for these filters (a same-origin link: the session cookies go with it). */
export const csvExportUrl = (filters: InterviewFilters): string => `/api/interviewer/interviews.csv${filterQuery(filters)}`;

const comparison = z.object({
  v: z.literal(1),
  dimensions: z.array(z.object({ key: z.string(), label: z.string() })),
  interviews: z.array(
    z.object({
      id: z.string(),
      candidateName: z.string(),
      role: z.string(),
      startedAt: z.string(),
      overall: z.number().nullable(),
      dimensions: z.record(z.string(), z.number().nullable()),
      overridden: z.number().int(),
    }),
  ),
});
export type Comparison = z.infer<typeof comparison>;

export async function fetchComparison(ids: readonly string[]): Promise<Comparison> {
  const response = await get(`/compare?ids=${ids.map(encodeURIComponent).join(',')}`);
  return comparison.parse(await response.json());
}
