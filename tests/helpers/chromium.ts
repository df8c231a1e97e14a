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

/**
 * Launches Chromium. Every page of every context it opens is watched for Content-Security-Policy
 * violations (the server sends a strict CSP with the app: sync-server/security/page-headers.ts), both
 * the browser's own console reports and the page's securitypolicyviolation events; closing the browser
 * throws if there were any, so every e2e flow also proves the app works under its CSP.
 */
export async function launchChromium(extraArgs: string[] = [], options: LaunchOptions = {}): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...QUIET_FLAGS, ...extraArgs],
    ...options,
  });
  watchContentSecurityPolicy(browser);
  return browser;
}

const CSP_REPORT = /Content Security Policy|CSP violation/;

/** The CSP violations seen so far in `browser`'s pages. */
export function cspViolations(browser: Browser): readonly string[] {
  return violationsOf.get(browser) ?? [];
}

const violationsOf = new WeakMap<Browser, string[]>();

function watchContentSecurityPolicy(browser: Browser): void {
  const violations: string[] = [];
  violationsOf.set(browser, violations);
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args: Parameters<Browser['newContext']>) => {
    const context = await newContext(...args);
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`);
      });
    });
    context.on('console', (message) => {
      if (CSP_REPORT.test(message.text())) violations.push(`${message.page()?.url() ?? '(worker)'}: ${message.text()}`);
    });
    return context;
  };
  const close = browser.close.bind(browser);
  browser.close = async (...args: Parameters<Browser['close']>) => {
    await close(...args);
    if (violations.length > 0) {
      throw new Error(`The app broke its Content-Security-Policy ${violations.length} time(s):\n${[...new Set(violations)].join('\n')}`);
    }
  };
}
