// The interviewer workspace API under /api/interviewer: interview templates (list, create, read,
// save a new version, delete), the organisation's devices and assigning a template to one or all of
// them, and per interview: live controls, comments, score overrides, and the review (everything
// interviewers added to it) for the detail page. Mounted before interviewerRoutes with the same
// middleware chain (JSON only, same origin, session, per-user limit, CSRF, no-store), so these paths
// pass it once. Every lookup is scoped to the signed-in user's organisation: another organisation's
// ids answer 404 like ids that do not exist. Changes go to the audit log: template.created, .updated and
// .deleted, assignment.created, control.sent, comment.added, score.overridden. Comments and overrides
// are announced on the event bus, so interviewers following the interview live see them at once.
// Owns: these routes. Must not import: a database driver (storage is db/workspace-store.ts).
import { Hono, type MiddlewareHandler } from 'hono';
import { recordAudit } from '../audit/record-audit.ts';
import type { Store } from '../db/store.ts';
import type { ReviewWrite } from '../db/workspace-store.ts';
import { ApiError, readJson } from '../errors.ts';
import { csrfToken, sameOriginOnly } from '../middleware/csrf/csrf.ts';
import { publishReviewChanged } from '../live/interview-events.ts';
import { jsonOnly } from '../middleware/json-only/json-only.ts';
import { sessionAuth, type SessionEnv } from '../middleware/session-auth/session-auth.ts';
import { addCommentRequest } from '../protocol/interview-comment.ts';
import { issueControlRequest } from '../protocol/interview-control.ts';
import { saveTemplateRequest, type InterviewTemplate, type TemplateList } from '../protocol/interview-template.ts';
import { scoreOverride, overrideScoreRequest } from '../protocol/score-override.ts';
import { assignTemplateRequest, type AssignTemplateResponse, type OrgDeviceList } from '../protocol/template-assignment.ts';
import type { EventBus } from '../shared-state/event-bus.ts';
import { noStore } from '../middleware/no-store/no-store.ts';

export interface WorkspaceDeps {
  store: Store;
  clock: () => Date;
  /** Where comments and overrides are announced to the interview's live followers (live/follow-extras.ts). */
  bus: EventBus;
  /** The interviewer API's per-user rate limit. */
  perUser: MiddlewareHandler;
}

const NO_TEMPLATE = () => new ApiError(404, 'not_found', 'There is no such template in your organisation. Reload the templates page.');
const NO_INTERVIEW = () => new ApiError(404, 'not_found', 'There is no such interview in your organisation (the candidate may have deleted it). Reload the interviews page.');

/** How many candidates' names an assignment's audit entry lists. */
const AUDITED_NAMES = 20;

const templateFacts = (template: InterviewTemplate) => ({ name: template.name, version: template.version });

function unwrap<T>(result: ReviewWrite<T>): T {
  if (result.ok) return result.value;
  switch (result.reason) {
    case 'no_interview':
      throw NO_INTERVIEW();
    case 'no_turn':
      throw new ApiError(404, 'no_turn', 'That interview has no such answer. Reload the interview.');
    case 'no_dimension':
      throw new ApiError(400, 'no_dimension', "That answer's score has no such dimension. Pick one of the dimensions shown under the answer.");
    case 'not_scored':
      throw new ApiError(409, 'not_scored', 'That answer has no score yet, so there is nothing to override. Comment on it instead.');
  }
}

