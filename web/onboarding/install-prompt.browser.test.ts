// The install offer in real Chromium. Headless Chromium never finds the app installable, so it never
// fires `beforeinstallprompt` itself: the test dispatches one shaped like Chromium's (an Event with
// prompt() and userChoice), which is all the app reads of it.
import { describe, expect, it } from 'vitest';
import { captureInstallPrompt, installFacts, onInstallChange, promptInstall } from './install-prompt.ts';

function offer(outcome: 'accepted' | 'dismissed'): { event: Event; prompted: () => number } {
  let prompts = 0;
  const event = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
    prompt: async () => {
      prompts++;
    },
    userChoice: Promise.resolve({ outcome, platform: 'web' }),
  });
  return { event, prompted: () => prompts };
}

describe('the install offer', () => {
  captureInstallPrompt(window);

  it('is not available until the browser offers, and the tab is not an installed app', () => {
    expect(installFacts()).toEqual({ standalone: false, promptAvailable: false, installedNow: false });
  });

  it('keeps the browser offer (instead of its own mini-bar) and shows the dialog once', async () => {
    let changes = 0;
    const stop = onInstallChange(() => changes++);
    const { event, prompted } = offer('dismissed');
    window.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    expect(installFacts().promptAvailable).toBe(true);
    expect(changes).toBe(1);

    await expect(promptInstall()).resolves.toBe(false);
    expect(prompted()).toBe(1);
    // An offer can be used once; the browser makes a new one later.
    expect(installFacts().promptAvailable).toBe(false);
    await expect(promptInstall()).resolves.toBe(false);
    expect(prompted()).toBe(1);
    stop();
  });

  it('reports an accepted install and the appinstalled event', async () => {
    const { event } = offer('accepted');
    window.dispatchEvent(event);
    await expect(promptInstall()).resolves.toBe(true);
    window.dispatchEvent(new Event('appinstalled'));
    expect(installFacts()).toEqual({ standalone: false, promptAvailable: false, installedNow: true });
  });
});
