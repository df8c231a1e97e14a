// Organisation isolation, route by route (IDOR). Two organisations, Alpha (A) and Bravo (B), each
// with an admin, a joined device, a synced interview with a shared recording, a template and team
// members. For EVERY route the app serves (read from Hono's `app.routes`, so a route added without a
// case here fails the first test), the case sends the request aimed at Bravo's data:
//   - with no credentials: 401 (or the case says why the route is public and holds no org's data);
//   - with Alpha's credentials (an admin's session, or Alpha's device token): 403 or 404, or for a
//     route that lists or reports, an answer with nothing of Bravo's in it; and Bravo's data unchanged;
//   - with Bravo's own credentials: it works (2xx), which proves the request itself is well-formed,
//     so Alpha's refusal is the scoping and not a typo in the test.
//
// Adding a route? Add its case to CASES below, keyed "METHOD /path" exactly as app.routes names it
// (run this file: the failure lists the missing keys). Most cases are one line:
//   'GET /api/interviewer/things/:id': user((w) => `/api/interviewer/things/${w.B.thingId}`),
//   'POST /api/interviewer/things/:id/x': user((w) => `/api/interviewer/things/${w.B.thingId}/x`, { body: () => ({ v: 1 }) }),
//   'GET /api/sync/things': device(() => '/api/sync/things', { list: true }),
// `user` sends a session cookie (with the CSRF header), `device` a device bearer token; `list: true`
// for answers that are the caller's own organisation's list (checked for Bravo's markers instead of a
// 403/404); `prepare` makes a fresh object of Bravo's when the request changes or deletes it; and
// `publicRoute: 'why'` for a route that needs no credentials. If Bravo's object for your route does
// not exist yet, create it in buildWorld() (the `B` side) over the API, as a client would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARING_ITEMS, type SharingConsent } from '../protocol/index.ts';
import { createInvite, createOrg, createTestServer, interviewEvents, joinDevice, json, push, signIn, type TestServer } from '../test-support/fixtures.ts';

type Side = 'A' | 'B';

interface OrgWorld {
  orgName: string;
  email: string;
  cookie: string;
  deviceToken: string;
  clientId: string;
  /** The server's id of the device (what interviewers see). */
  deviceId: string;
  candidateName: string;
  interviewId: string;
  /** A second interview, for routes that take several. */
  interviewId2: string;
  turnId: string;
  recordingId: string;
  templateId: string;
  templateName: string;
  memberId: string;
}

interface World {
  A: OrgWorld;
  B: OrgWorld;
}

/** What no answer to Alpha may contain: Bravo's names and ids. */
const bravoMarkers = (w: World) => [w.B.orgName, w.B.candidateName, w.B.interviewId, w.B.email, w.B.templateName, w.B.deviceId, w.B.memberId];

interface RouteCase {
  credentials: 'user' | 'device' | 'none';
  /** The request, aimed at Bravo's data (or at the route itself when it addresses nothing). */
  path: (w: World, fresh: Record<string, string>) => string;
  body?: (w: World, fresh: Record<string, string>) => unknown;
  /** A raw body instead of JSON (uploads). */
  raw?: { body: Uint8Array<ArrayBuffer>; type: string };
  /** The answer is the caller's own list or report: Alpha gets 2xx with nothing of Bravo's in it. */
  list?: boolean;
  /** Makes a fresh object of Bravo's for a request that changes or deletes it; its ids go to `fresh`. */
  prepare?: (w: World) => Promise<Record<string, string>>;
  /** Why the route needs no credentials and holds no organisation's data. */
  publicRoute?: string;
  /** Statuses that count as "it works" for Bravo, when not 2xx (e.g. no AI provider configured here). */
  ownStatus?: number[];
  /** A device request needs Bravo's device id in the body: the route checks it against the token. */
  anonymousStatus?: number[];
}

const user = (path: RouteCase['path'], options: Omit<RouteCase, 'credentials' | 'path'> = {}): RouteCase => ({ credentials: 'user', path, ...options });
const device = (path: RouteCase['path'], options: Omit<RouteCase, 'credentials' | 'path'> = {}): RouteCase => ({ credentials: 'device', path, ...options });
const open = (path: RouteCase['path'], publicRoute: string, options: Omit<RouteCase, 'credentials' | 'path' | 'publicRoute'> = {}): RouteCase => ({
  credentials: 'none',
  path,
  publicRoute,
  ...options,
});

const EVERYTHING: SharingConsent = Object.fromEntries(SHARING_ITEMS.map((item) => [item, true])) as SharingConsent;
const AUDIO: Uint8Array<ArrayBuffer> = new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 1, 2, 3, 4]);
const PASSWORD_OF_MEMBERS = 'a long enough password';

