// The candidate joins an organisation the way they do in the app: the Sync page, an invite code and
// their name, then waits until the first sync is done.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

export async function joinOrganisation(page: Page, serverUrl: string, inviteCode: string, candidateName: string): Promise<void> {
  await page.goto(`${serverUrl}/sync`);
  await fillJoinForm(page, inviteCode, candidateName);
}

/** The join form on an open Sync page (e.g. one reached through the app's navigation). */
export async function fillJoinForm(page: Page, inviteCode: string, candidateName: string): Promise<void> {
  await page.getByLabel('Invite code').fill(inviteCode);
  await page.getByLabel('Your name').fill(candidateName);
  await page.getByRole('button', { name: 'Join organisation' }).click();
  await expect.poll(() => page.getByTestId('sync-status').innerText(), { timeout: 30_000 }).toMatch(/up to date/i);
}

/** A joined candidate's "Sync now" on the Sync page, waiting until the device is up to date. */
export async function syncNow(page: Page, serverUrl: string): Promise<void> {
  await page.goto(`${serverUrl}/sync`);
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect.poll(() => page.getByTestId('sync-status').innerText(), { timeout: 30_000 }).toMatch(/up to date/i);
}
