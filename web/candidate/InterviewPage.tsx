// The interview itself: one question at a time, the typed answer saved as it is typed, a timer that
// can be paused, skip, submit, end early. The rules live in the pure interview machine; this screen
// feeds it events with the current time, stores what it decides, and only then shows the new state,
// so a failed write (a full disk) never loses the answer on screen.
import { useNavigate, useParams } from '@solidjs/router';
import { createEffect, createMemo, createSignal, on, onCleanup, onMount, Show } from 'solid-js';
import type { TurnRecord } from '../data/db.ts';
import {
  completeInterview,
  completeTurn,
  getInterview,
  saveAnswerDraft,
  saveProgress,
  type InterviewWithTurns,
} from '../data/interviews.ts';
import { backupProgress, readProgressBackup } from '../data/draft-backup.ts';
import { StorageFullError } from '../data/storage-errors.ts';
import { engineForInterview, loadBasicEngine } from '../engine/engine-facade.ts';
import { createCameraController, type CameraState } from '../camera/camera-controller.ts';
import { getCameraOn, setCameraOn } from '../data/interview-preferences.ts';
import { CameraPanel } from './CameraPanel.tsx';
import { getQuestionVoice, getSpeakQuestions, setQuestionVoice, setSpeakQuestions } from '../data/interview-preferences.ts';
import { speakQuestion, stopSpeaking } from '../voice/question-voice.ts';
import { QuestionVoicePanel } from './QuestionVoicePanel.tsx';
import { VoiceAnswerPanel } from './VoiceAnswerPanel.tsx';
import { createVoiceAnswerController, type SpokenAnswer, type VoiceAnswerState } from '../voice/voice-answer-controller.ts';
import { DEFAULT_ANSWER_SILENCE_SECONDS, getAnswerSilenceSeconds, setAnswerSilenceSeconds } from '../data/interview-preferences.ts';
import type { SpokenAnswerRecord } from '../data/db.ts';
import { keepAnswerRecordings, wantsRecordings, type PendingRecording } from '../replay/answer-recordings.ts';
import type { EngineCallOptions, LlmEngine, ScoreAnswerInput } from '../../workers/llm/api.ts';
import {
  createInterviewState,
  questionElapsedMs,
  snapshotOf,
  totalElapsedMs,
  transition,
  type InterviewEvent,
  type InterviewMachineState,
  type TransitionResult,
} from '../interview/interview-machine.ts';
import { MAX_ANSWER_CHARS } from '../../sync-server/protocol/limits.ts';
import { t } from '../i18n/i18n.ts';
import { formatClock, QUESTION_KIND_LABELS, wordCount } from '../ui/format.ts';
import { createLoad } from '../ui/load.ts';
import { LoadStates } from '../ui/LoadStates.tsx';
import { focusElement, messageOf, usePageTitle } from '../ui/page.ts';
import { InterviewerControlBanner, useInterviewerControls } from '../workspace/InterviewerControlBanner.tsx';
import { AssignedRequirements, useAssignment } from '../workspace/AssignedRequirements.tsx';
import { RequiredInputsMessage, useRequiredInputs } from '../workspace/RequiredInputs.tsx';
import { withTemplateWeights } from '../workspace/template-weights.ts';
import { assignmentOfInterview } from '../data/workspace-inbox.ts';

const DRAFT_DEBOUNCE_MS = 300;
const HEARTBEAT_MS = 5_000;

export default function InterviewPage() {
  const params = useParams();
  const navigate = useNavigate();
  const data = createLoad(() => params.id, (id) => getInterview(id));

  createEffect(() => {
    const loaded = data();
    if (loaded.status === 'ready' && loaded.value?.interview.status === 'completed') navigate(`/report/${loaded.value.interview.id}`, { replace: true });
  });

  return (
    <LoadStates
      data={data()}
      loadingText={t('interview:load.loading')}
      errorTitle={t('interview:load.errorTitle')}
      notFoundTitle={t('interview:load.notFoundTitle')}
      notFoundText={t('interview:load.notFoundText')}
    >
      {(found) => <Show when={inProgress(found)}>{(loaded) => <InterviewRunner data={loaded()} />}</Show>}
    </LoadStates>
  );
}

function inProgress(data: InterviewWithTurns | null | undefined): InterviewWithTurns | undefined {
  return data?.interview.status === 'in-progress' ? data : undefined;
}

