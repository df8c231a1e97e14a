// The five things a candidate may share with their organisation, each a checkbox with what it is and
// who sees it. Used on the join screen (before the first sync) and on the Sync page once joined.
import { For } from 'solid-js';
import { SHARING_ITEMS, type SharingConsent } from '../../sync-server/protocol/index.ts';
import { t } from '../i18n/i18n.ts';
import './sharing.css';

export function SharingChoices(props: { value: SharingConsent; onChange: (next: SharingConsent) => void; intro: string; idPrefix: string }) {
  return (
    <fieldset class="sharing-choices stack-tight" data-testid="sharing-choices">
      <legend class="sharing-legend">{t('sharing:title')}</legend>
      <p class="muted small">{props.intro}</p>
      <For each={SHARING_ITEMS}>
        {(item) => (
          <div class="sharing-item">
            <input
              type="checkbox"
              id={`${props.idPrefix}-${item}`}
              name={item}
              checked={props.value[item]}
              aria-describedby={`${props.idPrefix}-${item}-hint`}
              onChange={(e) => props.onChange({ ...props.value, [item]: e.currentTarget.checked })}
            />
            <label for={`${props.idPrefix}-${item}`}>{t(`sharing:items.${item}.label`)}</label>
            <span id={`${props.idPrefix}-${item}-hint`} class="hint sharing-hint">
              {t(`sharing:items.${item}.hint`)}
            </span>
          </div>
        )}
      </For>
      <p class="muted small">{t('sharing:alwaysShared')}</p>
    </fieldset>
  );
}
