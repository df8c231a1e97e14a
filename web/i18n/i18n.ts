// The interface's translations: one i18next instance, with the current language in a Solid signal so
// that every `t()` read inside JSX or a memo re-renders when the candidate switches language.
// Strings live in locales/<language>/<namespace>.json, one namespace per area (common, history,
// challenges, …); every key exists in every language (i18n-catalogue.test.ts checks it). English is
// bundled with the app (it is also the fallback); other languages are separate chunks, loaded before
// the first render when chosen, so the first screen does not carry every language's strings.
// Owns: the language choice (localStorage 'ib.uiLanguage') and <html lang>. Must not import Dexie or
// any screen: the shell and every screen import it.
import i18next, { type TOptions } from 'i18next';
import { createSignal } from 'solid-js';
import { DEFAULT_UI_LANGUAGE, isUiLanguage, pickUiLanguage, type UiLanguage } from './ui-languages.ts';

const STORAGE_KEY = 'ib.uiLanguage';

type Catalogue = Record<string, Record<string, Record<string, unknown>>>;

/** { en: { common: {...}, history: {...} }, es: {...} } from the JSON files, bundled (they are small). */
export function cataloguesFromModules(modules: Record<string, unknown>): Catalogue {
  const resources: Catalogue = {};
  for (const [path, module] of Object.entries(modules)) {
    const match = /locales\/([a-z]{2})\/([\w-]+)\.json$/.exec(path);
    if (!match) continue;
    const [, language, namespace] = match as unknown as [string, string, string];
    const strings = (module as { default?: Record<string, unknown> }).default ?? (module as Record<string, unknown>);
    (resources[language] ??= {})[namespace] = strings;
  }
  return resources;
}

const bundled = cataloguesFromModules(import.meta.glob('./locales/en/*.json', { eager: true }));
const loaders = import.meta.glob(['./locales/*/*.json', '!./locales/en/*.json']);
const loaded = new Set<UiLanguage>([DEFAULT_UI_LANGUAGE]);

function initialLanguage(): UiLanguage {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (isUiLanguage(stored)) return stored;
  } catch {
    // Storage can be blocked (private mode, policies); the browser's languages still say something.
  }
  return pickUiLanguage(globalThis.navigator?.languages ?? [DEFAULT_UI_LANGUAGE]);
}

const [language, setLanguageSignal] = createSignal<UiLanguage>(initialLanguage());

const instance = i18next.createInstance();
void instance.init({
  resources: bundled,
  lng: language(),
  fallbackLng: DEFAULT_UI_LANGUAGE,
  ns: Object.keys(bundled[DEFAULT_UI_LANGUAGE] ?? { common: {} }),
  defaultNS: 'common',
  // Solid escapes text it renders; escaping here as well would show "&amp;".
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});
syncDocumentLanguage(language());

function syncDocumentLanguage(code: UiLanguage): void {
  if (typeof document !== 'undefined') document.documentElement.lang = code;
}

/** The interface language, reactive. */
export const uiLanguage = language;

/** Fetches a language's catalogues once (a no-op for English, which is bundled). */
export async function loadUiLanguage(code: UiLanguage): Promise<void> {
  if (loaded.has(code)) return;
  const entries = Object.entries(loaders).filter(([path]) => path.includes(`/locales/${code}/`));
  const modules = Object.fromEntries(await Promise.all(entries.map(async ([path, load]) => [path, await load()] as const)));
  for (const [namespace, strings] of Object.entries(cataloguesFromModules(modules)[code] ?? {})) {
    instance.addResourceBundle(code, namespace, strings, true, true);
  }
  loaded.add(code);
}

/**
 * Switches the interface language and remembers it on this device. Switches at once when the
 * language is loaded; otherwise after its catalogues arrive (English stays on screen meanwhile).
 */
export async function setUiLanguage(code: UiLanguage): Promise<void> {
  if (!loaded.has(code)) {
    try {
      await loadUiLanguage(code);
    } catch (error) {
      // Offline before the chunk was cached: keep the current language rather than show keys.
      console.error(`Could not load the ${code} interface strings`, error);
      return;
    }
  }
  void instance.changeLanguage(code);
  setLanguageSignal(code);
  syncDocumentLanguage(code);
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, code);
  } catch {
    // Not remembered, but switched for this visit.
  }
}

/**
 * Translates `key` ("namespace:path.to.key", or "path" in `common`). Reading the language signal
 * makes the caller reactive, so `{t('history:title')}` in JSX updates on a language switch.
 */
export function t(key: string, options?: TOptions): string {
  const code = language();
  return instance.t(key, { lng: code, ...options }) as string;
}

/** A locale-aware number/date formatter language tag for Intl, following the interface language. */
export function intlLocale(): string {
  return language() === 'es' ? 'es-ES' : 'en-GB';
}
