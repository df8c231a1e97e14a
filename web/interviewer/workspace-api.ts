// The interviewer workspace's calls: templates, devices, assigning, and per interview its review
// (comments, score overrides, controls) and adding to it. Every reply is parsed with the protocol's
// schemas. Same session handling as api-client.ts (CSRF header on changes, one refresh on `expired`).
// Owns: /api/interviewer/{templates,devices,interviews/:id/{review,comments,overrides,controls}}.
// Must not import: Dexie, the candidate's sync client.
import { z } from 'zod';
import { CSRF_HEADER, errorResponse, REFRESHABLE_ERROR_CODES } from '../../sync-server/protocol/index.ts';
import { interviewComment, type AddCommentRequest } from '../../sync-server/protocol/interview-comment.ts';
import { interviewControl, type IssueControlRequest } from '../../sync-server/protocol/interview-control.ts';
import { interviewReview } from '../../sync-server/protocol/interview-review.ts';
import { interviewTemplate, templateList, type InterviewTemplate, type TemplateBody } from '../../sync-server/protocol/interview-template.ts';
import { scoreOverride, type OverrideScoreRequest } from '../../sync-server/protocol/score-override.ts';
import { assignTemplateResponse, orgDeviceList, type AssignmentTarget } from '../../sync-server/protocol/template-assignment.ts';
import { csrfToken, InterviewerApiError, refreshAccess } from './api-client.ts';

async function send(path: string, method: string, body: unknown): Promise<Response> {
  const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
  const token = method === 'GET' ? null : csrfToken();
  if (token) headers[CSRF_HEADER] = token;
  try {
    return await fetch(`/api/interviewer${path}`, { method, credentials: 'same-origin', headers, body: body === undefined ? null : JSON.stringify(body) });
  } catch {
    throw new InterviewerApiError(0, 'offline', 'Cannot reach the server. Check your connection and try again.');
  }
}

async function call<T>(path: string, schema: z.ZodType<T>, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  let response = await send(path, method, init.body);
  for (let attempt = 0; ; attempt++) {
    if (response.ok) return schema.parse(await response.json().catch(() => null));
    const body: unknown = await response.json().catch(() => null);
    const parsed = errorResponse.safeParse(body);
    const error = new InterviewerApiError(
      response.status,
      parsed.success ? parsed.data.error.code : 'http_error',
      parsed.success ? parsed.data.error.message : `The server answered ${response.status}. Try again in a moment.`,
    );
    if (attempt > 0 || response.status !== 401 || !REFRESHABLE_ERROR_CODES.includes(error.code) || !(await refreshAccess())) throw error;
    response = await send(path, method, init.body);
  }
}

const id = encodeURIComponent;
const templateReply = z.object({ template: interviewTemplate });

export const listTemplates = async (): Promise<InterviewTemplate[]> => (await call('/templates', templateList)).templates;
export const createTemplate = async (template: TemplateBody) => (await call('/templates', templateReply, { method: 'POST', body: { v: 1, template } })).template;
export const saveTemplate = async (templateId: string, template: TemplateBody) =>
  (await call(`/templates/${id(templateId)}`, templateReply, { method: 'PUT', body: { v: 1, template } })).template;
export const deleteTemplate = (templateId: string) => call(`/templates/${id(templateId)}`, z.unknown(), { method: 'DELETE', body: { v: 1 } });
export const listDevices = async () => (await call('/devices', orgDeviceList)).devices;
export const assignTemplate = async (templateId: string, target: AssignmentTarget) =>
  (await call(`/templates/${id(templateId)}/assign`, assignTemplateResponse, { method: 'POST', body: { v: 1, target } })).assignments;

export const fetchReview = (interviewId: string) => call(`/interviews/${id(interviewId)}/review`, interviewReview);
export const addComment = async (interviewId: string, request: Omit<AddCommentRequest, 'v'>) =>
  (await call(`/interviews/${id(interviewId)}/comments`, z.object({ comment: interviewComment }), { method: 'POST', body: { v: 1, ...request } })).comment;
export const overrideScore = async (interviewId: string, request: Omit<OverrideScoreRequest, 'v'>) =>
  (await call(`/interviews/${id(interviewId)}/overrides`, z.object({ override: scoreOverride }), { method: 'POST', body: { v: 1, ...request } })).override;
export const issueControl = async (interviewId: string, request: Omit<IssueControlRequest, 'v'>) =>
  (await call(`/interviews/${id(interviewId)}/controls`, z.object({ control: interviewControl }), { method: 'POST', body: { v: 1, ...request } })).control;
