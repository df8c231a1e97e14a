// The languages the interface is written in. The interview's own language is chosen separately, per
// interview (web/ui/languages.ts), so a Spanish speaker can practise an English interview.
export const UI_LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'es', name: 'Español' },
] as const;

export type UiLanguage = (typeof UI_LANGUAGES)[number]['code'];

export const DEFAULT_UI_LANGUAGE: UiLanguage = 'en';

export function isUiLanguage(value: unknown): value is UiLanguage {
  return UI_LANGUAGES.some((language) => language.code === value);
}

/** The first of the browser's preferred languages that we have, by its primary subtag ("es-MX" → "es"). */
export function pickUiLanguage(preferred: readonly string[]): UiLanguage {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isUiLanguage(primary)) return primary;
  }
  return DEFAULT_UI_LANGUAGE;
}
