// Cache-Control: no-store on every answer of the routes it guards (interviewer data is other people's
// interviews: never kept by the browser or a proxy's cache), errors included.
// Set on the response's own headers, not with c.header(): after the handler, c.header() rebuilds the
// response from its body, which turns @hono/node-server's lightweight response into a streamed one
// and cost about a tenth of the server's CPU per interviewer read (bench:server's profile).
import { createMiddleware } from 'hono/factory';

export function noStore() {
  return createMiddleware(async (c, next) => {
    await next();
    c.res.headers.set('Cache-Control', 'no-store');
  });
}
