// Fetches the operator dashboard (GET /api/interviewer/dashboard), renewing an expired access token once
// the way api-client.ts does, and parses it with the protocol's schema.
// Owns: this one call. Must not import: Dexie, the candidate's sync client.
import { errorResponse, REFRESHABLE_ERROR_CODES } from '../../sync-server/protocol/index.ts';
import { operatorDashboard, type OperatorDashboard } from '../../sync-server/protocol/operator-dashboard.ts';
import { InterviewerApiError, refreshAccess } from './api-client.ts';

const URL_PATH = '/api/interviewer/dashboard';

async function get(): Promise<Response> {
  try {
    return await fetch(URL_PATH, { credentials: 'same-origin', cache: 'no-store' });
  } catch {
    throw new InterviewerApiError(0, 'offline', 'Cannot reach the server. Check your connection and try again.');
  }
}

async function failure(response: Response): Promise<InterviewerApiError> {
  const parsed = errorResponse.safeParse(await response.json().catch(() => null));
  if (parsed.success) return new InterviewerApiError(response.status, parsed.data.error.code, parsed.data.error.message);
  return new InterviewerApiError(response.status, 'unexpected', `The server answered ${response.status}. Try again in a moment.`);
}

export async function fetchDashboard(): Promise<OperatorDashboard> {
  let response = await get();
  if (response.status === 401) {
    const error = await failure(response);
    if (!REFRESHABLE_ERROR_CODES.includes(error.code) || !(await refreshAccess())) throw error;
    response = await get();
  }
  if (!response.ok) throw await failure(response);
  return operatorDashboard.parse(await response.json());
}
