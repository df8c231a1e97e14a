// Two settings of an interviewer's template taking effect on the candidate's device, end to end with
// the real server and the built app:
// - rubric weights: an assigned interview whose template weights one dimension 0 and another 3 gets
//   the weighted mean of the dimension scores its report shows as its overall, the report says the
//   template weighted them, and the interviewer's list shows the same overall (the device pushed it);
// - camera required: the interview does not start in a browser with no camera, nor where the camera
//   is not allowed, and says why and what to do; the assignment stays, and once the camera is allowed
//   "Try again" starts it with the fake camera on; a camera that stops mid-interview holds the
//   interview until it is reconnected; spoken answers required: the microphone is checked the same
//   way and typing is off.
// Templates are made over the interviewer API, which is quicker here than the form (interviewer-templates.e2e.ts covers the form).
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TemplateBody } from '../../sync-server/protocol/interview-template.ts';
import { seriousAxeViolations } from '../helpers/axe.ts';
import { chromiumAvailable, launchChromium } from '../helpers/chromium.ts';
import { submitAnswer } from '../helpers/interview-actions.ts';
import { signInInBrowser, signInOverHttp, type InterviewerHttpSession } from '../helpers/interviewer-session.ts';
import { createInviteCode } from '../helpers/invite-code.ts';
import { joinOrganisation, syncNow } from '../helpers/join-organisation.ts';
import { faceY4m } from '../helpers/media-fixtures.ts';
import { createOrgWithAdmin, REPO_ROOT, startSyncServer, type RunningServer } from '../helpers/sync-server-process.ts';

const SHARED_MODELS = resolve(REPO_ROOT, '../shared/models');
const ADMIN = { name: 'Acme Hiring', email: 'ada@acme.test', adminName: 'Ada Admin', password: 'correct horse battery' };
const QUESTIONS = ['How would you make a slow SQL query fast?', 'How do you roll back a bad deploy safely?'];
// Specific but padded with fillers, so the specificity (weight 3) and filler (weight 0) scores differ.
const ANSWERS = [
  'Um, so, like, I would read the query plan with EXPLAIN ANALYZE, you know, look for sequential scans on the 40 GB orders table, add the missing index, and, um, measure p95 latency before and after: it went from 900 ms to 35 ms.',
  'So, um, basically I keep the previous release deployable, like, switch traffic back with a feature flag, you know, watch the error rate for 15 minutes, and then, um, write a short postmortem with the 3 causes.',
];

function template(name: string, extra: Partial<TemplateBody>): TemplateBody {
  return {
    name,
    role: 'Backend engineer',
    seniority: 'mid',
    questions: QUESTIONS.map((text, index) => ({ id: `own-${index + 1}`, kind: 'technical', text, talkingPoints: [], rubricHint: '', expectedSeconds: 120, source: 'own' })),
    rubricWeights: [],
    timeLimitMinutes: 20,
    language: 'en',
    cameraRequired: false,
    voiceRequired: false,
    ...extra,
  };
}

