// The interviewer workspace end to end, in two browser contexts: an interviewer creates an interview
// template and assigns it; it reaches the candidate's device at its next pull and the candidate starts
// it from the home screen; the interviewer pauses it with a message, resumes and extends it, and the
// candidate's interview screen shows each in its alert banner and holds answering while paused; the
// candidate finishes; the interviewer comments and overrides a score with a reason; after syncing,
// the candidate's report shows both (and the interviewer's live view listed them as they were made).
// Then the interviewer ends a practice interview of the candidate's own, and the candidate's screen
// finishes it and opens the report; signed out in another tab, the interviewer's live view says the
// session ended.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumAvailable, launchChromium } from '../helpers/chromium.ts';
import { startBehaviouralInterview, submitAnswer } from '../helpers/interview-actions.ts';
import { signInInBrowser } from '../helpers/interviewer-session.ts';
import { joinOrganisation, syncNow } from '../helpers/join-organisation.ts';
import { createOrgWithAdmin, startSyncServer, type RunningServer } from '../helpers/sync-server-process.ts';

const ADMIN = { name: 'Acme Hiring', email: 'ada@acme.test', adminName: 'Ada Admin', password: 'correct horse battery' };
const QUESTIONS = ['How would you make a slow SQL query fast?', 'How do you roll back a bad deploy safely?'];
const ANSWERS = [
  'I would read the query plan with EXPLAIN ANALYZE, look for sequential scans on large tables, add the missing index, and measure p95 latency before and after.',
  'I keep the previous release deployable, switch traffic back with a feature flag or a blue-green switch, watch the error rate, and then write a short postmortem.',
];

