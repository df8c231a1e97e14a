import { describe, expect, it } from 'vitest';
import { catalogues } from './all-catalogues.ts';
import { t, setUiLanguage } from './i18n.ts';
import { pickUiLanguage, UI_LANGUAGES } from './ui-languages.ts';

function leafKeys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => leafKeys(child, prefix ? `${prefix}.${key}` : key));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]!).sort();
}

describe('UI catalogues', () => {
  const english = catalogues.en!;

  it('has every namespace and key in every language, with the same placeholders', () => {
    for (const { code } of UI_LANGUAGES) {
      const other = catalogues[code];
      expect(other, `locales/${code}`).toBeDefined();
      expect(Object.keys(other!).sort()).toEqual(Object.keys(english).sort());
      for (const namespace of Object.keys(english)) {
        const keys = leafKeys(english[namespace]).sort();
        expect(leafKeys(other![namespace]).sort(), `${code}/${namespace}.json`).toEqual(keys);
        for (const key of keys) {
          const get = (root: unknown) => key.split('.').reduce((node: unknown, part) => (node as Record<string, unknown>)[part], root) as string;
          expect(placeholders(get(other![namespace])), `${code}/${namespace}.json ${key}`).toEqual(placeholders(get(english[namespace])));
          expect(get(other![namespace]).trim(), `${code}/${namespace}.json ${key} is empty`).not.toBe('');
        }
      }
    }
  });

  it('translates and switches language', () => {
    setUiLanguage('es');
    expect(t('language.label')).toBe('Idioma de la interfaz');
    setUiLanguage('en');
    expect(t('common:language.label')).toBe('Interface language');
  });

  it('picks the interface language from the browser preferences', () => {
    expect(pickUiLanguage(['es-MX', 'en'])).toBe('es');
    expect(pickUiLanguage(['fr-FR', 'de'])).toBe('en');
    expect(pickUiLanguage(['fr', 'en-US'])).toBe('en');
  });
});
