// Submitting an answer as a candidate does: click Submit, and if the engine asks a follow-up, answer
// it (or skip it). Any engine may ask one on a thin answer, so every e2e flow goes through here.
import type { Page } from 'playwright-core';

export async function submitAnswer(page: Page, options: { followUpAnswer?: string } = {}): Promise<'next' | 'followed-up'> {
  const before = await page.getByTestId('question-text').innerText();
  await page.getByRole('button', { name: 'Submit answer' }).click();
  const outcome = await page.waitForFunction(
    (previous) => {
      if (document.querySelector('[data-testid="follow-up"]')) return 'follow-up';
      const question = document.querySelector('[data-testid="question-text"]');
      if (!question || question.textContent !== previous) return 'next';
      return false;
    },
    before,
    { timeout: 30_000 },
  );
  if ((await outcome.jsonValue()) === 'next') return 'next';
  if (options.followUpAnswer) {
    await page.getByLabel('Your answer').fill(options.followUpAnswer);
    await page.getByRole('button', { name: 'Submit follow-up answer' }).click();
  } else {
    await page.getByRole('button', { name: 'Skip follow-up' }).click();
  }
  await page.waitForFunction(() => !document.querySelector('[data-testid="follow-up"]'), undefined, { timeout: 30_000 });
  return 'followed-up';
}

/** From the setup page: a behavioural interview of `questions` questions, open at its first question. */
export async function startBehaviouralInterview(page: Page, serverUrl: string, questions: number, role = 'Software Engineer'): Promise<void> {
  await page.goto(`${serverUrl}/new`);
  await page.getByLabel('Role').fill(role);
  await page.getByLabel('Interview type').selectOption('behavioural');
  await page.getByLabel('Number of questions').fill(String(questions));
  await page.getByRole('button', { name: 'Start interview' }).click();
  await page.getByText(`Question 1 of ${questions}`).waitFor({ timeout: 30_000 });
}
