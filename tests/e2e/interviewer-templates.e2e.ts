// An interviewer's templates through the UI, end to end with the real server and the built app:
// - the template form sets rubric weights (specificity 3, filler words 0, the rest not set), says at
//   once what is wrong with a weight out of range and does not save it; after a reload the list and
//   the edit form show the saved weights, and the API returns exactly those;
// - editing saves a new version with camera and spoken answers required, and the form shows them;
// - a candidate's device does an interview of that template and a practice interview of its own;
//   the interview list's Template filter then shows only the template's interview (its row names the
//   template), the CSV export link carries the filter and its file has that one row, and "Any
//   template" shows both again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seriousAxeViolations } from '../helpers/axe.ts';
import { chromiumAvailable, launchChromium } from '../helpers/chromium.ts';
import { startBehaviouralInterview, submitAnswer } from '../helpers/interview-actions.ts';
import { signInInBrowser } from '../helpers/interviewer-session.ts';
import { createInviteCode } from '../helpers/invite-code.ts';
import { joinOrganisation, syncNow } from '../helpers/join-organisation.ts';
import { createOrgWithAdmin, startSyncServer, type RunningServer } from '../helpers/sync-server-process.ts';

const ADMIN = { name: 'Acme Hiring', email: 'ada@acme.test', adminName: 'Ada Admin', password: 'correct horse battery' };
const QUESTIONS = ['How would you make a slow SQL query fast?', 'How do you roll back a bad deploy safely?'];
const ANSWERS = [
  'I would read the query plan with EXPLAIN ANALYZE, look for sequential scans on large tables, add the missing index, and measure p95 latency before and after.',
  'I keep the previous release deployable, switch traffic back with a feature flag or a blue-green switch, watch the error rate, and then write a short postmortem.',
];

interface SavedTemplate {
  id: string;
  name: string;
  version: number;
  rubricWeights: { key: string; weight: number }[];
  cameraRequired: boolean;
  voiceRequired: boolean;
  questions: { text: string; source: string }[];
}