type Busy = null | 'thinking' | 'scoring' | 'skipping' | 'finishing';
type SaveState = 'idle' | 'pending' | 'saved' | 'failed';

function InterviewRunner(props: { data: InterviewWithTurns }) {
  const navigate = useNavigate();
  // Read once on purpose: the loaded record is a snapshot in time, and from here on this screen owns
  // the interview's state.
  const { interview, turns } = props.data;
  // A plain promise, not a resource: a resource created during the router's navigation transition
  // would hold that transition (and so the whole screen) until the engine's chunk has loaded.
  const engine = engineForInterview(interview.engine);
  engine.catch(() => undefined);
  const [state, setState] = createSignal<InterviewMachineState>(initialState(props.data, Date.now()));
  const [now, setNow] = createSignal(Date.now());
  const [busy, setBusy] = createSignal<Busy>(null);
  const [saveState, setSaveState] = createSignal<SaveState>(state().draft ? 'saved' : 'idle');
  const [notice, setNotice] = createSignal<string | null>(null);
  // The last time the interview's engine failed and another stood in, in the engine's own words.
  const [standIn, setStandIn] = createSignal<string | null>(null);
  // A model's answer streams in while the candidate waits; they see it arrive and may stop it.
  const [modelChars, setModelChars] = createSignal(0);
  let stopModel: AbortController | null = null;
  onCleanup(() => stopModel?.abort());
  function modelCall(): EngineCallOptions {
    stopModel = new AbortController();
    setModelChars(0);
    return { signal: stopModel.signal, onText: (text) => setModelChars(text.length), onFallback: (message) => setStandIn(message) };
  }
  const usesModel = interview.engine !== 'basic';

  // The camera is optional and off until the candidate turns it on; the choice is remembered.
  const [camera, setCamera] = createSignal<CameraState>({ status: 'off' });
  const cameraController = createCameraController(setCamera);
  onMount(() => {
    void getCameraOn()
      .catch(() => false)
      .then((on) => (on && state().phase !== 'finished' && camera().status === 'off' ? cameraController.start() : undefined));
  });
  onCleanup(() => void cameraController.stop());
  // A memo, so the effect runs when the question changes, not on every keystroke or tick.
  const questionIndex = createMemo(() => state().index);
  createEffect(on(questionIndex, () => void cameraController.startAnswer(), { defer: true }));

  // Questions read aloud, if the candidate wants: each new question once, or again on request.
  const [speakOn, setSpeakOn] = createSignal(false);
  const [voiceUri, setVoiceUri] = createSignal<string | null>(null);
  const [speaking, setSpeaking] = createSignal(false);
  const speakCurrent = () => {
    const text = turns[state().index]?.question.text;
    if (text && state().phase === 'answering') void speakQuestion(text, { language: interview.spec.language, voiceUri: voiceUri(), onSpeakingChange: setSpeaking });
  };
  onMount(() => {
    void Promise.all([getSpeakQuestions().catch(() => false), getQuestionVoice().catch(() => null)]).then(([on, uri]) => {
      setVoiceUri(uri);
      setSpeakOn(on);
      if (on) speakCurrent();
    });
  });
  createEffect(on(questionIndex, () => speakOn() && speakCurrent(), { defer: true }));
  onCleanup(stopSpeaking);
  function changeSpeakOn(enabled: boolean) {
    setSpeakOn(enabled);
    void setSpeakQuestions(enabled).catch(() => undefined);
    if (enabled) speakCurrent();
    else stopSpeaking();
  }
  function changeVoice(uri: string | null) {
    setVoiceUri(uri);
    void setQuestionVoice(uri).catch(() => undefined);
    speakCurrent();
  }
  // Answering aloud: the transcript lands in the answer box, where it can be edited before it is
  // submitted; the transcript as written by the model is kept beside the edited answer.
  const [voiceState, setVoiceState] = createSignal<VoiceAnswerState>({ status: 'off' });
  const [micLevel, setMicLevel] = createSignal(0);
  const [silenceSeconds, setSilenceSeconds] = createSignal(DEFAULT_ANSWER_SILENCE_SECONDS);
  let spoken: SpokenAnswerRecord | null = null;
  let recordings: PendingRecording[] = [];
  const voice = createVoiceAnswerController({
    languageTag: interview.spec.language,
    endOfAnswerSilenceMs: DEFAULT_ANSWER_SILENCE_SECONDS * 1000,
    onChange: setVoiceState,
    onLevel: setMicLevel,
    onAnswer: (answer) => addSpokenAnswer(answer),
    keepRecording: wantsRecordings,
    // Handed over before its answer, so it starts where that answer's words will start.
    onRecording: (recording) => recordings.push({ ...recording, voiceStartSeconds: spoken?.recordingSeconds ?? 0 }),
  });
  onMount(() => {
    void getAnswerSilenceSeconds()
      .catch(() => DEFAULT_ANSWER_SILENCE_SECONDS)
      .then((seconds) => {
        setSilenceSeconds(seconds);
        voice.setEndOfAnswerSilence(seconds * 1000);
      });
  });
  onCleanup(() => voice.dispose());
  // The microphone must not hear the question being read aloud.
  createEffect(() => voice.setMuted(speaking()));
  createEffect(
    on(
      questionIndex,
      () => {
        spoken = null;
        recordings = [];
        void voice.cancel();
      },
      { defer: true },
    ),
  );
  function addSpokenAnswer(answer: SpokenAnswer) {
    if (!answer.text.trim()) {
      setNotice(t('interview:notices.noWordsHeard'));
      return;
    }
    // A second recording for the same question continues the first on one timeline.
    const offset = spoken?.recordingSeconds ?? 0;
    spoken = {
      words: [...(spoken?.words ?? []), ...answer.words.map((word) => ({ text: word.text, start: word.start + offset, end: word.end + offset }))],
      transcribed: spoken ? `${spoken.transcribed}\n\n${answer.text}` : answer.text,
      language: answer.language,
      recordingSeconds: offset + answer.recordingSeconds,
      modelId: answer.modelId,
    };
    const draft = state().draft.trim();
    onType(draft ? `${draft} ${answer.text}` : answer.text);
    setAnnouncement(t('interview:announce.spokenAnswer'));
    queueMicrotask(() => textarea?.focus());
  }
  function changeSilence(seconds: number) {
    setSilenceSeconds(seconds);
    voice.setEndOfAnswerSilence(seconds * 1000);
    void setAnswerSilenceSeconds(seconds).catch(() => undefined);
  }
  onMount(() => {
    // Ctrl+Shift+Space starts a spoken answer, or ends the one under way.
    const onKey = (event: KeyboardEvent) => {
      if (event.code !== 'Space' || !event.ctrlKey || !event.shiftKey) return;
      event.preventDefault();
      const status = voiceState().status;
      if (status === 'listening' || status === 'starting') void voice.finish();
      else if (state().phase === 'answering' && busy() === null) void voice.start();
    };
    document.addEventListener('keydown', onKey);
    onCleanup(() => document.removeEventListener('keydown', onKey));
  });

  async function toggleCamera() {
    const status = camera().status;
    if (status === 'on') {
      await cameraController.stop();
      await setCameraOn(false).catch(() => undefined);
    } else {
      const started = await cameraController.start();
      await setCameraOn(started.status === 'on').catch(() => undefined);
    }
  }

  /** Scores with the interview's engine; if the candidate stops the model, basic scoring answers at once. */
  async function scoreWith(chosen: LlmEngine, input: ScoreAnswerInput) {
    const call = modelCall();
    try {
      return await chosen.scoreAnswer(input, call);
    } catch (cause) {
      if (!call.signal?.aborted) throw cause;
      setStandIn(t('interview:notices.stoppedAi'));
      const score = await (await loadBasicEngine()).scoreAnswer(input);
      // The flag is stored with the score, beside the basic engine's own flags, so it is in English as they are.
      return { ...score, flags: [...score.flags.slice(0, 9), 'You stopped the AI, so basic scoring scored this answer.'] };
    } finally {
      stopModel = null;
    }
  }
  const [error, setError] = createSignal<string | null>(null);
  const [confirmEnd, setConfirmEnd] = createSignal(false);
  const [announcement, setAnnouncement] = createSignal('');
  // Came back to a running interview (reload, or from another screen): greet once, until resumed.
  const [welcomeBack, setWelcomeBack] = createSignal(state().phase === 'paused');
  let heading: HTMLHeadingElement | undefined;
  let textarea: HTMLTextAreaElement | undefined;

  usePageTitle(() => t('interview:progress.title', { current: Math.min(state().index + 1, interview.questionCount), total: interview.questionCount }));

  const question = (): TurnRecord | undefined => turns[Math.min(state().index, turns.length - 1)];
  // The organisation's interviewer may hold, extend, end or lock this interview (web/workspace/).
  const controls = useInterviewerControls(interview.id);
  // An interview from an assigned template: its time limit, and the camera and microphone it may require.
  const assignment = useAssignment(interview.id);
  const inputs = useRequiredInputs({ assignment, camera, startCamera: () => cameraController.start(), stopCamera: () => cameraController.stop() });
  const paused = () => state().phase === 'paused' || controls().held || controls().locked || inputs.holding();
  const overTime = () => totalElapsedMs(state(), now()) > (interview.spec.minutes + controls().extraMinutes) * 60_000;

  // ---- persistence -------------------------------------------------------------------------------
  // Writes go through one queue so they land in the order they were made (a late draft save can
  // never overwrite the progress of the question that followed it).
  let queue: Promise<unknown> = Promise.resolve();
  const enqueue = <T,>(write: () => Promise<T>): Promise<T> => {
    const next = queue.then(write, write);
    queue = next.catch(() => undefined);
    return next;
  };

  let draftTimer: ReturnType<typeof setTimeout> | undefined;
  let storageFailed = false;
  const showError = (cause: unknown) => {
    storageFailed = cause instanceof StorageFullError;
    setError(messageOf(cause));
  };
  function scheduleDraftSave() {
    clearTimeout(draftTimer);
    setSaveState('pending');
    draftTimer = setTimeout(() => void flushDraft(), DRAFT_DEBOUNCE_MS);
  }

  function flushDraft(): Promise<void> {
    clearTimeout(draftTimer);
    draftTimer = undefined;
    const current = state();
    if (current.phase === 'finished' || current.index >= interview.questionCount) return Promise.resolve();
    const snapshot = snapshotOf(current, Date.now());
    return enqueue(() => saveAnswerDraft(interview.id, current.index, current.draft, snapshot)).then(
      () => {
        // Only claim "saved" if nothing was typed meanwhile.
        if (state().draft === current.draft && state().index === current.index) setSaveState('saved');
        // A write worked again, so an earlier "storage is full" no longer holds.
        if (storageFailed) {
          storageFailed = false;
          setError(null);
        }
      },
      () => {
        setSaveState('failed');
      },
    );
  }

  function saveTimer() {
    const current = state();
    if (current.phase === 'finished') return;
    void enqueue(() => saveProgress(interview.id, snapshotOf(current, Date.now()))).catch(() => undefined);
  }

  // ---- events ------------------------------------------------------------------------------------
  function apply(event: InterviewEvent): TransitionResult {
    const result = transition(state(), event);
    if (result.ok) setState(result.state);
    else setNotice(t(`interview:refusals.${result.code}`));
    return result;
  }

  function onType(text: string) {
    if (apply({ type: 'draft', text }).ok) {
      setNotice(null);
      scheduleDraftSave();
    }
  }

  function togglePause() {
    const at = Date.now();
    const result = apply({ type: paused() ? 'resume' : 'pause', at });
    if (!result.ok) return;
    setNotice(null);
    setWelcomeBack(false);
    setAnnouncement(result.state.phase === 'paused' ? t('interview:announce.paused') : t('interview:announce.running'));
    if (draftTimer !== undefined) void flushDraft();
    else saveTimer();
    if (result.state.phase === 'answering') queueMicrotask(() => textarea?.focus());
  }

  /** Before a main answer is submitted, the engine may ask one follow-up instead. */
  async function askFollowUp(): Promise<boolean> {
    const current = state();
    const turn = turns[current.index];
    if (current.followUp || !turn || current.phase !== 'answering' || !current.draft.trim()) return false;
    setBusy('thinking');
    try {
      const chosen = await engine.catch(() => engineForInterview(interview.engine));
      const followUp = await chosen.engine.followUp({ spec: interview.spec, question: turn.question, answer: current.draft, alreadyAsked: false }, modelCall());
      if (!followUp || state() !== current) return false;
      const result = apply({ type: 'followUp', question: followUp.question });
      if (!result.ok) return false;
      await flushDraft();
      setAnnouncement(t('interview:announce.followUp', { question: followUp.question }));
      queueMicrotask(() => textarea?.focus());
      return true;
    } catch {
      // No follow-up is better than a stuck interview (or than one the candidate stopped): submit the
      // answer as it is.
      return false;
    } finally {
      stopModel = null;
      setBusy(null);
    }
  }

  async function completeCurrent(skipped: boolean) {
    if (busy()) return;
    if (!skipped && (await askFollowUp())) return;
    const at = Date.now();
    const result = transition(state(), { type: skipped ? 'skip' : 'submit', at });
    if (!result.ok || !result.outcome) {
      setNotice(result.ok ? null : t(`interview:refusals.${result.code}`));
      return;
    }
    const outcome = result.outcome;
    const turn = turns[outcome.index];
    if (!turn) return;
    // Skipping a follow-up is not skipping the question: the machine keeps the main answer, and
    // the outcome (not the button pressed) says whether the question was answered.
    const questionSkipped = outcome.skipped;
    setBusy(questionSkipped ? 'skipping' : 'scoring');
    setError(null);
    setNotice(null);
    clearTimeout(draftTimer);
    draftTimer = undefined;
    try {
      const chosen = await engine.catch(() => engineForInterview(interview.engine));
      // The follow-up's answer is part of the answer to the question: scored and stored together.
      const answer = outcome.followUp?.answer.trim() ? `${outcome.answer}\n\n${outcome.followUp.answer}` : outcome.answer;
      const vision = questionSkipped ? null : await cameraController.answerSamples();
      await voice.cancel();
      const score = questionSkipped ? null : await scoreWith(chosen.engine, { spec: interview.spec, question: turn.question, answer });
      await enqueue(() =>
        completeTurn({
          interviewId: interview.id,
          index: outcome.index,
          answer,
          followUp: outcome.followUp,
          vision,
          voice: questionSkipped ? null : spoken,
          skipped: questionSkipped,
          activeMs: outcome.activeMs,
          score,
          progress: snapshotOf(result.state, Date.now()),
        }),
      );
      const recordingProblem = questionSkipped ? null : await keepAnswerRecordings(interview.id, turn.id, recordings);
      recordings = [];
      if (result.finished) {
        await finish(result.state, false);
        return;
      }
      setState(result.state);
      if (recordingProblem) setNotice(recordingProblem);
      setSaveState('idle');
      setAnnouncement(skipped ? (questionSkipped ? t('interview:announce.questionSkipped') : t('interview:announce.followUpSkipped')) : t('interview:announce.submitted'));
      queueMicrotask(() => focusElement(heading));
    } catch (cause) {
      // The machine's new state was never shown: the answer stays in the box, ready to try again.
      showError(cause);
    } finally {
      if (busy() !== 'finishing') setBusy(null);
    }
  }

  async function endEarly() {
    if (busy()) return;
    const result = transition(state(), { type: 'endEarly', at: Date.now() });
    if (!result.ok) {
      setNotice(t(`interview:refusals.${result.code}`));
      return;
    }
    setError(null);
    clearTimeout(draftTimer);
    draftTimer = undefined;
    try {
      await finish(result.state, true);
    } catch (cause) {
      showError(cause);
      setBusy(null);
    }
  }

  async function finish(finalState: InterviewMachineState, endedEarly: boolean) {
    setBusy('finishing');
    const chosen = await engine.catch(() => engineForInterview(interview.engine));
    const stored = await getInterview(interview.id);
    const done = (stored?.turns ?? []).filter((t) => t.status !== 'open');
    const engineSummary = await chosen.engine.summarise({
      spec: interview.spec,
      turns: done.map((t) => ({ question: t.question, answer: t.answer ?? '', skipped: t.status === 'skipped', score: t.score })),
    });
    // A template that weights the rubric decides the overall score that is stored and synced.
    const summary = withTemplateWeights(engineSummary, (await assignmentOfInterview(interview.id))?.template.rubricWeights ?? []);
    await enqueue(() => completeInterview({ interviewId: interview.id, summary, endedEarly, progress: snapshotOf(finalState, Date.now()) }));
    setState(finalState);
    navigate(`/report/${interview.id}`, { replace: true });
  }

  // ---- interviewer controls ----------------------------------------------------------------------
  createEffect(
    on(
      () => controls().held || controls().locked,
      (hold) => {
        if (hold && state().phase === 'answering' && apply({ type: 'pause', at: Date.now() }).ok) saveTimer();
      },
    ),
  );
  // A required camera or microphone missing holds the interview (timer stopped) until it is back;
  // a hold made here is lifted here, while the candidate's own pause stays theirs to end.
  let heldForInputs = false;
  createEffect(
    on(inputs.holding, (hold) => {
      if (hold && state().phase === 'answering' && apply({ type: 'pause', at: Date.now() }).ok) {
        heldForInputs = true;
        void voice.cancel();
        saveTimer();
      } else if (!hold && heldForInputs) {
        heldForInputs = false;
        if (state().phase === 'paused' && !controls().held && !controls().locked && apply({ type: 'resume', at: Date.now() }).ok) saveTimer();
      }
    }),
  );
  // An interview from an assigned template ends when its time limit (and any extension) runs out.
  createEffect(
    on(overTime, (over) => {
      if (over && assignment() && state().phase === 'answering' && busy() === null) void endEarly();
    }),
  );
  createEffect(
    on(
      () => controls().ended,
      (ended) => {
        if (ended && state().phase !== 'finished' && busy() === null) void endEarly();
      },
    ),
  );

  // ---- lifecycle ---------------------------------------------------------------------------------
  onMount(() => {
    // A brand-new interview: store that it started, so a reload right away resumes it (paused).
    // Restored from the last-moment backup: bring IndexedDB up to date with it.
    if (state().draft !== (turns[state().index]?.draft ?? '')) void flushDraft();
    else if (!props.data.interview.progress) saveTimer();
    // An interview whose last answer was stored but whose summary was not (the tab closed, or the
    // disk was full): finish it now.
    if (state().phase === 'finished') void finish(state(), state().endedEarly).catch(showError);
    focusElement(heading);

    const clock = setInterval(() => setNow(Date.now()), 250);
    const heartbeat = setInterval(() => {
      if (state().phase === 'answering' && draftTimer === undefined) saveTimer();
    }, HEARTBEAT_MS);
    // Leaving the page (reload, closing the tab, switching apps on a phone): save now, not in 300 ms,
    // and keep a synchronous copy, since the page may be gone before IndexedDB finishes.
    const onHide = () => {
      if (state().phase !== 'finished') backupProgress(interview.id, snapshotOf(state(), Date.now()));
      if (draftTimer !== undefined) void flushDraft();
      else saveTimer();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') onHide();
    };
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    onCleanup(() => {
      clearInterval(clock);
      clearInterval(heartbeat);
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      onHide();
    });
  });

  createEffect(on(questionIndex, () => setConfirmEnd(false), { defer: true }));

  const progressPercent = () => Math.round((Math.min(state().index, interview.questionCount) / interview.questionCount) * 100);
  const saveText = () => {
    switch (saveState()) {
      case 'pending':
        return t('interview:answer.saving');
      case 'saved':
        return t('interview:answer.saved');
      case 'failed':
        return t('interview:answer.notSaved');
      default:
        return '';
    }
  };

  return (
    <div class="stack">
      <InterviewerControlBanner state={controls()} />
      <AssignedRequirements assignment={assignment()} minutes={interview.spec.minutes + controls().extraMinutes} />
      <Show when={inputs.holding() && assignment()}>
        {(found) => (
          <RequiredInputsMessage org={found().orgName} required={inputs.required()} missing={inputs.missing()} checking={inputs.checking()} when="interview" onRetry={() => void inputs.retry()} />
        )}
      </Show>
      <div class="interview-bar">
        <div class="progress stack-tight">
          <div class="row spread">
            <p class="eyebrow">{t('interview:progress.title', { current: Math.min(state().index + 1, interview.questionCount), total: interview.questionCount })}</p>
            <span class="muted small">{interview.spec.role}</span>
          </div>
          <div
            class="progress-track"
            role="progressbar"
            aria-label={t('interview:progress.label')}
            aria-valuemin="0"
            aria-valuemax={interview.questionCount}
            aria-valuenow={Math.min(state().index, interview.questionCount)}
            aria-valuetext={t('interview:progress.done', { count: Math.min(state().index, interview.questionCount) })}
          >
            <div class="progress-fill" style={{ width: `${progressPercent()}%` }} />
          </div>
        </div>
        <div class="timer-box">
          <div class="stack-tight" style={{ gap: '0' }}>
            <span class="muted small" id="timer-label">
              {t(paused() ? 'interview:timer.paused' : 'interview:timer.elapsed', { minutes: interview.spec.minutes + controls().extraMinutes })}
            </span>
            <span
              class="timer"
              role="timer"
              aria-labelledby="timer-label"
              data-paused={paused()}
              data-over={overTime()}
            >
              {formatClock(totalElapsedMs(state(), now()))}
            </span>
          </div>
          <button
            type="button"
            class="button button-small"
            onClick={togglePause}
            disabled={busy() !== null || state().phase === 'finished' || controls().held || controls().locked || inputs.holding()}
            aria-describedby="timer-label"
          >
            {paused() ? t('interview:timer.resume') : t('interview:timer.pause')}
          </button>
        </div>
      </div>

      <CameraPanel state={camera()} onToggle={() => void toggleCamera()} />
      <QuestionVoicePanel
        language={interview.spec.language}
        enabled={speakOn()}
        voiceUri={voiceUri()}
        speaking={speaking()}
        onEnabledChange={changeSpeakOn}
        onVoiceChange={changeVoice}
        onRepeat={speakCurrent}
      />

      <div class="visually-hidden" aria-live="polite">
        {announcement()}
      </div>

      {/* Held for a required camera or microphone: that message says what to do; Resume would not work. */}
      <Show when={paused() && !inputs.holding()}>
        <div class="paused-note">
          <strong>{welcomeBack() ? t('interview:pausedNote.welcomeBack') : t('interview:pausedNote.paused')}</strong>{' '}
          {t('interview:pausedNote.rest', { time: formatClock(totalElapsedMs(state(), now())) })}
        </div>
      </Show>

      <section class="card question-card" aria-labelledby="question-text">
        <div class="row">
          <span class="tag tag-accent">{QUESTION_KIND_LABELS[question()?.question.kind ?? 'behavioural']}</span>
          <span class="muted small">
            {t('interview:timer.thisQuestion', { time: formatClock(questionElapsedMs(state(), now())) })}
          </span>
        </div>
        <h1 id="question-text" class="question-text" data-testid="question-text" tabindex="-1" ref={heading}>
          {question()?.question.text}
        </h1>
        <Show when={state().followUp}>
          {(followUp) => (
            <div class="follow-up stack-tight" data-testid="follow-up">
              <p class="muted small">
                {t('interview:followUp.yourAnswer', { answer: followUp().mainAnswer.length > 240 ? `${followUp().mainAnswer.slice(0, 240)}…` : followUp().mainAnswer })}
              </p>
              <p class="follow-up-question">
                <span class="tag">{t('interview:followUp.tag')}</span> {followUp().question}
              </p>
            </div>
          )}
        </Show>

        <VoiceAnswerPanel
          state={voiceState()}
          level={micLevel()}
          questionSpeaking={speaking()}
          silenceSeconds={silenceSeconds()}
          disabled={paused() || busy() !== null}
          onStart={() => void voice.start()}
          onFinish={() => void voice.finish()}
          onCancel={() => void voice.cancel()}
          onSilenceChange={changeSilence}
        />

        <div class="field">
          <label for="answer">{t('interview:answer.label')}</label>
          <textarea
            id="answer"
            ref={textarea}
            class="textarea"
            value={state().draft}
            readOnly={paused() || busy() !== null || !inputs.typingAllowed(voiceState().status)}
            maxlength={MAX_ANSWER_CHARS}
            spellcheck={true}
            aria-describedby={assignment()?.template.voiceRequired ? 'answer-hint answer-save answer-voice-required' : 'answer-hint answer-save'}
            onInput={(event) => onType(event.currentTarget.value)}
            onBlur={() => {
              if (draftTimer !== undefined) void flushDraft();
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                void completeCurrent(false);
              }
            }}
          />
          <Show when={assignment()?.template.voiceRequired ? assignment() : null}>
            {(found) => (
              <p id="answer-voice-required" class="muted small" data-testid="voice-required-note">
                {inputs.typingAllowed(voiceState().status) ? t('assigned:inputs.typingFallback', { org: found().orgName }) : t('assigned:inputs.typingOff', { org: found().orgName })}
              </p>
            )}
          </Show>
          <div class="answer-meta">
            <span id="answer-hint">
              {t('interview:answer.words', { count: wordCount(state().draft) })}
              <span class="kbd-hint">{t('interview:answer.submitHint')}</span>
            </span>
            <span id="answer-save" class="save-state" data-state={saveState()}>
              {saveText()}
            </span>
          </div>
        </div>

        <Show when={standIn()}>
          <p class="engine-note warning-note" role="status" data-testid="stand-in-notice">
            {standIn()}
          </p>
        </Show>
        <Show when={notice()}>
          <p class="muted" role="status">
            {notice()}
          </p>
        </Show>
        <Show when={error()}>
          <p class="error" role="alert">
            {error()}
          </p>
        </Show>

        <Show
          when={!confirmEnd()}
          fallback={
            <div class="confirm-box stack-tight" role="group" aria-labelledby="end-confirm-text">
              <p id="end-confirm-text">{t('interview:actions.endConfirm')}</p>
              <div class="row">
                <button type="button" class="button button-small button-danger" disabled={busy() !== null} onClick={() => void endEarly()}>
                  {t('interview:actions.finish')}
                </button>
                <button type="button" class="button button-small" ref={(el) => queueMicrotask(() => el.focus())} onClick={() => setConfirmEnd(false)}>
                  {t('interview:actions.keepGoing')}
                </button>
              </div>
            </div>
          }
        >
          <div class="interview-actions-bar">
            <button type="button" class="button button-primary" disabled={busy() !== null || paused()} onClick={() => void completeCurrent(false)}>
              <Show when={busy() === 'scoring' || busy() === 'finishing' || busy() === 'thinking'} fallback={state().followUp ? t('interview:actions.submitFollowUp') : t('interview:actions.submit')}>
                <span class="spinner" aria-hidden="true" /> {busy() === 'thinking' ? t('interview:actions.reading') : t('interview:actions.scoring')}
              </Show>
            </button>
            <Show
              when={usesModel && (busy() === 'scoring' || busy() === 'thinking')}
              fallback={
                <button type="button" class="button" disabled={busy() !== null || paused()} onClick={() => void completeCurrent(true)}>
                  {state().followUp ? t('interview:actions.skipFollowUp') : t('interview:actions.skip')}
                </button>
              }
            >
              <button type="button" class="button" onClick={() => stopModel?.abort()}>
                {t('interview:actions.stopAi')}
              </button>
              <span class="muted small" role="status" data-testid="model-stream">
                {modelChars() > 0 ? t('interview:actions.aiWritten', { count: modelChars() }) : t('interview:actions.waitingForAi')}
              </span>
            </Show>
            <button type="button" class="button button-danger-quiet end-button" disabled={busy() !== null} onClick={() => setConfirmEnd(true)}>
              {t('interview:actions.end')}
            </button>
          </div>
        </Show>
        <Show when={state().index === interview.questionCount - 1 && !confirmEnd()}>
          <p class="muted small">{t('interview:actions.lastQuestion')}</p>
        </Show>
      </section>
    </div>
  );
}

/** Resumes from the newest saved snapshot (paused, where it stopped), or starts a new interview now. */
function initialState(data: InterviewWithTurns, now: number): InterviewMachineState {
  const fresh = createInterviewState(data.interview.questionCount);
  const stored = data.interview.progress;
  const backup = readProgressBackup(data.interview.id);
  // The backup is only newer when the page went away before IndexedDB caught up; it never moves
  // the interview to another question than the one stored, whose answer may already be recorded.
  const useBackup = backup !== null && backup.savedAt > (stored?.savedAt ?? 0) && backup.index === (stored?.index ?? 0);
  for (const snapshot of useBackup ? [backup, stored] : [stored]) {
    if (!snapshot) continue;
    const restored = transition(fresh, { type: 'restore', snapshot });
    if (restored.ok) return restored.state;
  }
  // No snapshot, or a damaged one: start at the first question not yet answered.
  const firstOpen = data.turns.findIndex((t) => t.status === 'open');
  const started = transition(fresh, { type: 'start', at: now }).state;
  if (firstOpen <= 0) return { ...started, draft: data.turns[0]?.draft ?? '' };
  return { ...started, index: firstOpen, draft: data.turns[firstOpen]?.draft ?? '' };
}
