// The caller's IP address, for per-IP rate limits and the audit log. From the TCP socket, unless the
// operator says the server sits behind proxies (TRUST_PROXY = how many): then from X-Forwarded-For,
// counting that many entries from the right, because each proxy appends the address it saw and only
// the entries our own proxies wrote can be believed (anything further left is what the client claimed).
// Owns: reading the address. Must not import: the store.
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';

export type ClientIpEnv = { Variables: { clientIp: string | null } };

type NodeBindings = { incoming?: { socket?: { remoteAddress?: string } }; server?: { incoming?: { socket?: { remoteAddress?: string } } } };

function socketAddress(c: Context): string | null {
  const env = c.env as NodeBindings | undefined;
  // app.request() in tests has no socket: no address, which the rate limits treat as one shared caller.
  return env?.incoming?.socket?.remoteAddress ?? env?.server?.incoming?.socket?.remoteAddress ?? null;
}

/** `trustedProxies` is TRUST_PROXY: 0 to ignore X-Forwarded-For, else the number of proxies in front. */
export function readClientIp(c: Context, trustedProxies: number): string | null {
  const socket = socketAddress(c);
  if (trustedProxies <= 0) return normalise(socket);
  const chain = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (chain.length === 0) return normalise(socket);
  return normalise(chain[Math.max(0, chain.length - trustedProxies)]!);
}

/** IPv4 addresses arrive on dual-stack sockets as ::ffff:1.2.3.4; one client, one key. */
function normalise(address: string | null): string | null {
  if (!address) return null;
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}

export function clientIp(trustedProxies: number) {
  return createMiddleware<ClientIpEnv>(async (c, next) => {
    c.set('clientIp', readClientIp(c, trustedProxies));
    await next();
  });
}

/** The address clientIp() found, from any route below it (null when it did not run or found none). */
export function clientIpOf(c: Context): string | null {
  return ((c.var as Partial<ClientIpEnv['Variables']>).clientIp ?? null) as string | null;
}
