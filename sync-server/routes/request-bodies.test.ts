// Every route that takes a body refuses one that is too large, is not JSON, or has the wrong shape,
// with a 4xx and a message that says what to do, and stores nothing. The routes come from Hono's
// `app.routes` (every method but GET), so a new body-taking route without a case fails the first test.
//
// Adding a route? Add its case to CASES, keyed "METHOD /path" as app.routes names it:
//   'POST /api/interviewer/things': user(() => '/api/interviewer/things'),
// `user` sends the session cookie and CSRF header, `device` the device token, `open` nothing; `limit`
// is the route's own body limit when it is not the app's MAX_BODY_BYTES; `binary` for uploads that
// are not JSON (the content type is checked instead); `ignoresBody: 'why'` for a route that reads none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CHAT_REQUEST_BYTES, MAX_QUESTION_CACHE_BODY_BYTES, MAX_SHARED_AUDIO_BYTES } from '../protocol/index.ts';
import { createInvite, createOrg, createTestServer, interviewEvents, joinDevice, json, push, signIn, type TestServer } from '../test-support/fixtures.ts';

const MAX_BODY = 64 * 1024;

interface World {
  cookie: string;
  deviceToken: string;
  clientId: string;
  interviewId: string;
  templateId: string;
}

interface BodyCase {
  credentials: 'user' | 'device' | 'none';
  path: (w: World) => string;
  /** The route's own limit, when it has one. */
  limit?: number;
  /** An upload: any bytes, but only the content types it names. */
  binary?: true;
  /** Why the route reads no body (so only the size limit applies). */
  ignoresBody?: string;
}

const user = (path: BodyCase['path'], options: Omit<BodyCase, 'credentials' | 'path'> = {}): BodyCase => ({ credentials: 'user', path, ...options });
const device = (path: BodyCase['path'], options: Omit<BodyCase, 'credentials' | 'path'> = {}): BodyCase => ({ credentials: 'device', path, ...options });
const open = (path: BodyCase['path']): BodyCase => ({ credentials: 'none', path });

const CASES: Record<string, BodyCase> = {
  'POST /api/devices/redeem': open(() => '/api/devices/redeem'),
  'POST /api/interviewer/sign-in': open(() => '/api/interviewer/sign-in'),
  'POST /api/interviewer/refresh': user(() => '/api/interviewer/refresh'),
  'POST /api/interviewer/invitations/inspect': open(() => '/api/interviewer/invitations/inspect'),
  'POST /api/interviewer/invitations/accept': open(() => '/api/interviewer/invitations/accept'),
  'POST /api/sync/push': device(() => '/api/sync/push'),
  'PUT /api/sync/recordings/:interviewId/:turnId/:recordingId': device((w) => `/api/sync/recordings/${w.interviewId}/${w.interviewId}-t0/rec-x`, {
    limit: MAX_SHARED_AUDIO_BYTES,
    binary: true,
  }),
  'PUT /api/questions/cache': device(() => '/api/questions/cache', { limit: MAX_QUESTION_CACHE_BODY_BYTES }),
  'POST /api/ai/chat': device(() => '/api/ai/chat', { limit: MAX_CHAT_REQUEST_BYTES }),
  'POST /api/interviewer/sign-out': user(() => '/api/interviewer/sign-out'),
  'POST /api/interviewer/invites': user(() => '/api/interviewer/invites'),
  'POST /api/interviewer/templates': user(() => '/api/interviewer/templates'),
  'PUT /api/interviewer/templates/:id': user((w) => `/api/interviewer/templates/${w.templateId}`),
  'DELETE /api/interviewer/templates/:id': user((w) => `/api/interviewer/templates/${w.templateId}`, { ignoresBody: 'the template id in the path says everything' }),
  'POST /api/interviewer/templates/:id/assign': user((w) => `/api/interviewer/templates/${w.templateId}/assign`),
  'POST /api/interviewer/interviews/:id/controls': user((w) => `/api/interviewer/interviews/${w.interviewId}/controls`),
  'POST /api/interviewer/interviews/:id/comments': user((w) => `/api/interviewer/interviews/${w.interviewId}/comments`),
  'POST /api/interviewer/interviews/:id/overrides': user((w) => `/api/interviewer/interviews/${w.interviewId}/overrides`),
  'POST /api/interviewer/users/invitations': user(() => '/api/interviewer/users/invitations'),
  'DELETE /api/interviewer/users/invitations/:id': user(() => '/api/interviewer/users/invitations/some-id'),
  'POST /api/interviewer/users/:id/disable': user(() => '/api/interviewer/users/some-id/disable'),
  'POST /api/interviewer/users/:id/enable': user(() => '/api/interviewer/users/some-id/enable'),
  'DELETE /api/interviewer/users/:id': user(() => '/api/interviewer/users/some-id'),
};

let server: TestServer;
let world: World;

