// The hash of the access token in a request's Cookie header, remembered per header: a browser sends the
// same Cookie header with every request of a session, and parsing it and hashing the token (SHA-256)
// were, with a cached session, a tenth of a cached interviewer read's CPU. The answer depends on the
// header alone, so remembering it cannot change one; a changed cookie is a new header. Bounded, oldest
// out first. Holds only headers this process was just sent, and only while their sessions are in use.
import { parse } from 'hono/utils/cookie';
import { hashToken } from '../../auth/tokens.ts';
import { ACCESS_COOKIE } from '../../protocol/index.ts';

const MAX_HEADERS = 2_000;
const remembered = new Map<string, string | null>();

/** SHA-256 (base64url) of the ib_access cookie's value in `cookieHeader`, or null without one. */
export function accessTokenHashOf(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  const known = remembered.get(cookieHeader);
  if (known !== undefined) return known;
  const token = parse(cookieHeader, ACCESS_COOKIE)[ACCESS_COOKIE];
  const hash = token ? hashToken(token) : null;
  if (remembered.size >= MAX_HEADERS) remembered.delete(remembered.keys().next().value!);
  remembered.set(cookieHeader, hash);
  return hash;
}