async function templatesOverApi(page: Page): Promise<SavedTemplate[]> {
  return page.evaluate(async () => {
    const response = await fetch('/api/interviewer/templates', { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`templates: HTTP ${response.status}`);
    return ((await response.json()) as { templates: SavedTemplate[] }).templates;
  });
}

async function weightInputs(page: Page): Promise<Record<string, string>> {
  return page.getByTestId('template-weight-input').evaluateAll((inputs) => Object.fromEntries(inputs.map((input) => [input.getAttribute('data-key')!, (input as HTMLInputElement).value])));
}

describe.skipIf(!chromiumAvailable)('interviewer templates: rubric weights in the form, and the list filtered by template', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startSyncServer();
    createOrgWithAdmin(server.dataDir, ADMIN);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('saves and shows weights and requirements, and filters the list and the CSV export by template', { timeout: 240_000 }, async () => {
    const candidateContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const candidate = await candidateContext.newPage();
    await joinOrganisation(candidate, server.url, await createInviteCode(server.url, ADMIN), 'Tina Template');

    const interviewerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const interviewer = await interviewerContext.newPage();
    await signInInBrowser(interviewer, server.url, ADMIN);
    await interviewer.getByRole('link', { name: 'Templates' }).click();

    // A new template: every weight starts not set.
    await interviewer.getByLabel('Template name').fill('Weighted screen');
    await interviewer.getByLabel('Role', { exact: true }).fill('Backend engineer');
    await interviewer.getByLabel('Your own questions', { exact: true }).fill(QUESTIONS.join('\n'));
    await interviewer.getByLabel('Kind of your own questions').selectOption('technical');
    await interviewer.getByLabel('Time limit (minutes)').fill('15');
    expect(Object.values(await weightInputs(interviewer)).every((value) => value === '')).toBe(true);
    expect(await interviewer.getByLabel('Specificity', { exact: true }).getAttribute('placeholder')).toBe('Not set');
    expect(await interviewer.getByRole('group', { name: 'Rubric weights' }).isVisible()).toBe(true);

    // Typed from the keyboard, as a keyboard user would.
    await interviewer.getByLabel('Specificity', { exact: true }).focus();
    await interviewer.keyboard.type('3');
    await interviewer.getByLabel('Filler words', { exact: true }).focus();
    await interviewer.keyboard.type('0');

    // A weight out of range: said at once beside the field, and the form does not save.
    const length = interviewer.getByLabel('Length', { exact: true });
    await length.fill('7');
    const problem = 'Length: enter a weight from 0 to 5 (0: not counted), or leave it empty for the default weight.';
    await interviewer.getByText(problem).waitFor();
    expect(await length.getAttribute('aria-invalid')).toBe('true');
    expect(await length.evaluate((input: HTMLInputElement) => input.validationMessage)).toBe(problem);
    expect(await seriousAxeViolations(interviewer, { include: ['#template-form'] })).toEqual([]);
    expect(await interviewer.locator('#template-form').evaluate((form: HTMLFormElement) => form.checkValidity())).toBe(false);
    await interviewer.getByRole('button', { name: 'Create template' }).click();
    expect(await templatesOverApi(interviewer)).toEqual([]);
    expect(await interviewer.getByTestId('template-item').count()).toBe(0);
    await length.fill('');
    expect(await interviewer.getByText(problem).count()).toBe(0);
    await interviewer.getByRole('button', { name: 'Create template' }).click();
    await interviewer.getByRole('status').filter({ hasText: 'Template Weighted screen created.' }).waitFor();

    // After a reload: the list says the weights, the edit form shows them, the API returns them.
    await interviewer.reload();
    const item = interviewer.getByTestId('template-item').filter({ hasText: 'Weighted screen' });
    await item.waitFor();
    expect(await item.getByTestId('template-weights-summary').innerText()).toBe('Weights: Specificity ×3, Filler words ×0 (not counted)');
    expect(await item.getByTestId('template-requirements').count()).toBe(0);
    const [created] = await templatesOverApi(interviewer);
    expect(created).toMatchObject({ name: 'Weighted screen', version: 1, cameraRequired: false, voiceRequired: false });
    expect(created!.rubricWeights).toEqual([
      { key: 'specificity', weight: 3 },
      { key: 'fillers', weight: 0 },
    ]);
    await item.getByRole('button', { name: 'Edit Weighted screen' }).click();
    await interviewer.getByRole('heading', { name: 'Edit Weighted screen' }).waitFor();
    expect(await interviewer.getByRole('heading', { name: 'Edit Weighted screen' }).evaluate((heading) => heading === document.activeElement)).toBe(true);
    expect(await weightInputs(interviewer)).toEqual({
      coverage: '',
      structure: '',
      specificity: '3',
      length: '',
      fillers: '0',
      relevance: '',
      depth: '',
      communication: '',
      role_knowledge: '',
    });
    expect(await interviewer.getByLabel('Your own questions', { exact: true }).inputValue()).toBe(QUESTIONS.join('\n'));
    expect(await interviewer.getByLabel('Camera required').isChecked()).toBe(false);

    // Edited: camera and spoken answers required, specificity 2. Saved as version 2.
    await interviewer.getByLabel('Camera required').check();
    await interviewer.getByLabel('Spoken answers required').check();
    await interviewer.getByLabel('Specificity', { exact: true }).fill('2');
    await interviewer.getByRole('button', { name: 'Save changes' }).click();
    await interviewer.getByRole('status').filter({ hasText: 'Template Weighted screen saved as version 2.' }).waitFor();
    const [edited] = await templatesOverApi(interviewer);
    expect(edited).toMatchObject({ id: created!.id, version: 2, cameraRequired: true, voiceRequired: true });
    expect(edited!.rubricWeights).toEqual([
      { key: 'specificity', weight: 2 },
      { key: 'fillers', weight: 0 },
    ]);
    expect(edited!.questions.map(({ text, source }) => ({ text, source }))).toEqual(QUESTIONS.map((text) => ({ text, source: 'own' })));
    await interviewer.reload();
    expect(await item.getByTestId('template-requirements').innerText()).toBe('Camera required · Spoken answers required');
    await item.getByRole('button', { name: 'Edit Weighted screen' }).click();
    expect(await interviewer.getByLabel('Camera required').isChecked()).toBe(true);
    expect(await interviewer.getByLabel('Spoken answers required').isChecked()).toBe(true);
    expect((await weightInputs(interviewer)).specificity).toBe('2');
    // Back to neither required, so the candidate's browser (no camera here) can do the interview.
    await interviewer.getByLabel('Camera required').uncheck();
    await interviewer.getByLabel('Spoken answers required').uncheck();
    await interviewer.getByRole('button', { name: 'Save changes' }).click();
    await interviewer.getByRole('status').filter({ hasText: 'saved as version 3.' }).waitFor();
    expect(await item.getByTestId('template-requirements').count()).toBe(0);

    await item.getByRole('button', { name: 'Assign Weighted screen' }).click();
    await interviewer.getByRole('status').filter({ hasText: 'Assigned to Tina Template' }).waitFor();

    // The candidate: a practice interview of their own (no template), then the assigned one.
    await startBehaviouralInterview(candidate, server.url, 2, 'Data Analyst');
    await syncNow(candidate, server.url);
    await candidate.goto(server.url);
    await candidate.getByRole('heading', { name: 'Assigned to you' }).waitFor({ timeout: 30_000 });
    await candidate.getByRole('button', { name: 'Start Weighted screen' }).click();
    for (let index = 0; index < 2; index++) {
      await candidate.getByText(`Question ${index + 1} of 2`).waitFor({ timeout: 30_000 });
      await candidate.getByLabel('Your answer').fill(ANSWERS[index]!);
      await submitAnswer(candidate);
    }
    await candidate.getByRole('heading', { name: 'Report' }).waitFor({ timeout: 30_000 });
    await syncNow(candidate, server.url);

    // The list: both interviews; the template's names it.
    await interviewer.getByRole('link', { name: 'Interviews', exact: true }).click();
    const rows = interviewer.locator('table.interviewer-table tbody tr');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(2);
    const templated = rows.filter({ hasText: 'Backend engineer' });
    expect(await templated.getByTestId('interview-template').innerText()).toBe('Template: Weighted screen');
    expect(await rows.filter({ hasText: 'Data Analyst' }).getByTestId('interview-template').count()).toBe(0);

    // Filtered by the template: only its interview, and the export link carries the filter.
    await interviewer.getByLabel('Template', { exact: true }).selectOption({ label: 'Weighted screen' });
    await interviewer.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(1);
    expect(await seriousAxeViolations(interviewer)).toEqual([]);
    expect(await rows.first().innerText()).toContain('Backend engineer');
    expect(await interviewer.getByTestId('interview-count').innerText()).toBe('1 interview shown');
    const href = (await interviewer.getByTestId('export-csv').getAttribute('href'))!;
    expect(new URL(href, server.url).searchParams.get('template')).toBe(created!.id);
    const csv = await interviewer.evaluate(async (url) => (await fetch(url, { credentials: 'same-origin' })).text(), href);
    const lines = csv.trim().split(/\r?\n/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('Backend engineer');
    expect(csv).not.toContain('Data Analyst');

    // Any template again: both.
    await interviewer.getByLabel('Template', { exact: true }).selectOption({ label: 'Any template' });
    await interviewer.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(2);
    expect(new URL((await interviewer.getByTestId('export-csv').getAttribute('href'))!, server.url).searchParams.has('template')).toBe(false);

    await interviewerContext.close();
    await candidateContext.close();
  });
});
