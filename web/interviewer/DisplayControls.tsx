// The interface language and theme, chosen from the interviewer pages' header: the same choices as
// the candidate's /settings (web/i18n/i18n.ts, web/shell/theme.ts), remembered on this device, as two
// small selects with visible labels, so they work from the keyboard and with a screen reader.
import { For } from 'solid-js';
import { setUiLanguage, t, uiLanguage } from '../i18n/i18n.ts';
import { UI_LANGUAGES, type UiLanguage } from '../i18n/ui-languages.ts';
import { setThemeChoice, THEME_CHOICES, themeChoice, type ThemeChoice } from '../shell/theme.ts';

export function DisplayControls() {
  return (
    <div class="interviewer-display" role="group" aria-label={t('interviewer:layout.display')}>
      <span class="interviewer-display-field">
        <label class="muted small" for="interviewer-language">
          {t('interviewer:layout.language')}
        </label>
        <select id="interviewer-language" class="select interviewer-display-select" data-testid="interviewer-language" value={uiLanguage()} onChange={(event) => void setUiLanguage(event.currentTarget.value as UiLanguage)}>
          <For each={UI_LANGUAGES}>
            {(language) => (
              <option value={language.code} lang={language.code} selected={language.code === uiLanguage()}>
                {language.name}
              </option>
            )}
          </For>
        </select>
      </span>
      <span class="interviewer-display-field">
        <label class="muted small" for="interviewer-theme">
          {t('interviewer:layout.theme')}
        </label>
        <select id="interviewer-theme" class="select interviewer-display-select" data-testid="interviewer-theme" value={themeChoice()} onChange={(event) => setThemeChoice(event.currentTarget.value as ThemeChoice)}>
          <For each={THEME_CHOICES}>
            {(choice) => (
              <option value={choice} selected={choice === themeChoice()}>
                {t(`settings:theme.${choice}`)}
              </option>
            )}
          </For>
        </select>
      </span>
    </div>
  );
}
