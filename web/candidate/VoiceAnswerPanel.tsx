// Answering aloud: the microphone button, a live level meter, "listening…" while the candidate
// speaks, the partial transcript as it comes, and why voice is not available when it is not (the
// text box always works). The audio never reaches this component: only levels and text.
import { For, Match, Show, Switch } from 'solid-js';
import type { VoiceAnswerState } from '../voice/voice-answer-controller.ts';
import { t } from '../i18n/i18n.ts';
import { ANSWER_SILENCE_CHOICES } from '../data/interview-preferences.ts';
import { KeepRecordingsChoice } from '../replay/KeepRecordingsChoice.tsx';

export function VoiceAnswerPanel(props: {
  state: VoiceAnswerState;
  /** RMS 0–1 of the last ~50 ms. */
  level: number;
  /** A question is being read aloud: the microphone is muted meanwhile. */
  questionSpeaking: boolean;
  silenceSeconds: number;
  disabled: boolean;
  onStart: () => void;
  onFinish: () => void;
  onCancel: () => void;
  onSilenceChange: (seconds: number) => void;
  /**
   * Whether this screen keeps recordings of answers (interviews do); where nothing is kept (a coding
   * challenge's explanation, the sample question) the "keep recordings" choice would promise
   * something that does not happen, so it is not offered.
   */
  keepsRecordings?: boolean;
}) {
  const active = () => props.state.status === 'listening' || props.state.status === 'starting';
  // Speech sits around -30 to -10 dBFS; the meter spans -60 to 0.
  const meterPercent = () => {
    const db = props.level > 1e-5 ? 20 * Math.log10(props.level) : -100;
    return Math.max(0, Math.min(100, ((db + 60) / 60) * 100));
  };

  return (
    <div class="voice-answer stack-tight" data-testid="voice-answer" data-status={props.state.status}>
      <div class="row">
        <Show
          when={active()}
          fallback={
            <button type="button" class="button button-small" onClick={() => props.onStart()} disabled={props.disabled || props.state.status === 'transcribing'}>
              {t('interview:voice.answerAloud')}
            </button>
          }
        >
          <button type="button" class="button button-small button-primary" onClick={() => props.onFinish()} aria-keyshortcuts="Control+Shift+Space">
            {t('interview:voice.done')}
          </button>
          <button type="button" class="button button-small button-quiet" onClick={() => props.onCancel()}>
            {t('interview:voice.cancel')}
          </button>
        </Show>
        <label class="small muted silence-choice">
          {t('interview:voice.silenceBefore')}{' '}
          <select class="select select-small" aria-label={t('interview:voice.silenceLabel')} value={String(props.silenceSeconds)} onChange={(event) => props.onSilenceChange(Number(event.currentTarget.value))}>
            <For each={ANSWER_SILENCE_CHOICES}>{(seconds) => <option value={String(seconds)}>{t('interview:voice.seconds', { seconds })}</option>}</For>
          </select>
        </label>
      </div>
      <Switch>
        <Match when={props.state.status === 'starting'}>
          <p class="muted small" role="status">
            {t('interview:voice.startingMic')}
          </p>
        </Match>
        <Match when={props.state.status === 'listening' ? props.state : null}>
          {(listening) => (
            <div class="stack-tight">
              <div class="row">
                <div class="level-meter" role="meter" aria-label={t('interview:voice.level')} aria-valuemin="0" aria-valuemax="100" aria-valuenow={Math.round(meterPercent())} data-testid="level-meter">
                  <div class="level-fill" style={{ width: `${meterPercent()}%` }} />
                </div>
                <span class="small" role="status" data-testid="listening-state">
                  {props.questionSpeaking ? t('interview:voice.muted') : listening().speaking ? t('interview:voice.listeningHeard') : t('interview:voice.listening')}
                </span>
              </div>
              <Show when={!listening().modelReady}>
                <p class="muted small" data-testid="speech-model-progress">
                  {t('interview:voice.modelProgress', { progress: listening().modelProgress ?? t('interview:voice.modelLoading') })}
                </p>
              </Show>
              <Show when={listening().partial}>
                <p class="partial-transcript small" aria-live="off" data-testid="partial-transcript">
                  {listening().partial}
                </p>
              </Show>
            </div>
          )}
        </Match>
        <Match when={props.state.status === 'transcribing'}>
          <p class="muted small" role="status">
            <span class="spinner" aria-hidden="true" /> {t('interview:voice.transcribing')}
          </p>
        </Match>
        <Match when={props.state.status === 'unavailable' || props.state.status === 'failed' ? (props.state as { message: string }) : null}>
          {(problem) => (
            <p class="engine-note warning-note small" role="alert" data-testid="voice-problem">
              {problem().message}
            </p>
          )}
        </Match>
      </Switch>
      <Show when={props.keepsRecordings !== false}>
        <KeepRecordingsChoice state={props.state} />
      </Show>
    </div>
  );
}
