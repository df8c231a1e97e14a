// "Read questions aloud": on or off, which voice, and a button to hear the question again. Speaking
// is done by web/voice/question-voice.ts; this is only the controls.
import { createResource, For, Show } from 'solid-js';
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
          <span>Read questions aloud</span>
        </label>
        <Show when={props.enabled && (voices()?.length ?? 0) > 0}>
          <label class="small">
            <span class="visually-hidden">Voice</span>
            <select class="select select-small" aria-label="Voice" value={props.voiceUri ?? ''} onChange={(event) => props.onVoiceChange(event.currentTarget.value || null)}>
              <option value="">Default voice</option>
              <For each={voices()}>{(voice) => <option value={voice.uri}>{voice.name}</option>}</For>
            </select>
          </label>
        </Show>
        <Show when={props.enabled && voices.state === 'ready' && voices()!.length === 0}>
          <span class="muted small">This device has no voice for this language; the default is used.</span>
        </Show>
        <Show when={props.enabled}>
          <button type="button" class="button button-small button-quiet" onClick={() => props.onRepeat()} disabled={props.speaking}>
            {props.speaking ? 'Speaking…' : 'Repeat question'}
          </button>
        </Show>
      </div>
    </Show>
  );
}
