// One error path for the whole API: HTTPException and ZodError become the protocol's errorResponse,
// anything else a 500 without internals. Messages are written for the person who will read them.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import type { ErrorResponse } from './protocol/index.ts';

export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: string,
    message: string,
  ) {
    super(status, { message });
  }
}

export function zodIssues(error: ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(body)', message: issue.message }));
}

export function handleError(error: Error, c: Context): Response {
  if (error instanceof ZodError) {
    const issues = zodIssues(error);
    const versionIssue = issues.find((issue) => issue.path === 'v');
    const body: ErrorResponse = {
      error: {
        code: versionIssue ? 'unsupported_version' : 'invalid_request',
        message: versionIssue
          ? 'This version of the app speaks an older or newer sync protocol. Reload the app to update it.'
          : `The request is not valid: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`,
        issues,
      },
    };
    return c.json(body, 400);
  }
  if (error instanceof ApiError) {
    return c.json({ error: { code: error.code, message: error.message } } satisfies ErrorResponse, error.status);
  }
  if (error instanceof HTTPException) {
    const status = error.status;
    const code = status === 413 ? 'body_too_large' : status === 401 ? 'unauthorized' : 'http_error';
    return c.json({ error: { code, message: error.message || 'Request failed.' } } satisfies ErrorResponse, status);
  }
  console.error('unhandled error', error);
  return c.json({ error: { code: 'internal', message: 'Something went wrong on the server. Try again in a moment.' } } satisfies ErrorResponse, 500);
}

/** Reads a JSON body and says clearly when it is not JSON at all. */
export async function readJson(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new ApiError(400, 'invalid_json', 'The request body is not valid JSON.');
  }
}
