// The candidate's consent to keep recordings, beside the microphone button: a checkbox (off until
// they turn it on, remembered), what keeping means (the audio stays on this device), why it cannot be
// kept in a browser that records no Opus, and what is happening to the recording of the answer under
// way. The controller asks for the setting at each start, so a change applies from the next answer.
import { createSignal, Match, onMount, Switch } from 'solid-js';
import { getKeepRecordings, setKeepRecordings } from '../data/recordings.ts';
import { t } from '../i18n/i18n.ts';
import { recordingMimeType } from '../voice/answer-recorder.ts';
import type { VoiceAnswerState } from '../voice/voice-answer-controller.ts';
import './replay.css';

export function KeepRecordingsChoice(props: { state: VoiceAnswerState }) {
  const supported = recordingMimeType() !== null;
  const [keep, setKeep] = createSignal(false);
  onMount(() => {
    void getKeepRecordings()
      .then(setKeep)
      .catch(() => undefined);
  });
  const busy = () => props.state.status === 'starting' || props.state.status === 'listening' || props.state.status === 'transcribing';
  const note = () => props.state.recording;

  function change(value: boolean) {
    setKeep(value);
    // A full disk is announced by the shell; the box shows what is really stored.
    void setKeepRecordings(value).catch(() => setKeep(!value));
  }

  return (
    <div class="keep-recordings stack-tight" data-testid="keep-recordings">
      <label class="choice small">
        <input type="checkbox" checked={keep()} disabled={!supported || busy()} aria-describedby="keep-recordings-hint" onChange={(event) => change(event.currentTarget.checked)} />
        <span>{t('replay:keep.label')}</span>
      </label>
      <p id="keep-recordings-hint" class="muted small">
        {supported ? t('replay:keep.hint') : t('replay:recorder.unsupported')}
        {supported && busy() ? ` ${t('replay:keep.busy')}` : ''}
      </p>
      <Switch>
        <Match when={note()?.status === 'recording'}>
          <p class="small recording-note" data-testid="recording-note" data-status="recording">
            <span class="recording-dot" aria-hidden="true" /> {t('replay:keep.recording')}
          </p>
        </Match>
        <Match when={note()?.status === 'recording-only'}>
          <p class="small recording-note" role="status" data-testid="recording-note" data-status="recording-only">
            <span class="recording-dot" aria-hidden="true" /> {t('replay:keep.recordingOnly')}
          </p>
        </Match>
        <Match when={note()?.status === 'kept'}>
          <p class="small muted" role="status" data-testid="recording-note" data-status="kept">
            {t('replay:keep.kept')}
          </p>
        </Match>
        <Match when={note()?.status === 'failed' ? (note() as { message: string }) : null}>
          {(failed) => (
            <p class="engine-note warning-note small" role="alert" data-testid="recording-note" data-status="failed">
              {failed().message}
            </p>
          )}
        </Match>
      </Switch>
    </div>
  );
}
