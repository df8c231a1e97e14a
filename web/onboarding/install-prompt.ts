// Whether the app runs installed, and the browser's offer to install it. Chromium fires
// `beforeinstallprompt` once, early, on whatever page the candidate lands on, so the listener starts
// with the app (App.tsx calls captureInstallPrompt) and keeps the event until the device check uses it.
// Browsers without the event (Safari, Firefox, and headless Chromium, which never finds the app
// installable) install from their own menu; the check says how.
// Owns: the deferred install prompt. Must not import: Solid, Dexie.
import type { InstallFacts } from './check-outcomes.ts';

/** Chromium's event; not in TypeScript's DOM library. */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed'; platform: string }>;
}

let deferred: BeforeInstallPromptEvent | null = null;
let installedNow = false;
let capturing = false;
const listeners = new Set<() => void>();

const notify = () => listeners.forEach((listener) => listener());

export function captureInstallPrompt(target: Window = window): void {
  if (capturing) return;
  capturing = true;
  target.addEventListener('beforeinstallprompt', (event) => {
    // Kept for the device check's Install button instead of the browser's own mini-bar.
    event.preventDefault();
    deferred = event as BeforeInstallPromptEvent;
    notify();
  });
  target.addEventListener('appinstalled', () => {
    installedNow = true;
    deferred = null;
    notify();
  });
  target.matchMedia?.('(display-mode: standalone)').addEventListener?.('change', notify);
}

function runsStandalone(): boolean {
  if (typeof window === 'undefined') return false;
  return window.matchMedia?.('(display-mode: standalone)').matches === true || (navigator as Navigator & { standalone?: boolean }).standalone === true;
}

export function installFacts(): InstallFacts {
  return { standalone: runsStandalone(), promptAvailable: deferred !== null, installedNow };
}

/** Called when the install facts may have changed. Returns the unsubscribe function. */
export function onInstallChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Shows the browser's install dialog; false when there was no offer or the candidate said no. */
export async function promptInstall(): Promise<boolean> {
  const event = deferred;
  if (!event) return false;
  // An event can prompt only once.
  deferred = null;
  await event.prompt();
  const choice = await event.userChoice;
  notify();
  return choice.outcome === 'accepted';
}
