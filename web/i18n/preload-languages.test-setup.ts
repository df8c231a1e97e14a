// Vitest setup (node project): loads every interface language before the tests, so a test can
// switch language synchronously with setUiLanguage() as the app does once a language is loaded.
import { loadUiLanguage } from './i18n.ts';
import { UI_LANGUAGES } from './ui-languages.ts';

await Promise.all(UI_LANGUAGES.map(({ code }) => loadUiLanguage(code)));