export function workspaceRoutes(deps: WorkspaceDeps) {
  const { store, clock } = deps;
  const workspace = store.workspace;
  const author = (user: { id: string; name: string }) => ({ id: user.id, name: user.name });

  // Only on these paths: this router is mounted before interviewerRoutes, whose sign-in must not
  // meet a session check.
  const guard = [
    jsonOnly(),
    sameOriginOnly(),
    sessionAuth(store, clock),
    deps.perUser,
    csrfToken(),
    noStore(),
  ] as const;
  const signedIn = new Hono<SessionEnv>();
  for (const path of ['/templates', '/templates/*', '/devices', '/interviews/:id/review', '/interviews/:id/controls', '/interviews/:id/comments', '/interviews/:id/overrides']) {
    signedIn.use(path, ...guard);
  }
  signedIn
    .get('/templates', async (c) => c.json({ v: 1, templates: await workspace.listTemplates(c.get('user').orgId) } satisfies TemplateList))
    .post('/templates', async (c) => {
      const request = saveTemplateRequest.parse(await readJson(c));
      const user = c.get('user');
      const template = await workspace.createTemplate(user.orgId, author(user), request.template, clock().toISOString());
      await recordAudit(c, store, clock, { action: 'template.created', target: `template:${template.id}`, detail: templateFacts(template) });
      return c.json({ v: 1, template } satisfies { v: 1; template: InterviewTemplate }, 201);
    })
    .get('/templates/:id', async (c) => {
      const template = await workspace.getTemplate(c.get('user').orgId, c.req.param('id'));
      if (!template) throw NO_TEMPLATE();
      return c.json({ v: 1, template });
    })
    .put('/templates/:id', async (c) => {
      const request = saveTemplateRequest.parse(await readJson(c));
      const template = await workspace.updateTemplate(c.get('user').orgId, c.req.param('id'), request.template, clock().toISOString());
      if (!template) throw NO_TEMPLATE();
      await recordAudit(c, store, clock, { action: 'template.updated', target: `template:${template.id}`, detail: templateFacts(template) });
      return c.json({ v: 1, template });
    })
    .delete('/templates/:id', async (c) => {
      const orgId = c.get('user').orgId;
      // Read first: the log names what was deleted, and a deleted template is no longer found.
      const template = await workspace.getTemplate(orgId, c.req.param('id'));
      if (!template || !(await workspace.deleteTemplate(orgId, template.id, clock().toISOString()))) throw NO_TEMPLATE();
      await recordAudit(c, store, clock, { action: 'template.deleted', target: `template:${template.id}`, detail: templateFacts(template) });
      return c.json({ v: 1, ok: true });
    })
    .post('/templates/:id/assign', async (c) => {
      const request = assignTemplateRequest.parse(await readJson(c));
      const user = c.get('user');
      const org = await store.findOrg(user.orgId);
      const result = await workspace.assignTemplate({
        orgId: user.orgId,
        orgName: org?.name ?? '',
        templateId: c.req.param('id'),
        target: request.target,
        author: author(user),
        now: clock().toISOString(),
      });
      if (!result.ok) {
        if (result.reason === 'no_template') throw NO_TEMPLATE();
        if (result.reason === 'no_device') throw new ApiError(404, 'no_device', 'No device of your organisation has that id. Reload the list of devices.');
        throw new ApiError(409, 'no_devices', 'No device has joined your organisation yet. Give a candidate an invite code first.');
      }
      await recordAudit(c, store, clock, {
        action: 'assignment.created',
        target: `template:${c.req.param('id')}`,
        detail: {
          // 'org': every device joined now; 'device': the one named.
          to: request.target.type,
          ...(request.target.type === 'device' ? { device: request.target.deviceId } : {}),
          assignments: result.assignments.length,
          // A few names say who; the count says how many, however large the organisation.
          candidates: result.assignments.slice(0, AUDITED_NAMES).map((assignment) => assignment.candidateName),
        },
      });
      return c.json({ v: 1, assignments: result.assignments } satisfies AssignTemplateResponse, 201);
    })
    .get('/devices', async (c) => c.json({ v: 1, devices: await workspace.listDevices(c.get('user').orgId) } satisfies OrgDeviceList))
    .get('/interviews/:id/review', async (c) => {
      const review = await workspace.getReview(c.get('user').orgId, c.req.param('id'));
      if (!review) throw NO_INTERVIEW();
      return c.json({ v: 1, ...review });
    })
    .post('/interviews/:id/controls', async (c) => {
      const request = issueControlRequest.parse(await readJson(c));
      const user = c.get('user');
      const control = unwrap(await workspace.issueControl(user.orgId, c.req.param('id'), request, author(user), clock().toISOString()));
      await recordAudit(c, store, clock, {
        action: 'control.sent',
        target: `interview:${control.interviewId}`,
        detail: { control: control.id, action: control.action, ...(control.minutes !== null ? { minutes: control.minutes } : {}), ...(control.message ? { message: control.message } : {}) },
      });
      return c.json({ v: 1, control }, 201);
    })
    .post('/interviews/:id/comments', async (c) => {
      const request = addCommentRequest.parse(await readJson(c));
      const user = c.get('user');
      const comment = unwrap(await workspace.addComment(user.orgId, c.req.param('id'), request, author(user), clock().toISOString()));
      await recordAudit(c, store, clock, {
        action: 'comment.added',
        target: `interview:${comment.interviewId}`,
        detail: { comment: comment.id, ...(comment.turnId ? { turn: comment.turnId } : {}) },
      });
      await publishReviewChanged(deps.bus, user.orgId, comment.interviewId);
      return c.json({ v: 1, comment }, 201);
    })
    .post('/interviews/:id/overrides', async (c) => {
      const request = overrideScoreRequest.parse(await readJson(c));
      const user = c.get('user');
      const override = scoreOverride.parse(unwrap(await workspace.overrideScore(user.orgId, c.req.param('id'), request, author(user), clock().toISOString())));
      await recordAudit(c, store, clock, {
        action: 'score.overridden',
        target: `interview:${override.interviewId}`,
        detail: { override: override.id, turn: override.turnId, dimension: override.dimensionKey, from: override.from, to: override.to, reason: override.reason },
      });
      await publishReviewChanged(deps.bus, user.orgId, override.interviewId);
      return c.json({ v: 1, override }, 201);
    });

  return new Hono().route('/interviewer', signedIn);
}
