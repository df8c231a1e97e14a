// Launches Debian's Chromium through playwright-core. Browsers are never downloaded: the system one is
// used, and when it is missing the e2e suite fails loudly in CI and is skipped with a message locally.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumAvailable = existsSync(CHROMIUM_PATH);

if (!chromiumAvailable) {
  const message = `Chromium not found at ${CHROMIUM_PATH}. Install it with: apt-get install -y chromium`;
  if (process.env.CI === 'true') throw new Error(`${message} (CI=true: the end-to-end tests must run)`);
  console.warn(`SKIPPING end-to-end tests: ${message}`);
}

// Without the background-networking flags Chromium keeps dialling Google's hosts, which this
// machine's closed network refuses.
const QUIET_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-webgpu',
];

export async function launchChromium(extraArgs: string[] = [], options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...QUIET_FLAGS, ...extraArgs],
    ...options,
  });
}