let server: TestServer;
let world: World;
let seq = 100;

const templateBody = (name: string) => ({
  v: 1,
  template: {
    name,
    role: 'Engineer',
    timeLimitMinutes: 20,
    questions: [
      {
        id: 'q1',
        kind: 'behavioural',
        text: 'Tell me about a hard bug.',
        talkingPoints: [],
        rubricHint: 'Names the cause.',
        expectedSeconds: 90,
        source: 'own',
      },
    ],
  },
});

async function ok(response: Response, what: string): Promise<unknown> {
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

async function buildOrg(name: string, letter: string): Promise<OrgWorld> {
  const email = `admin@${name.toLowerCase().replace(/\W/g, '')}.test`;
  await createOrg(server, name, email);
  const cookie = await signIn(server, email);
  const clientId = `device-${letter}`;
  const candidateName = `Candidate ${name}`;
  const deviceToken = await joinDevice(server, await createInvite(server, cookie, { maxUses: 5 }), clientId, candidateName);
  const interviewId = `iv-${name.toLowerCase()}`;
  const consent = { id: `consent-${letter}-0000000000000000000`.slice(0, 26).toUpperCase(), seq: 1, at: '2026-11-20T10:00:00.000Z', type: 'consent.changed', payload: { consent: EVERYTHING } };
  await ok(await push(server, deviceToken, clientId, [consent, ...interviewEvents(interviewId, 2, 2), ...interviewEvents(`${interviewId}-2`, 6, 1)]), `push ${name}`);
  const turnId = `${interviewId}-t0`;
  const recordingId = `rec-${letter}`;
  await ok(
    await server.app.request(`/api/sync/recordings/${interviewId}/${turnId}/${recordingId}`, {
      method: 'PUT',
      body: AUDIO,
      headers: { authorization: `Bearer ${deviceToken}`, 'content-type': 'audio/webm' },
    }),
    `recording ${name}`,
  );
  const templateName = `${name} template`;
  const template = ((await ok(await server.app.request('/api/interviewer/templates', json(templateBody(templateName), { cookie })), `template ${name}`)) as { template: { id: string } }).template;
  const devices = (await ok(await server.app.request('/api/interviewer/devices', { headers: { cookie } }), `devices ${name}`)) as { devices: { id: string }[] };
  const member = await addMember(cookie, `member@${name.toLowerCase()}.test`);
  return { orgName: name, email, cookie, deviceToken, clientId, deviceId: devices.devices[0]!.id, candidateName, interviewId, interviewId2: `${interviewId}-2`, turnId, recordingId, templateId: template.id, templateName, memberId: member };
}

/** Invites someone to the org and accepts as them; returns their user id. */
async function addMember(adminCookie: string, email: string): Promise<string> {
  const invitation = (await ok(await server.app.request('/api/interviewer/users/invitations', json({ v: 1, email, role: 'interviewer' }, { cookie: adminCookie })), 'invite member')) as {
    token: string;
  };
  const me = (await ok(
    await server.app.request('/api/interviewer/invitations/accept', json({ v: 1, token: invitation.token, name: `Member ${email}`, password: PASSWORD_OF_MEMBERS })),
    'accept',
  )) as { user: { id: string } };
  return me.user.id;
}

async function freshInvitation(w: World): Promise<Record<string, string>> {
  const created = (await ok(
    await server.app.request('/api/interviewer/users/invitations', json({ v: 1, email: `fresh-${seq++}@bravo.test`, role: 'interviewer' }, { cookie: w.B.cookie })),
    'fresh invitation',
  )) as { invitation: { id: string } };
  return { invitationId: created.invitation.id };
}

const CASES: Record<string, RouteCase> = {
  'GET /api/health': open(() => '/api/health', 'a liveness probe: says only whether the database answers'),
  'GET /api/client-config': open(() => '/api/client-config', 'tells a device before it joins where models come from'),
  'GET /metrics': open(() => '/metrics', 'the operator’s whole-server figures: METRICS_TOKEN or this machine only (403 here: no loopback socket)', {
    anonymousStatus: [401, 403],
  }),
  'POST /api/devices/redeem': open(() => '/api/devices/redeem', 'joining: the invite code in the body is the credential, and names its organisation', {
    body: () => ({ v: 1, inviteCode: 'ZZZZZ-ZZZZZ', deviceId: 'stranger', candidateName: 'Stranger' }),
    anonymousStatus: [404],
  }),
  'POST /api/interviewer/sign-in': open(() => '/api/interviewer/sign-in', 'signing in: the email and password are the credential', {
    body: () => ({ v: 1, email: 'nobody@nowhere.test', password: 'not a password' }),
    anonymousStatus: [401],
  }),
  'POST /api/interviewer/refresh': open(() => '/api/interviewer/refresh', 'the refresh cookie is the credential; without it the answer is 401', {
    body: () => ({ v: 1 }),
    anonymousStatus: [401],
  }),
  'POST /api/interviewer/invitations/inspect': open(() => '/api/interviewer/invitations/inspect', 'the invitation token in the body is the credential', {
    body: () => ({ v: 1, token: `inv_${'A'.repeat(43)}` }),
    anonymousStatus: [404],
  }),
  'POST /api/interviewer/invitations/accept': open(() => '/api/interviewer/invitations/accept', 'the invitation token in the body is the credential', {
    body: () => ({ v: 1, token: `inv_${'A'.repeat(43)}`, name: 'Stranger', password: 'long enough password' }),
    anonymousStatus: [404],
  }),

  // Devices: a bearer token scoped to one organisation's device.
  'POST /api/sync/push': device(() => '/api/sync/push', {
    // Alpha's token may only push as Alpha's device; naming Bravo's device is refused outright. (Alpha
    // pushing as itself into Bravo's interview is refused event by event: the test after these.)
    body: (w) => ({ v: 1, deviceId: w.B.clientId, events: interviewEvents(`${w.B.interviewId}-pushed-${seq}`, (seq += 10), 1) }),
  }),
  'GET /api/sync/pull': device(() => '/api/sync/pull', { list: true }),
  'PUT /api/sync/recordings/:interviewId/:turnId/:recordingId': device((w) => `/api/sync/recordings/${w.B.interviewId}/${w.B.turnId}/rec-new-${seq++}`, { raw: { body: AUDIO, type: 'audio/webm' } }),
  // The shared question cache is anonymous and shared by every organisation by design: nothing in it
  // belongs to one, so only the device token is checked.
  'GET /api/questions/cache': device(() => '/api/questions/cache?role=engineer&seniority=mid&type=behavioural&language=en&count=3', { list: true, ownStatus: [404] }),
  'PUT /api/questions/cache': device(() => '/api/questions/cache', {
    list: true,
    body: () => ({
      v: 1,
      key: { role: 'engineer', seniority: 'mid', type: 'behavioural', language: 'en' },
      questions: [{ id: 'q1', kind: 'behavioural', text: 'Tell me about a time you disagreed.', talkingPoints: [], rubricHint: 'Says what they did.', expectedSeconds: 90 }],
    }),
  }),
  // No provider is configured in this test, so the device gets 503 after its token is accepted.
  'POST /api/ai/chat': device(() => '/api/ai/chat', { list: true, ownStatus: [503], body: () => ({ model: 'any', messages: [{ role: 'user', content: 'hi' }] }) }),

  // Interviewers: a session cookie (and the CSRF header on changes).
  'GET /api/interviewer/me': user(() => '/api/interviewer/me', { list: true }),
  // Each side signs out a session of its own, made for this case, so the others keep theirs.
  'POST /api/interviewer/sign-out': user(() => '/api/interviewer/sign-out', {
    list: true,
    body: () => ({ v: 1 }),
    prepare: async (w) => ({ cookieA: await signIn(server, w.A.email), cookieB: await signIn(server, w.B.email) }),
  }),
  'GET /api/interviewer/invites': user(() => '/api/interviewer/invites', { list: true }),
  'POST /api/interviewer/invites': user(() => '/api/interviewer/invites', { list: true, body: () => ({ v: 1 }) }),
  'GET /api/interviewer/interviews': user(() => '/api/interviewer/interviews', { list: true }),
  'GET /api/interviewer/interviews.csv': user(() => '/api/interviewer/interviews.csv', { list: true }),
  'GET /api/interviewer/interviews/:id': user((w) => `/api/interviewer/interviews/${w.B.interviewId}`),
  'GET /api/interviewer/interviews/:id/live': user((w) => `/api/interviewer/interviews/${w.B.interviewId}/live`),
  'GET /api/interviewer/interviews/:id/recordings/:recordingId': user((w) => `/api/interviewer/interviews/${w.B.interviewId}/recordings/${w.B.recordingId}`),
  'GET /api/interviewer/compare': user((w) => `/api/interviewer/compare?ids=${w.B.interviewId},${w.B.interviewId2}`),
  'GET /api/interviewer/interviews/:id/review': user((w) => `/api/interviewer/interviews/${w.B.interviewId}/review`),
  'POST /api/interviewer/interviews/:id/controls': user((w) => `/api/interviewer/interviews/${w.B.interviewId}/controls`, { body: () => ({ v: 1, action: 'pause' }) }),
  'POST /api/interviewer/interviews/:id/comments': user((w) => `/api/interviewer/interviews/${w.B.interviewId}/comments`, { body: () => ({ v: 1, body: 'Nice answer.' }) }),
  'POST /api/interviewer/interviews/:id/overrides': user((w) => `/api/interviewer/interviews/${w.B.interviewId}/overrides`, {
    body: (w) => ({ v: 1, turnId: w.B.turnId, dimensionKey: 'coverage', score: 2, reason: 'Too short.' }),
  }),
  'GET /api/interviewer/dashboard': user(() => '/api/interviewer/dashboard', { list: true }),
  'GET /api/interviewer/devices': user(() => '/api/interviewer/devices', { list: true }),
  'GET /api/interviewer/templates': user(() => '/api/interviewer/templates', { list: true }),
  'POST /api/interviewer/templates': user(() => '/api/interviewer/templates', { list: true, body: () => templateBody(`new template ${seq++}`) }),
  'GET /api/interviewer/templates/:id': user((w) => `/api/interviewer/templates/${w.B.templateId}`),
  'PUT /api/interviewer/templates/:id': user((w) => `/api/interviewer/templates/${w.B.templateId}`, { body: (w) => templateBody(w.B.templateName) }),
  'DELETE /api/interviewer/templates/:id': user((_w, fresh) => `/api/interviewer/templates/${fresh.templateId}`, {
    body: () => ({ v: 1 }),
    prepare: async (w) => ({
      templateId: ((await ok(await server.app.request('/api/interviewer/templates', json(templateBody(`doomed ${seq++}`), { cookie: w.B.cookie })), 'template')) as { template: { id: string } }).template.id,
    }),
  }),
  'POST /api/interviewer/templates/:id/assign': user((w) => `/api/interviewer/templates/${w.B.templateId}/assign`, { body: (w) => ({ v: 1, target: { type: 'device', deviceId: w.B.deviceId } }) }),
  'GET /api/interviewer/users': user(() => '/api/interviewer/users', { list: true }),
  'POST /api/interviewer/users/invitations': user(() => '/api/interviewer/users/invitations', { list: true, body: () => ({ v: 1, email: `new-${seq++}@example.test`, role: 'interviewer' }) }),
  'DELETE /api/interviewer/users/invitations/:id': user((_w, fresh) => `/api/interviewer/users/invitations/${fresh.invitationId}`, { body: () => ({ v: 1 }), prepare: freshInvitation }),
  'POST /api/interviewer/users/:id/disable': user((w) => `/api/interviewer/users/${w.B.memberId}/disable`, { body: () => ({ v: 1 }) }),
  'POST /api/interviewer/users/:id/enable': user((w) => `/api/interviewer/users/${w.B.memberId}/enable`, { body: () => ({ v: 1 }) }),
  'DELETE /api/interviewer/users/:id': user((_w, fresh) => `/api/interviewer/users/${fresh.userId}`, {
    body: () => ({ v: 1 }),
    prepare: async (w) => ({ userId: await addMember(w.B.cookie, `doomed-${seq++}@bravo.test`) }),
  }),
  'GET /api/interviewer/audit': user(() => '/api/interviewer/audit', { list: true }),
};

/** Every route the app serves, as "METHOD /path" (middleware and the catch-all are registered as ALL). */
function servedRoutes(app: TestServer['app']): string[] {
  return [...new Set(app.routes.filter((route) => route.method !== 'ALL').map((route) => `${route.method} ${route.path}`))];
}

async function send(routeCase: RouteCase, side: Side | null, fresh: Record<string, string>, method: string): Promise<Response> {
  const w = world;
  const path = routeCase.path(w, fresh);
  const headers: Record<string, string> = {};
  if (side && routeCase.credentials === 'user') headers.cookie = fresh[`cookie${side}`] ?? w[side].cookie;
  if (side && routeCase.credentials === 'device') headers.authorization = `Bearer ${w[side].deviceToken}`;
  if (routeCase.raw) {
    return server.app.request(path, { method, body: routeCase.raw.body, headers: { ...headers, 'content-type': routeCase.raw.type } });
  }
  const body = routeCase.body?.(w, fresh);
  if (body === undefined) return server.app.request(path, { method, headers });
  return server.app.request(path, json(body, headers, method));
}

/** Reads an answer without waiting on a live stream: SSE answers are checked by status and headers. */
async function textOf(response: Response): Promise<string> {
  if ((response.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
    await response.body?.cancel();
    return '';
  }
  return response.text();
}

beforeAll(async () => {
  server = await createTestServer();
  const A = await buildOrg('Alpha', 'a');
  const B = await buildOrg('Bravo', 'b');
  world = { A, B };
}, 120_000);
afterAll(() => server?.cleanup());

describe('organisation isolation on every route', () => {
  it('has a case for every route the app serves', () => {
    const missing = servedRoutes(server.app).filter((key) => !CASES[key]);
    expect(missing, `Add a case to CASES in ${import.meta.filename} for each of these routes`).toEqual([]);
  });

  // One test per case; a case whose route is not served (yet) has nothing to test.
  for (const [key, routeCase] of Object.entries(CASES)) {
    const method = key.slice(0, key.indexOf(' '));
    it(`${key}: ${routeCase.publicRoute ? `public (${routeCase.publicRoute})` : 'no credentials → 401; Alpha → 403/404 or nothing of Bravo’s; Bravo → works'}`, async () => {
      if (!servedRoutes(server.app).includes(key)) return;
      const fresh = (await routeCase.prepare?.(world)) ?? {};

      const anonymous = await send(routeCase, null, fresh, method);
      await textOf(anonymous);
      if (routeCase.publicRoute) {
        expect(anonymous.status, `${key} without credentials`).toBeLessThan(500);
        if (routeCase.anonymousStatus) expect(routeCase.anonymousStatus, `${key} without credentials`).toContain(anonymous.status);
        return;
      }
      expect(routeCase.anonymousStatus ?? [401], `${key} without credentials`).toContain(anonymous.status);

      const fromAlpha = await send(routeCase, 'A', fresh, method);
      const alphaText = await textOf(fromAlpha);
      if (routeCase.list) {
        const answered = fromAlpha.status < 500 || (routeCase.ownStatus ?? []).includes(fromAlpha.status);
        expect(answered, `${key} from Alpha: ${fromAlpha.status} ${alphaText}`).toBe(true);
      } else {
        expect([403, 404], `${key} from Alpha: ${fromAlpha.status} ${alphaText}`).toContain(fromAlpha.status);
      }
      // Bravo's ids that Alpha itself sent may be named back in the refusal; nothing else of Bravo's may appear.
      const sent = routeCase.path(world, fresh) + JSON.stringify(routeCase.body?.(world, fresh) ?? '');
      for (const marker of bravoMarkers(world).filter((marker) => !sent.includes(marker))) {
        expect(alphaText, `${key} from Alpha leaks "${marker}"`).not.toContain(marker);
      }

      const fromBravo = await send(routeCase, 'B', fresh, method);
      const bravoText = await textOf(fromBravo);
      const worked = (fromBravo.status >= 200 && fromBravo.status < 300) || (routeCase.ownStatus ?? []).includes(fromBravo.status);
      expect(worked, `${key} from Bravo itself: ${fromBravo.status} ${bravoText}`).toBe(true);
    });
  }

  it('refuses Alpha’s device writing into Bravo’s interview, event by event', async () => {
    const { A, B } = world;
    const intrusion = interviewEvents(B.interviewId, 50, 1);
    const response = await push(server, A.deviceToken, A.clientId, intrusion);
    const outcome = (await response.json()) as { accepted: string[]; rejected: { reason: string }[] };
    expect(outcome.accepted).toEqual([]);
    expect(outcome.rejected.map((rejection) => rejection.reason)).toEqual(intrusion.map(() => 'This interview belongs to another device.'));
  });

  it('left Bravo’s data as it was after every attempt from Alpha', async () => {
    const B = world.B;
    const detail = await server.app.request(`/api/interviewer/interviews/${B.interviewId}`, { headers: { cookie: B.cookie } });
    expect(detail.status).toBe(200);
    const review = (await (await server.app.request(`/api/interviewer/interviews/${B.interviewId}/review`, { headers: { cookie: B.cookie } })).json()) as {
      comments: { authorName: string }[];
      overrides: { authorName: string }[];
      controls: { issuedBy: string }[];
    };
    // Only Bravo's own requests (one each) reached the interview.
    for (const list of [review.comments.map((c) => c.authorName), review.overrides.map((o) => o.authorName), review.controls.map((c) => c.issuedBy)]) {
      expect(list.every((author) => !author.includes('Alpha'))).toBe(true);
    }
    const { template } = (await (await server.app.request(`/api/interviewer/templates/${B.templateId}`, { headers: { cookie: B.cookie } })).json()) as { template: { name: string } };
    expect(template.name).toBe(B.templateName);
  });
});
