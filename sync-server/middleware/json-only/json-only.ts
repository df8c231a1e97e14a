// A CSRF guard for cookie-authenticated routes, beside SameSite=Strict: a cross-site form can only send
// simple content types, so insisting on application/json for state changes shuts that door.
import { createMiddleware } from 'hono/factory';
import { ApiError } from '../../errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function jsonOnly() {
  return createMiddleware(async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method)) {
      const type = c.req.header('content-type') ?? '';
      if (!type.toLowerCase().startsWith('application/json')) {
        throw new ApiError(415, 'json_required', 'Send this request as application/json.');
      }
    }
    await next();
  });
}
