// The one-minute try-out: a real question, answered through the interview's own answer path (the
// voice answer controller and panel: microphone, VAD, transcription; or the text box), scored by
// the basic engine on this device, with what the camera saw when it is on. Nothing is stored: see
// sample-question.ts for why the sample is kept out of the history.
import { createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import type { AnswerScore, PlannedQuestion } from '../../sync-server/protocol/index.ts';
import { VoiceAnswerPanel } from '../candidate/VoiceAnswerPanel.tsx';
import { DEFAULT_ANSWER_SILENCE_SECONDS, getAnswerSilenceSeconds, setAnswerSilenceSeconds } from '../data/interview-preferences.ts';
import { t } from '../i18n/i18n.ts';
import { formatClock } from '../ui/format.ts';
import { messageOf } from '../ui/page.ts';
import { answerBehaviour, type AnswerBehaviour } from '../ui/visible-behaviour.ts';
import { createVoiceAnswerController, type VoiceAnswerState } from '../voice/voice-answer-controller.ts';
import { CheckCard } from './CheckCard.tsx';
import { sampleOutcome, type SampleFacts } from './check-outcomes.ts';
import type { DeviceCheck } from './device-check-controller.ts';
import { loadSampleQuestion, SAMPLE_SECONDS, SAMPLE_SPEC, scoreSampleAnswer } from './sample-question.ts';

export function SampleQuestion(props: { check: DeviceCheck; microphoneListening: boolean }) {
  const [question, setQuestion] = createSignal<PlannedQuestion | null>(null);
  const [answer, setAnswer] = createSignal('');
  const [spoken, setSpoken] = createSignal(false);
  const [voiceState, setVoiceState] = createSignal<VoiceAnswerState>({ status: 'off' });
  const [voiceProblem, setVoiceProblem] = createSignal<string | null>(null);
  const [level, setLevel] = createSignal(0);
  const [silenceSeconds, setSilenceSeconds] = createSignal(DEFAULT_ANSWER_SILENCE_SECONDS);
  const [scoring, setScoring] = createSignal(false);
  const [emptyHint, setEmptyHint] = createSignal(false);
  const [result, setResult] = createSignal<{ score: AnswerScore; behaviour: AnswerBehaviour | null } | null>(null);
  const [facts, setFacts] = createSignal<SampleFacts>({ state: 'not-tried' });
  let textarea: HTMLTextAreaElement | undefined;
  let resultHeading: HTMLHeadingElement | undefined;
  let answerStarted = false;
  // A clock against the minute the answer is judged on; it guides, it cuts nothing off.
  const [elapsedMs, setElapsedMs] = createSignal<number | null>(null);
  let clock: ReturnType<typeof setInterval> | undefined;
  const stopClock = () => clearInterval(clock);
  onCleanup(stopClock);

  const voice = createVoiceAnswerController({
    languageTag: SAMPLE_SPEC.language,
    endOfAnswerSilenceMs: silenceSeconds() * 1000,
    onChange: (state) => {
      setVoiceState(state);
      // The microphone or the speech model could not be used: the box is where the answer goes now.
      if (state.status === 'unavailable' || state.status === 'failed') {
        setVoiceProblem(state.message);
        queueMicrotask(() => textarea?.focus());
      }
    },
    onLevel: setLevel,
    onAnswer: (spokenAnswer) => {
      setAnswer((before) => (before.trim() ? `${before.trim()} ${spokenAnswer.text}` : spokenAnswer.text));
      setSpoken(true);
    },
  });
  onCleanup(() => voice.dispose());

  onMount(async () => {
    try {
      setQuestion(await loadSampleQuestion());
    } catch (error) {
      setFacts({ state: 'error', detail: messageOf(error) });
    }
    const seconds = await getAnswerSilenceSeconds().catch(() => DEFAULT_ANSWER_SILENCE_SECONDS);
    setSilenceSeconds(seconds);
    voice.setEndOfAnswerSilence(seconds * 1000);
  });

  // The camera's samples count from the first word, spoken or typed.
  const beginAnswer = () => {
    if (answerStarted) return;
    answerStarted = true;
    void props.check.startSampleAnswer();
    const startedAt = Date.now();
    setElapsedMs(0);
    stopClock();
    clock = setInterval(() => setElapsedMs(Date.now() - startedAt), 1000);
  };

  function startVoice() {
    beginAnswer();
    setEmptyHint(false);
    // One microphone user at a time: the check's meter gives it up to the answer.
    const release = props.microphoneListening ? props.check.stopMicrophone() : Promise.resolve();
    void release.then(() => voice.start());
  }

  function changeSilence(seconds: number) {
    setSilenceSeconds(seconds);
    voice.setEndOfAnswerSilence(seconds * 1000);
    void setAnswerSilenceSeconds(seconds).catch(() => undefined);
  }

  const listening = () => voiceState().status === 'listening' || voiceState().status === 'starting' || voiceState().status === 'transcribing';

  async function score() {
    const asked = question();
    if (!asked) return;
    if (!answer().trim()) {
      setEmptyHint(true);
      textarea?.focus();
      return;
    }
    setEmptyHint(false);
    setScoring(true);
    try {
      const [scored, samples] = await Promise.all([scoreSampleAnswer(asked, answer()), props.check.sampleVision()]);
      stopClock();
      setResult({ score: scored, behaviour: samples && samples.length > 0 ? answerBehaviour(samples) : null });
      setFacts({ state: 'scored', answeredBy: spoken() ? 'voice' : 'typing', voiceProblem: voiceProblem(), overall: scored.overall });
      queueMicrotask(() => resultHeading?.focus());
    } catch (error) {
      setFacts({ state: 'error', detail: messageOf(error) });
    } finally {
      setScoring(false);
    }
  }

  function tryAgain() {
    void voice.cancel();
    setAnswer('');
    setSpoken(false);
    setResult(null);
    stopClock();
    setElapsedMs(null);
    answerStarted = false;
    queueMicrotask(() => textarea?.focus());
  }

  return (
    <CheckCard outcome={sampleOutcome(facts())} title={t('onboarding:checks.sample.title')}>
      <p class="small">{t('onboarding:checks.sample.intro')}</p>
      <p class="small muted">
        {t('onboarding:checks.sample.notSaved')} {t('onboarding:checks.sample.englishOnly')}
      </p>
      <Show when={question()}>
        {(asked) => (
          <div class="stack-tight">
            <p class="sample-question" lang={SAMPLE_SPEC.language} data-testid="sample-question">
              {asked().text}
            </p>
            <Show
              when={result()}
              fallback={
                <>
                  <VoiceAnswerPanel
                    state={voiceState()}
                    level={level()}
                    questionSpeaking={false}
                    silenceSeconds={silenceSeconds()}
                    disabled={scoring()}
                    onStart={startVoice}
                    onFinish={() => void voice.finish()}
                    onCancel={() => void voice.cancel()}
                    onSilenceChange={changeSilence}
                    keepsRecordings={false}
                  />
                  <Show when={voiceProblem()}>
                    <p class="small" data-testid="sample-typing-hint">
                      {t('onboarding:checks.sample.typingHint')}
                    </p>
                  </Show>
                  <div class="row spread">
                    <label class="label" for="sample-answer">
                      {t('onboarding:checks.sample.answerLabel')}
                    </label>
                    <Show when={elapsedMs() !== null}>
                      <span class="small muted sample-clock" role="timer" aria-label={t('onboarding:checks.sample.clockLabel')} data-testid="sample-clock">
                        {t('onboarding:checks.sample.clock', { elapsed: formatClock(elapsedMs() ?? 0), target: formatClock(SAMPLE_SECONDS * 1000) })}
                      </span>
                    </Show>
                  </div>
                  <textarea
                    id="sample-answer"
                    ref={textarea}
                    class="textarea"
                    rows={5}
                    lang={SAMPLE_SPEC.language}
                    value={answer()}
                    aria-describedby={emptyHint() ? 'sample-empty' : undefined}
                    onInput={(event) => {
                      beginAnswer();
                      setAnswer(event.currentTarget.value);
                    }}
                  />
                  <Show when={emptyHint()}>
                    <p id="sample-empty" class="error small" role="alert">
                      {t('onboarding:checks.sample.empty')}
                    </p>
                  </Show>
                  <div class="row">
                    <button type="button" class="button button-primary" onClick={() => void score()} disabled={scoring() || listening() || !question()}>
                      {scoring() ? t('onboarding:checks.sample.scoring') : t('onboarding:checks.sample.score')}
                    </button>
                  </div>
                </>
              }
            >
              {(scored) => (
                <div class="stack-tight" data-testid="sample-result">
                  <h3 ref={resultHeading} tabindex="-1">
                    {t('onboarding:checks.sample.resultHeading')}: {t('onboarding:checks.sample.overall', { overall: Math.round(scored().score.overall) })}
                  </h3>
                  <ul class="dimension-list" lang={SAMPLE_SPEC.language}>
                    <For each={scored().score.dimensions}>
                      {(dimension) => (
                        <li class="dimension">
                          <span class="dimension-label">{dimension.label}</span>
                          <span class="dimension-score">{t('onboarding:checks.sample.dimension', { score: dimension.score })}</span>
                          <span class="muted small sample-reason">{dimension.reason}</span>
                        </li>
                      )}
                    </For>
                  </ul>
                  <Show when={scored().behaviour}>
                    {(behaviour) => (
                      <p class="small" data-testid="sample-camera">
                        {behaviour().eyeContact === null
                          ? t('onboarding:checks.sample.cameraNoFace')
                          : t('onboarding:checks.sample.cameraSaw', { percent: Math.round((behaviour().eyeContact ?? 0) * 100) })}
                      </p>
                    )}
                  </Show>
                  <div class="row">
                    <button type="button" class="button" onClick={tryAgain}>
                      {t('onboarding:checks.sample.again')}
                    </button>
                  </div>
                </div>
              )}
            </Show>
          </div>
        )}
      </Show>
    </CheckCard>
  );
}
