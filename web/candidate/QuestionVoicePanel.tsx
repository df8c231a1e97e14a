// "Read questions aloud": on or off, which voice, and a button to hear the question again. Speaking
// is done by web/voice/question-voice.ts; this is only the controls.
import { createResource, For, Show } from 'solid-js';
import { t } from '../i18n/i18n.ts';
import { speechSynthesisAvailable, voicesFor } from '../voice/question-voice.ts';

export function QuestionVoicePanel(props: {
  language: string;
  enabled: boolean;
  voiceUri: string | null;
  speaking: boolean;
  onEnabledChange: (enabled: boolean) => void;
  onVoiceChange: (uri: string | null) => void;
  onRepeat: () => void;
}) {
  const [voices] = createResource(() => props.language, voicesFor);
  return (
    <Show when={speechSynthesisAvailable()}>
      <div class="row question-voice" data-testid="question-voice">
        <label class="choice">
          <input type="checkbox" checked={props.enabled} onChange={(event) => props.onEnabledChange(event.currentTarget.checked)} />
          <span>{t('interview:readAloud.toggle')}</span>
        </label>
        <Show when={props.enabled && (voices()?.length ?? 0) > 0}>
          <label class="small">
            <span class="visually-hidden">{t('interview:readAloud.voice')}</span>
            <select class="select select-small" aria-label={t('interview:readAloud.voice')} value={props.voiceUri ?? ''} onChange={(event) => props.onVoiceChange(event.currentTarget.value || null)}>
              <option value="">{t('interview:readAloud.defaultVoice')}</option>
              <For each={voices()}>{(voice) => <option value={voice.uri}>{voice.name}</option>}</For>
            </select>
          </label>
        </Show>
        <Show when={props.enabled && voices.state === 'ready' && voices()!.length === 0}>
          <span class="muted small">{t('interview:readAloud.noVoice')}</span>
        </Show>
        <Show when={props.enabled}>
          <button type="button" class="button button-small button-quiet" onClick={() => props.onRepeat()} disabled={props.speaking}>
            {props.speaking ? t('interview:readAloud.speaking') : t('interview:readAloud.repeat')}
          </button>
        </Show>
      </div>
    </Show>
  );
}
