// Light, dark or the system's choice. The stylesheet defines the colours once per theme through CSS
// variables (web/styles.css); this module only decides which one applies, by setting data-theme on
// <html>, and follows the system when the candidate chose "system".
// Owns: the theme choice (localStorage 'ib.theme'). Must not import Dexie or any screen.
import { createSignal } from 'solid-js';

export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

const STORAGE_KEY = 'ib.theme';

function storedChoice(): ThemeChoice {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    if ((THEME_CHOICES as readonly string[]).includes(value ?? '')) return value as ThemeChoice;
  } catch {
    // Blocked storage: follow the system.
  }
  return 'system';
}

const [choice, setChoiceSignal] = createSignal<ThemeChoice>(storedChoice());

/** The candidate's choice, reactive. */
export const themeChoice = choice;

const systemDark = () => globalThis.matchMedia?.('(prefers-color-scheme: dark)');

function apply(): void {
  if (typeof document === 'undefined') return;
  const current = choice();
  const dark = current === 'dark' || (current === 'system' && Boolean(systemDark()?.matches));
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
}

export function setThemeChoice(next: ThemeChoice): void {
  setChoiceSignal(next);
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
  } catch {
    // Applies for this visit only.
  }
  apply();
}

/** Applies the stored choice now and follows system changes; call once at start-up, before rendering. */
export function startTheme(): void {
  apply();
  systemDark()?.addEventListener('change', apply);
}