beforeAll(async () => {
  server = await createTestServer({ maxBodyBytes: MAX_BODY });
  await createOrg(server, 'Acme', 'ada@acme.test');
  const cookie = await signIn(server, 'ada@acme.test');
  const clientId = 'device-a';
  const deviceToken = await joinDevice(server, await createInvite(server, cookie), clientId);
  await push(server, deviceToken, clientId, interviewEvents('iv-1', 1, 1));
  const template = await server.app.request(
    '/api/interviewer/templates',
    json(
      {
        v: 1,
        template: {
          name: 'T',
          role: 'Engineer',
          timeLimitMinutes: 10,
          questions: [{ id: 'q', kind: 'behavioural', text: 'Why do you want this job?', talkingPoints: [], rubricHint: 'Names a reason.', expectedSeconds: 60, source: 'own' }],
        },
      },
      { cookie },
    ),
  );
  if (template.status !== 201) throw new Error(`template: ${template.status} ${await template.text()}`);
  world = { cookie, deviceToken, clientId, interviewId: 'iv-1', templateId: ((await template.json()) as { template: { id: string } }).template.id };
}, 60_000);
afterAll(() => server?.cleanup());

function bodyRoutes(): string[] {
  return [...new Set(server.app.routes.filter((route) => route.method !== 'ALL' && route.method !== 'GET').map((route) => `${route.method} ${route.path}`))];
}

function headersFor(routeCase: BodyCase, contentType: string): Record<string, string> {
  if (routeCase.credentials === 'device') return { authorization: `Bearer ${world.deviceToken}`, 'content-type': contentType };
  // json() adds the CSRF header that belongs to the session cookie.
  const withCookie: Record<string, string> = routeCase.credentials === 'user' ? { cookie: world.cookie } : {};
  return (json(null, { ...withCookie, 'content-type': contentType }).headers ?? {}) as Record<string, string>;
}

function send(key: string, routeCase: BodyCase, body: string | Uint8Array<ArrayBuffer>, contentType: string): Promise<Response> {
  const method = key.slice(0, key.indexOf(' '));
  return Promise.resolve(server.app.request(routeCase.path(world), { method, body, headers: headersFor(routeCase, contentType) }));
}

async function errorOf(response: Response): Promise<{ code: string; message: string; issues?: { path: string }[] }> {
  return ((await response.json()) as { error: { code: string; message: string; issues?: { path: string }[] } }).error;
}

describe('request bodies on every route that takes one', () => {
  it('has a case for every route that takes a body', () => {
    const missing = bodyRoutes().filter((key) => !CASES[key]);
    expect(missing, `Add a case to CASES in ${import.meta.filename} for each of these routes`).toEqual([]);
  });

  for (const [key, routeCase] of Object.entries(CASES)) {
    it(`${key}: too large → 413 saying how much fits; not JSON → 400; wrong shape → 400 naming the problem`, async () => {
      if (!bodyRoutes().includes(key)) return;
      const limit = routeCase.limit ?? MAX_BODY;
      const contentType = routeCase.binary ? 'audio/webm' : 'application/json';

      const oversized = await send(key, routeCase, new Uint8Array(limit + 1).fill(0x20), contentType);
      expect(oversized.status, key).toBe(413);
      const tooLarge = await errorOf(oversized);
      expect(tooLarge.message, key).toMatch(/(larger than|at most) [\d,]+ ?(bytes|MB)/);

      if (routeCase.ignoresBody) return;
      if (routeCase.binary) {
        const wrongType = await send(key, routeCase, new Uint8Array([1, 2, 3]), 'application/json');
        expect(wrongType.status, key).toBe(415);
        expect((await errorOf(wrongType)).message, key).toMatch(/Send the recording as/);
        const empty = await send(key, routeCase, new Uint8Array(0), contentType);
        expect(empty.status, key).toBe(400);
        return;
      }

      const notJson = await send(key, routeCase, '{"v":1,', contentType);
      expect(notJson.status, key).toBe(400);
      expect(await errorOf(notJson), key).toMatchObject({ code: 'invalid_json', message: 'The request body is not valid JSON.' });

      const wrongShape = await send(key, routeCase, '[1, 2, 3]', contentType);
      expect(wrongShape.status, key).toBe(400);
      const shapeError = await errorOf(wrongShape);
      expect(['invalid_request', 'unsupported_version'], key).toContain(shapeError.code);
      expect(shapeError.message, key).toMatch(/not valid|Reload the app/);

      const formPost = await send(key, routeCase, 'v=1', 'application/x-www-form-urlencoded');
      expect(formPost.status, `${key} as a form`).toBeGreaterThanOrEqual(400);
      expect(formPost.status, `${key} as a form`).toBeLessThan(500);
    });
  }

  it('stored none of what it refused', async () => {
    const list = (await (await server.app.request('/api/interviewer/invites', { headers: { cookie: world.cookie } })).json()) as { invites: unknown[] };
    expect(list.invites).toHaveLength(1);
    const team = (await (await server.app.request('/api/interviewer/users', { headers: { cookie: world.cookie } })).json()) as { members: unknown[]; invitations: unknown[] };
    expect(team.invitations).toEqual([]);
    expect(team.members).toHaveLength(1);
  });
});
