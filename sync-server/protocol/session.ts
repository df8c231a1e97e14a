// How the interviewer web app and the server keep a session: the cookie and header names both sides
// must agree on, and the error codes after which the client refreshes once and retries.

/** Short-lived opaque access token; HttpOnly, sent on /api. */
export const ACCESS_COOKIE = 'ib_access';
/** Single-use refresh token; HttpOnly, sent only to REFRESH_PATH. */
export const REFRESH_COOKIE = 'ib_refresh';
/** The session's anti-forgery token: readable by the page's script, which echoes it in CSRF_HEADER. */
export const CSRF_COOKIE = 'ib_csrf';
export const CSRF_HEADER = 'x-ib-csrf';
export const REFRESH_PATH = '/api/interviewer/refresh';

/** 401 codes that a refresh may cure: the client refreshes once, then retries the request. */
export const REFRESHABLE_ERROR_CODES: readonly string[] = ['signed_out', 'expired'];
