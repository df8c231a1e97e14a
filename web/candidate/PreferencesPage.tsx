// Display preferences: the interface language and the theme. Both are remembered on this device only
// (localStorage), apply at once, and never sync: they are about this screen, not the candidate's data.
import { A } from '@solidjs/router';
import { For } from 'solid-js';
import { setUiLanguage, t, uiLanguage } from '../i18n/i18n.ts';
import { UI_LANGUAGES, type UiLanguage } from '../i18n/ui-languages.ts';
import { setThemeChoice, THEME_CHOICES, themeChoice, type ThemeChoice } from '../shell/theme.ts';
import { usePageTitle } from '../ui/page.ts';

export default function PreferencesPage() {
  usePageTitle(() => t('settings:title'));
  return (
    <div class="stack">
      <h1>{t('settings:title')}</h1>
      <section class="card stack" aria-labelledby="language-heading">
        <h2 id="language-heading">{t('common:language.label')}</h2>
        <p class="muted" id="language-hint">
          {t('common:language.hint')}
        </p>
        <div>
          <label class="visually-hidden" for="ui-language">
            {t('common:language.label')}
          </label>
          <select id="ui-language" class="select" aria-describedby="language-hint" value={uiLanguage()} onChange={(event) => void setUiLanguage(event.currentTarget.value as UiLanguage)}>
            <For each={UI_LANGUAGES}>
              {(language) => (
                <option value={language.code} lang={language.code}>
                  {language.name}
                </option>
              )}
            </For>
          </select>
        </div>
      </section>
      <section class="card stack" aria-labelledby="theme-heading">
        <fieldset class="stack">
          <legend>
            <h2 id="theme-heading">{t('settings:theme.label')}</h2>
          </legend>
          <For each={THEME_CHOICES}>
            {(choice: ThemeChoice) => (
              <label class="row">
                <input type="radio" name="theme" value={choice} checked={themeChoice() === choice} onChange={() => setThemeChoice(choice)} />
                {t(`settings:theme.${choice}`)}
              </label>
            )}
          </For>
        </fieldset>
      </section>
      <section class="card stack" aria-labelledby="more-settings-heading">
        <h2 id="more-settings-heading">{t('settings:more')}</h2>
        <ul class="stack">
          <li>
            <A href="/settings/ai">{t('shell:nav.ai')}</A>
          </li>
          <li>
            <A href="/sync">{t('shell:nav.sync')}</A>
          </li>
          <li>
            <A href="/my-data">{t('data:title')}</A>
          </li>
          <li>
            <A href="/welcome">{t('onboarding:nav.link')}</A>
          </li>
        </ul>
      </section>
    </div>
  );
}
