// Security headers for the built PWA that main.ts serves: a strict Content-Security-Policy on the HTML
// (the app shell), and the usual hardening headers on every static answer. The API has its own
// (secureHeaders in app.ts); the model mirror at /models sets CORS and CORP for cross-origin use.
//
// The policy allows only what the app does (found by reading models/ and workers/, and checked by the
// e2e tests, which fail on any CSP violation in the console):
// - scripts from this origin only, plus 'wasm-unsafe-eval': web-llm (TVM), onnxruntime-web (Silero
//   VAD, Whisper) and MediaPipe compile WebAssembly; no inline script and no eval in the page;
// - workers from this origin (Vite's bundled workers) and blob: (onnxruntime-web's proxy worker);
// - fetches to this origin, the organisation's model mirror (MODEL_MIRROR_URL), and the public model
//   hosts: Hugging Face and its download CDNs (*.huggingface.co, *.hf.co: model weights, tokenizers,
//   Whisper), raw.githubusercontent.com (web-llm's model libraries, .wasm) and storage.googleapis.com
//   (MediaPipe's face model). Anything else, like MediaPipe's usage logging, is refused by the browser too;
// - styles from this origin and inline ('unsafe-inline'): Solid's compiler puts static style={{…}}
//   objects into its templates as style attributes, and CodeMirror (the code challenges' editor) adds
//   its theme as a <style> element in the document (style-mod uses constructed sheets only inside a
//   shadow root). A per-response nonce would not survive the service worker's cached shell, so styles
//   stay open; scripts, where injection would run code, do not;
// - images and media from this origin, data: and blob: (recordings played back, charts);
// - no plugins, no <base>, no framing, forms post only here.
// Workers get their own policy from their script's response; they are left without one here, because
// the code runner's worker compiles candidate code with new Function (workers/code-runner/).
// Owns: the header values. Must not import: the store, the API.
import type { MiddlewareHandler } from 'hono';

export const PUBLIC_MODEL_ORIGINS = [
  'https://huggingface.co',
  'https://*.huggingface.co',
  'https://*.hf.co',
  'https://raw.githubusercontent.com',
  'https://storage.googleapis.com',
] as const;

export function contentSecurityPolicy(options: { modelMirrorUrl?: string | undefined } = {}): string {
  const mirror = options.modelMirrorUrl ? [new URL(options.modelMirrorUrl).origin] : [];
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", "'wasm-unsafe-eval'"],
    'worker-src': ["'self'", 'blob:'],
    'connect-src': ["'self'", ...mirror, ...PUBLIC_MODEL_ORIGINS],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'media-src': ["'self'", 'blob:'],
    'font-src': ["'self'"],
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'frame-ancestors': ["'none'"],
    'form-action': ["'self'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** The camera and microphone are the app's own (interviews); nothing else, and never for frames. */
export const PERMISSIONS_POLICY = 'camera=(self), microphone=(self), geolocation=(), payment=(), usb=(), serial=(), hid=(), bluetooth=()';

/** After the static handler: every answer gets the hardening headers, HTML ones the CSP as well. */
export function pageSecurityHeaders(options: { modelMirrorUrl?: string | undefined } = {}): MiddlewareHandler {
  const csp = contentSecurityPolicy(options);
  return async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    c.header('Cross-Origin-Resource-Policy', 'same-origin');
    if ((c.res.headers.get('content-type') ?? '').startsWith('text/html')) {
      c.header('Content-Security-Policy', csp);
      c.header('X-Frame-Options', 'DENY');
      c.header('Permissions-Policy', PERMISSIONS_POLICY);
    }
  };
}
