import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { clientIp, clientIpOf } from './client-ip.ts';

function appTrusting(proxies: number) {
  return new Hono().use('*', clientIp(proxies)).get('/ip', (c) => c.json({ ip: clientIpOf(c) }));
}

const socket = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });

async function ipOf(app: ReturnType<typeof appTrusting>, headers: Record<string, string>, env: unknown) {
  return ((await (await app.request('/ip', { headers }, env)).json()) as { ip: string | null }).ip;
}

describe('clientIp', () => {
  it('takes the socket address and ignores X-Forwarded-For unless proxies are trusted', async () => {
    const app = appTrusting(0);
    expect(await ipOf(app, { 'x-forwarded-for': '6.6.6.6' }, socket('::ffff:10.0.0.7'))).toBe('10.0.0.7');
    expect(await ipOf(app, {}, socket('2001:db8::1'))).toBe('2001:db8::1');
    expect(await ipOf(app, {}, undefined)).toBeNull();
  });

  it('behind one proxy, believes only the entry that proxy appended', async () => {
    const app = appTrusting(1);
    // The client sent a forged header; the proxy appended the address it really saw.
    expect(await ipOf(app, { 'x-forwarded-for': '6.6.6.6, 203.0.113.9' }, socket('10.0.0.2'))).toBe('203.0.113.9');
    expect(await ipOf(app, { 'x-forwarded-for': '203.0.113.9' }, socket('10.0.0.2'))).toBe('203.0.113.9');
    expect(await ipOf(app, {}, socket('10.0.0.2'))).toBe('10.0.0.2');
  });

  it('behind two proxies, counts two entries from the right', async () => {
    const app = appTrusting(2);
    expect(await ipOf(app, { 'x-forwarded-for': '6.6.6.6, 198.51.100.4, 10.0.0.3' }, socket('10.0.0.2'))).toBe('198.51.100.4');
  });
});
