import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, pageSecurityHeaders } from './page-headers.ts';

function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy.split(/;\s*/).map((part) => {
      const [name, ...values] = part.split(' ');
      return [name!, values];
    }),
  );
}

describe('the page security headers', () => {
  it('builds a strict policy: own scripts and WebAssembly only, no plugins, framing or <base>', () => {
    const policy = directives(contentSecurityPolicy());
    expect(policy['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(policy['default-src']).toEqual(["'self'"]);
    expect(policy['object-src']).toEqual(["'none'"]);
    expect(policy['base-uri']).toEqual(["'none'"]);
    expect(policy['frame-ancestors']).toEqual(["'none'"]);
    expect(policy['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    for (const values of Object.values(policy)) {
      expect(values).not.toContain("'unsafe-eval'");
      expect(values).not.toContain('*');
    }
    expect(policy['connect-src']).toEqual(expect.arrayContaining(["'self'", 'https://huggingface.co', 'https://*.hf.co', 'https://raw.githubusercontent.com', 'https://storage.googleapis.com']));
  });

  it('lets the page fetch from the organisation’s model mirror, by origin', () => {
    const policy = directives(contentSecurityPolicy({ modelMirrorUrl: 'https://models.example.org/mirror/' }));
    expect(policy['connect-src']).toContain('https://models.example.org');
  });

  it('puts the policy on HTML answers and the hardening headers on every answer', async () => {
    const app = new Hono()
      .use('*', pageSecurityHeaders())
      .get('/', (c) => c.html('<!doctype html><title>shell</title>'))
      .get('/app.js', (c) => c.body('console.log(1)', 200, { 'content-type': 'text/javascript' }));
    const page = await app.request('/');
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('permissions-policy')).toMatch(/camera=\(self\), microphone=\(self\)/);
    const script = await app.request('/app.js');
    expect(script.headers.get('content-security-policy')).toBeNull();
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
    expect(script.headers.get('referrer-policy')).toBe('no-referrer');
  });
});