describe.skipIf(!chromiumAvailable)('interviewer workspace: template, assignment, controls, comment and override', () => {
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

  it('reaches the candidate, controls the interview, and the candidate sees the review', async () => {
    const interviewerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const interviewer = await interviewerContext.newPage();
    await signInInBrowser(interviewer, server.url, ADMIN);
    await interviewer.getByRole('link', { name: 'Invites' }).click();
    await interviewer.getByRole('button', { name: 'Create invite code' }).click();
    const inviteCode = (await interviewer.getByTestId('invite-code').first().innerText()).trim();

    const candidateContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const candidate = await candidateContext.newPage();
    await joinOrganisation(candidate, server.url, inviteCode, 'Grace Candidate');

    // The interviewer creates a template of their own questions and assigns it to every device.
    await interviewer.getByRole('link', { name: 'Templates' }).click();
    await interviewer.getByLabel('Template name').fill('Backend screen');
    await interviewer.getByLabel('Role', { exact: true }).fill('Backend engineer');
    await interviewer.getByLabel('Your own questions', { exact: true }).fill(QUESTIONS.join('\n'));
    await interviewer.getByLabel('Kind of your own questions').selectOption('technical');
    await interviewer.getByLabel('Time limit (minutes)').fill('10');
    await interviewer.getByRole('button', { name: 'Create template' }).click();
    await interviewer.getByRole('status').filter({ hasText: 'Template Backend screen created.' }).waitFor();
    await interviewer.getByRole('button', { name: 'Assign Backend screen' }).click();
    await interviewer.getByRole('status').filter({ hasText: 'Assigned to Grace Candidate' }).waitFor();

    // The candidate's next sync brings it to the home screen.
    await syncNow(candidate, server.url);
    await candidate.goto(server.url);
    await candidate.getByRole('heading', { name: 'Assigned to you' }).waitFor({ timeout: 30_000 });
    await candidate.getByText('Assigned by Acme Hiring').waitFor();
    await candidate.getByRole('button', { name: 'Start Backend screen' }).click();
    await candidate.getByText('Question 1 of 2').waitFor({ timeout: 30_000 });
    expect(await candidate.getByTestId('question-text').innerText()).toBe(QUESTIONS[0]);
    await candidate.getByText('Elapsed · 10 min planned').waitFor();
    expect(await candidate.getByTestId('assigned-requirements').innerText()).toBe('Set by Acme Hiring: The interview ends after 10 minutes.');

    // The interviewer opens the interview (it synced when it started) and pauses it with a message.
    await interviewer.getByRole('link', { name: 'Interviews' }).click();
    // The list is a snapshot with a Refresh button: the interview's first push may land just after it loads.
    const row = interviewer.getByRole('row').filter({ hasText: 'Grace Candidate' });
    for (let attempt = 0; attempt < 30 && !(await row.isVisible()); attempt++) {
      await interviewer.getByRole('button', { name: 'Refresh' }).click();
      await row.waitFor({ timeout: 1_000 }).catch(() => undefined);
    }
    await row.waitFor({ timeout: 5_000 });
    await row.getByRole('link').first().click();
    await interviewer.getByLabel('Message to the candidate (optional)').fill('Hold on a moment, please.');
    await interviewer.getByRole('button', { name: 'Pause' }).click();
    await interviewer.getByRole('status').filter({ hasText: 'Pause sent' }).waitFor();

    const banner = candidate.getByRole('alert').filter({ hasText: 'Hold on a moment, please.' });
    await banner.waitFor({ timeout: 30_000 });
    expect(await banner.innerText()).toContain('Ada Admin paused your interview');
    expect(await candidate.getByLabel('Your answer').getAttribute('readonly')).not.toBeNull();
    expect(await candidate.getByRole('button', { name: 'Submit answer' }).isDisabled()).toBe(true);

    // Resumed and given five more minutes: the banner says so and the planned time grows.
    await interviewer.getByLabel('Message to the candidate (optional)').fill('Take your time.');
    await interviewer.getByRole('button', { name: 'Resume' }).click();
    await interviewer.getByLabel('Minutes to add when extending').fill('5');
    await interviewer.getByRole('button', { name: 'Extend time' }).click();
    await candidate.getByRole('alert').filter({ hasText: 'Ada Admin gave you 5 more minutes.' }).waitFor({ timeout: 30_000 });
    await candidate.getByText('15 min planned').waitFor();
    expect(await candidate.getByTestId('assigned-requirements').innerText()).toContain('ends after 15 minutes');
    await candidate.getByRole('button', { name: 'Resume' }).click();

    for (let index = 0; index < 2; index++) {
      await candidate.getByText(`Question ${index + 1} of 2`).waitFor();
      await candidate.getByLabel('Your answer').fill(ANSWERS[index]!);
      await submitAnswer(candidate);
    }
    await candidate.getByRole('heading', { name: 'Report' }).waitFor({ timeout: 30_000 });
    const reportUrl = candidate.url();

    // The interviewer comments and overrides the first answer's first dimension, with a reason.
    await syncNow(candidate, server.url);
    await interviewer.reload();
    await interviewer.getByText(ANSWERS[0]!.slice(0, 50)).first().waitFor({ timeout: 30_000 });
    await interviewer.getByLabel('Comment for the candidate').fill('Clear structure; add numbers next time.');
    await interviewer.getByRole('button', { name: 'Add comment' }).click();
    await interviewer.getByRole('status').filter({ hasText: 'Comment added' }).waitFor();
    // The page follows the interview live: the comment arrives on its stream too.
    await interviewer.getByTestId('live-feed').getByText('Ada Admin commented: Clear structure; add numbers next time.').waitFor();
    const dimension = interviewer.getByLabel('Answer and dimension');
    const option = (await dimension.locator('option').first().innerText()).trim();
    const from = Number(/\((\d)\)$/.exec(option)![1]);
    const to = from === 1 ? 2 : 1;
    await interviewer.getByLabel('New score (1 to 5)').selectOption(String(to));
    await interviewer.getByLabel('Reason (required)').fill('Missed the rollback plan.');
    await interviewer.getByRole('button', { name: 'Override score' }).click();
    await interviewer.getByRole('status').filter({ hasText: 'Score overridden' }).waitFor();
    await interviewer.getByTestId('live-feed').getByText(`from ${from} to ${to}: Missed the rollback plan.`).waitFor();

    // After the candidate's next sync, the report shows both.
    await syncNow(candidate, server.url);
    await candidate.goto(reportUrl);
    await candidate.getByRole('heading', { name: 'From your interviewer' }).waitFor({ timeout: 30_000 });
    await candidate.getByText('Clear structure; add numbers next time.').waitFor();
    const notes = await candidate.locator('.interviewer-notes').innerText();
    expect(notes).toContain('Ada Admin commented:');
    expect(notes).toContain(`score changed from ${from} to ${to}:`);
    expect(notes).toContain('Missed the rollback plan.');


    // A practice interview of the candidate's own, ended by the interviewer: it finishes with its
    // summary and opens the report.
    await startBehaviouralInterview(candidate, server.url, 2, 'Data Analyst');
    await candidate.getByLabel('Your answer').fill(ANSWERS[0]!);
    await submitAnswer(candidate);
    await candidate.getByText('Question 2 of 2').waitFor();
    await syncNow(candidate, server.url);
    await candidate.goBack();
    await candidate.getByText('Question 2 of 2').waitFor();
    await interviewer.getByRole('link', { name: 'Interviews', exact: true }).click();
    await interviewer.getByRole('row').filter({ hasText: 'Data Analyst' }).getByRole('link').first().click();
    await interviewer.getByLabel('Message to the candidate (optional)').fill('We have to stop here, thank you.');
    await interviewer.getByRole('button', { name: 'End interview' }).click();
    await interviewer.getByRole('status').filter({ hasText: 'End interview sent' }).waitFor();
    await candidate.getByRole('heading', { name: 'Report' }).waitFor({ timeout: 30_000 });
    expect(await candidate.locator('body').innerText()).toMatch(/ended early/i);

    // Signed out in another tab: the interview page's live stream ends (at its next event or
    // heartbeat) and says so, instead of reconnecting.
    await interviewer.getByTestId('live-badge').waitFor();
    const otherTab = await interviewerContext.newPage();
    await otherTab.goto(`${server.url}/interviewer`);
    await otherTab.getByRole('button', { name: 'Sign out' }).click();
    await otherTab.getByRole('button', { name: 'Sign in' }).waitFor();
    await interviewer.getByTestId('live-follow').getByText('Your session ended: sign in again to keep following this interview.').waitFor({ timeout: 60_000 });
    expect(await interviewer.getByTestId('live-badge').count()).toBe(0);

    await interviewerContext.close();
    await candidateContext.close();
  });
});