async function api<T>(server: RunningServer, session: InterviewerHttpSession, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${server.url}/api/interviewer${path}`, body === undefined ? { headers: session.headers } : { method: 'POST', headers: session.headers, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Creates the template and assigns it to the named candidates' devices. */
/** Creates the template and assigns it to the named candidates' devices; the template's id. */
async function assign(server: RunningServer, session: InterviewerHttpSession, body: TemplateBody, candidates: string[]): Promise<string> {
  const { template: created } = await api<{ template: { id: string } }>(server, session, '/templates', { v: 1, template: body });
  const { devices } = await api<{ devices: { id: string; candidateName: string }[] }>(server, session, '/devices');
  for (const name of candidates) {
    const device = devices.find((candidate) => candidate.candidateName === name);
    if (!device) throw new Error(`no device of ${name} among ${devices.map((candidate) => candidate.candidateName).join(', ')}`);
    await api(server, session, `/templates/${created.id}/assign`, { v: 1, target: { type: 'device', deviceId: device.id } });
  }
  return created.id;
}

async function candidateDevice(browser: Browser, server: RunningServer, name: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await joinOrganisation(page, server.url, await createInviteCode(server.url, ADMIN), name);
  return { context, page };
}

async function openAssigned(page: Page, serverUrl: string): Promise<void> {
  await syncNow(page, serverUrl);
  await page.goto(serverUrl);
  await page.getByRole('heading', { name: 'Assigned to you' }).waitFor({ timeout: 30_000 });
}

describe.skipIf(!chromiumAvailable)('an interviewer template: rubric weights and required camera on the candidate device', () => {
  let server: RunningServer;
  let session: InterviewerHttpSession;
  // A fake camera, but no fake permission prompt: a site that asks is refused until a test allows it.
  let fakeCamera: Browser;
  // No fake devices at all (and prompts answered yes): this browser has no camera.
  let noCamera: Browser;

  beforeAll(async () => {
    server = await startSyncServer({ MODELS_DIR: SHARED_MODELS });
    createOrgWithAdmin(server.dataDir, ADMIN);
    session = await signInOverHttp(server.url, ADMIN);
    fakeCamera = await launchChromium(['--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${faceY4m()}`]);
    noCamera = await launchChromium(['--use-fake-ui-for-media-stream']);
  });

  afterAll(async () => {
    await fakeCamera?.close();
    await noCamera?.close();
    await server?.stop();
  });

  it('scores an assigned interview with the template weights, says so, and the interviewer list shows the same overall', async () => {
    const { context, page } = await candidateDevice(fakeCamera, server, 'Wendy Weights');
    const templateId = await assign(
      server,
      session,
      template('Weighted screen', { rubricWeights: [{ key: 'specificity', weight: 3 }, { key: 'fillers', weight: 0 }] }),
      ['Wendy Weights'],
    );
    await openAssigned(page, server.url);
    await page.getByRole('button', { name: 'Start Weighted screen' }).click();
    for (let index = 0; index < 2; index++) {
      await page.getByText(`Question ${index + 1} of 2`).waitFor({ timeout: 30_000 });
      await page.getByLabel('Your answer').fill(ANSWERS[index]!);
      await submitAnswer(page);
    }
    await page.getByRole('heading', { name: 'Report' }).waitFor({ timeout: 30_000 });

    // The dimension scores the report shows, and the weights it says the template gave them.
    const shown = await page.getByTestId('dimension').evaluateAll((items) =>
      items.map((item) => ({ label: item.querySelector('.dimension-label')!.textContent!.trim(), score: Number.parseFloat(item.querySelector('.dimension-score')!.textContent!) })),
    );
    const weights = await page.getByTestId('template-weight').evaluateAll((rows) =>
      rows.map((row) => ({ key: row.getAttribute('data-key')!, label: row.querySelector('th')!.textContent!.trim(), weight: Number(row.getAttribute('data-weight')), score: Number(row.getAttribute('data-score')) })),
    );
    expect(weights.map(({ label, score }) => ({ label, score }))).toEqual(shown);
    expect(Object.fromEntries(weights.map(({ key, weight }) => [key, weight]))).toEqual({ structure: 1, specificity: 3, length: 1, fillers: 0 });
    const note = page.getByTestId('template-weights');
    expect(await note.innerText()).toContain('Acme Hiring\'s template "Weighted screen" weighted the areas');
    expect(await note.innerText()).toContain('×0 (not counted)');
    expect(await note.innerText()).toContain('×3');
    expect(await seriousAxeViolations(page, { include: ['[data-testid="template-weights"]'] })).toEqual([]);

    const points = (score: number) => ((score - 1) / 4) * 100;
    const expected = Math.round(weights.reduce((sum, { score, weight }) => sum + points(score) * weight, 0) / weights.reduce((sum, { weight }) => sum + weight, 0));
    const unweighted = Math.round(shown.reduce((sum, { score }) => sum + points(score), 0) / shown.length);
    // The answers are chosen so that the weights change the result: otherwise this would prove nothing.
    expect(expected).not.toBe(unweighted);
    const overall = Number(await page.getByTestId('overall-score').innerText());
    expect(overall).toBe(expected);

    // The device pushes the completed interview with that overall; the interviewer's list shows it.
    await syncNow(page, server.url);
    const interviewerContext = await fakeCamera.newContext({ viewport: { width: 1280, height: 900 } });
    const interviewer = await interviewerContext.newPage();
    await signInInBrowser(interviewer, server.url, ADMIN);
    await interviewer.getByRole('link', { name: 'Interviews', exact: true }).click();
    const row = interviewer.getByRole('row').filter({ hasText: 'Wendy Weights' });
    await row.locator('.score-badge').waitFor({ timeout: 30_000 });
    expect(Number(await row.locator('.score-badge').innerText())).toBe(overall);
    // The device said which template the interview came from: the list filters by it.
    const byTemplate = await interviewer.evaluate(async (id) => {
      const response = await fetch(`/api/interviewer/interviews?template=${encodeURIComponent(id)}`);
      return ((await response.json()) as { interviews: { candidateName: string; templateId: string | null }[] }).interviews;
    }, templateId);
    expect(byTemplate).toEqual([expect.objectContaining({ candidateName: 'Wendy Weights', templateId })]);
    await interviewerContext.close();
    await context.close();
  });

  it('does not start an interview that requires the camera without one, says why, and starts it once the camera works', async () => {
    const without = await candidateDevice(noCamera, server, 'Nora NoCamera');
    const blocked = await candidateDevice(fakeCamera, server, 'Cam Candidate');
    await assign(server, session, template('Camera screen', { cameraRequired: true }), ['Nora NoCamera', 'Cam Candidate']);

    // A browser with no camera: the interview does not start, the message says what to do.
    await openAssigned(without.page, server.url);
    await without.page.getByRole('button', { name: 'Start Camera screen' }).click();
    const noDevice = without.page.getByTestId('required-inputs');
    await noDevice.waitFor({ timeout: 15_000 });
    expect(await noDevice.innerText()).toContain('Acme Hiring requires your camera for this interview.');
    expect(await noDevice.locator('li').getAttribute('data-problem')).toBe('not-found');
    expect(await noDevice.innerText()).toContain('No camera was found. Plug one in or switch it on, then press Try again.');
    expect(await noDevice.innerText()).toContain('your assignment is kept');
    expect(await seriousAxeViolations(without.page, { include: ['.assigned-interviews'] })).toEqual([]);
    // Trying again with still no camera changes nothing, and loses nothing.
    await without.page.getByRole('button', { name: 'Try again' }).click();
    await without.page.getByRole('button', { name: 'Start Camera screen' }).and(without.page.locator(':enabled')).waitFor();
    expect(without.page.url()).toBe(`${server.url}/`);
    await without.page.reload();
    await without.page.getByRole('button', { name: 'Start Camera screen' }).waitFor({ timeout: 30_000 });

    // A camera there, but not allowed for the site: said so; allowed, "Try again" starts the interview.
    await openAssigned(blocked.page, server.url);
    await blocked.page.getByRole('button', { name: 'Start Camera screen' }).click();
    const denied = blocked.page.getByTestId('required-inputs');
    await denied.waitFor({ timeout: 15_000 });
    expect(await denied.locator('li').getAttribute('data-problem')).toBe('denied');
    expect(await denied.innerText()).toContain("Allow it in your browser's site settings");
    await blocked.context.grantPermissions(['camera'], { origin: server.url });
    await blocked.page.getByRole('button', { name: 'Try again' }).click();
    await blocked.page.getByText('Question 1 of 2').waitFor({ timeout: 30_000 });
    const panel = blocked.page.getByTestId('camera-panel');
    await expect.poll(() => panel.getAttribute('data-status'), { timeout: 60_000 }).toBe('on');
    expect(await blocked.page.getByTestId('required-inputs').count()).toBe(0);
    expect(await blocked.page.getByLabel('Your answer').getAttribute('readonly')).toBeNull();

    // The camera stops mid-interview (as when it is unplugged): the interview holds and says so.
    await blocked.page.evaluate(() => {
      const video = document.querySelector<HTMLVideoElement>('[data-testid="camera-panel"] video');
      (video!.srcObject as MediaStream).getVideoTracks()[0]!.dispatchEvent(new Event('ended'));
    });
    const stopped = blocked.page.getByTestId('required-inputs');
    await stopped.waitFor({ timeout: 15_000 });
    expect(await stopped.locator('li').getAttribute('data-problem')).toBe('stopped');
    expect(await stopped.innerText()).toContain('Your interview is paused');
    // The candidate's own pause note ("press Resume") would mislead: Resume waits for the camera.
    expect(await blocked.page.locator('.paused-note').count()).toBe(0);
    expect(await blocked.page.getByRole('button', { name: 'Resume' }).isDisabled()).toBe(true);
    expect(await seriousAxeViolations(blocked.page, { include: ['[data-testid="required-inputs"]'] })).toEqual([]);
    expect(await blocked.page.getByLabel('Your answer').getAttribute('readonly')).not.toBeNull();
    expect(await blocked.page.getByRole('button', { name: 'Submit answer' }).isDisabled()).toBe(true);
    // Reconnected: it goes on where it was.
    await blocked.page.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => blocked.page.getByTestId('required-inputs').count(), { timeout: 60_000 }).toBe(0);
    await expect.poll(() => panel.getAttribute('data-status'), { timeout: 60_000 }).toBe('on');
    await blocked.page.getByLabel('Your answer').fill(ANSWERS[0]!);
    await submitAnswer(blocked.page);
    await blocked.page.getByText('Question 2 of 2').waitFor();

    // Spoken answers required: the microphone is checked the same way, and once the interview runs
    // the answer box takes the transcript but not typing.
    await assign(server, session, template('Spoken screen', { voiceRequired: true }), ['Cam Candidate']);
    await openAssigned(blocked.page, server.url);
    await blocked.page.getByRole('button', { name: 'Start Spoken screen' }).click();
    const noMicrophone = blocked.page.getByTestId('required-inputs');
    await noMicrophone.waitFor({ timeout: 15_000 });
    expect(await noMicrophone.innerText()).toContain('Acme Hiring requires your microphone (spoken answers) for this interview.');
    expect(await noMicrophone.locator('li').getAttribute('data-input')).toBe('microphone');
    expect(await noMicrophone.locator('li').getAttribute('data-problem')).toBe('denied');
    await blocked.context.grantPermissions(['camera', 'microphone'], { origin: server.url });
    await blocked.page.getByRole('button', { name: 'Try again' }).click();
    await blocked.page.getByText('Question 1 of 2').waitFor({ timeout: 30_000 });
    expect(await blocked.page.getByTestId('question-text').innerText()).toBe(QUESTIONS[0]);
    expect(await blocked.page.getByLabel('Your answer').getAttribute('readonly')).not.toBeNull();
    expect(await blocked.page.getByTestId('voice-required-note').innerText()).toContain("Typing is turned off by Acme Hiring's template");
    expect(await blocked.page.getByRole('button', { name: 'Answer aloud' }).isEnabled()).toBe(true);
    expect(await seriousAxeViolations(blocked.page, { include: ['.question-card'] })).toEqual([]);
    expect(await blocked.page.getByTestId('required-inputs').count()).toBe(0);

    await without.context.close();
    await blocked.context.close();
  });
});
