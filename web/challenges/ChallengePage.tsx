// One coding challenge: the problem, the hints the source allows, a code editor (JavaScript or
// TypeScript) whose draft is saved on this device as it changes, the tests run in a sandboxed worker
// with a time limit, and an explanation (typed or spoken) that the interview engine scores. Each
// submitted attempt is stored with its code, results, explanation, both scores and hints revealed.
import { A, useParams } from '@solidjs/router';
import { createSignal, onCleanup, onMount, Show } from 'solid-js';
import type { AnswerScore } from '../../sync-server/protocol/index.ts';
import { MAX_ANSWER_CHARS } from '../../sync-server/protocol/limits.ts';
import { CODE_LANGUAGES, type CodeLanguage } from '../../workers/code-runner/api.ts';
import { runCode, type RunOutcome } from '../../workers/code-runner/run-code.ts';
import { VoiceAnswerPanel } from '../candidate/VoiceAnswerPanel.tsx';
import { getChallengeDraft, listChallengeAttempts, saveChallengeAttempt, saveChallengeDraft } from '../data/challenge-attempts.ts';
import type { ChallengeAttemptRecord, ChallengeDraftRecord } from '../data/db.ts';
import { DEFAULT_ANSWER_SILENCE_SECONDS, getAnswerSilenceSeconds, setAnswerSilenceSeconds } from '../data/interview-preferences.ts';
import type { EngineChoice } from '../engine/engine-facade.ts';
import { t, uiLanguage } from '../i18n/i18n.ts';
import { createLiveQuery } from '../ui/live-query.ts';
import { createLoad, valueOf } from '../ui/load.ts';
import { LoadStates } from '../ui/LoadStates.tsx';
import { messageOf, usePageTitle } from '../ui/page.ts';
import { createVoiceAnswerController, type VoiceAnswerState } from '../voice/voice-answer-controller.ts';
import { AttemptHistory } from './AttemptHistory.tsx';
import { AttemptScores } from './AttemptScores.tsx';
import { judgedTests } from './catalogue/catalogue.ts';
import type { CodingChallenge } from './catalogue/challenge-schema.ts';
import { codeScoreOf, explanationQuestion, explanationSpec } from './challenge-scoring.ts';
import { CodeEditor, type CodeEditorControls } from './CodeEditor.tsx';
import { HintsPanel } from './HintsPanel.tsx';
import { findPracticeSource, type PracticeSource } from './practice-sources.ts';
import { RichText } from './RichText.tsx';
import { TestResults } from './TestResults.tsx';
import './challenges.css';

/** Typing pauses this long before the draft is written. */
const SAVE_DELAY_MS = 400;

interface LoadedChallenge {
  source: PracticeSource;
  challenge: CodingChallenge;
  draft: ChallengeDraftRecord | null;
}

async function loadChallenge(sourceId: string, challengeId: string): Promise<LoadedChallenge | null> {
  const source = await findPracticeSource(sourceId);
  if (!source) return null;
  const challenge = (await source.codingChallenges()).find((candidate) => candidate.id === challengeId);
  if (!challenge) return null;
  return { source, challenge, draft: await getChallengeDraft(source.id, challenge.id) };
}

const textLanguage = (): 'en' | 'es' => (uiLanguage() === 'es' ? 'es' : 'en');

export default function ChallengePage() {
  const params = useParams<{ source: string; challengeId: string }>();
  const loaded = createLoad(
    () => `${params.source}/${params.challengeId}`,
    () => loadChallenge(params.source, params.challengeId),
  );
  usePageTitle(() => {
    const value = valueOf(loaded());
    return value ? value.challenge.title[textLanguage()] : t('challenges:challenge.pageTitle');
  });
  return (
    <div class="stack challenge-page">
      <A href="/challenges" class="back-link">
        {t('challenges:challenge.back')}
      </A>
      <LoadStates
        data={loaded()}
        loadingText={t('challenges:challenge.loading')}
        errorTitle={t('challenges:challenge.loadError')}
        notFoundTitle={t('challenges:challenge.notFoundTitle')}
        notFoundText={t('challenges:challenge.notFoundText')}
      >
        {(value) => <Workspace {...value} />}
      </LoadStates>
    </div>
  );
}

function Workspace(props: LoadedChallenge) {
  const source = props.source;
  const challenge = props.challenge;
  const tests = judgedTests(challenge);
  const hintsAllowed = source.hintsAllowed(challenge);

  const [language, setLanguage] = createSignal<CodeLanguage>(props.draft?.language ?? 'typescript');
  let code = props.draft?.code ?? challenge.starter[language()];
  const [explanation, setExplanation] = createSignal(props.draft?.explanation ?? '');
  const [hintsRevealed, setHintsRevealed] = createSignal(props.draft?.hintsRevealed ?? 0);
  let startedAt = props.draft?.startedAt ?? new Date().toISOString();

  const [saveState, setSaveState] = createSignal<'idle' | 'saving' | 'saved' | 'failed'>(props.draft ? 'saved' : 'idle');
  const [running, setRunning] = createSignal(false);
  const [outcome, setOutcome] = createSignal<RunOutcome | null>(null);
  const [runError, setRunError] = createSignal<string | null>(null);
  const [submitting, setSubmitting] = createSignal(false);
  const [submitError, setSubmitError] = createSignal<string | null>(null);
  const [explanationError, setExplanationError] = createSignal<string | null>(null);
  const [scoreError, setScoreError] = createSignal<string | null>(null);
  const [lastAttempt, setLastAttempt] = createSignal<ChallengeAttemptRecord | null>(null);
  const [engine, setEngine] = createSignal<EngineChoice | null>(null);
  const [notice, setNotice] = createSignal<string | null>(null);
  const attempts = createLiveQuery(() => listChallengeAttempts(source.id, challenge.id));

  let editor: CodeEditorControls | undefined;
  let explanationBox: HTMLTextAreaElement | undefined;
  let scoresHeading: HTMLHeadingElement | undefined;

  // ---- the draft, saved as it changes ----
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let saving: Promise<void> = Promise.resolve();
  function saveNow(): Promise<void> {
    clearTimeout(saveTimer);
    saveTimer = undefined;
    setSaveState('saving');
    const draft = { source: source.id, challengeId: challenge.id, language: language(), code, explanation: explanation(), hintsRevealed: hintsRevealed(), startedAt };
    saving = saving.then(() =>
      saveChallengeDraft(draft).then(
        () => void setSaveState('saved'),
        () => void setSaveState('failed'),
      ),
    );
    return saving;
  }
  function scheduleSave(): void {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void saveNow(), SAVE_DELAY_MS);
  }
  const flushOnHide = () => {
    if (saveTimer !== undefined) void saveNow();
  };
  onMount(() => window.addEventListener('pagehide', flushOnHide));
  onCleanup(() => {
    window.removeEventListener('pagehide', flushOnHide);
    flushOnHide();
  });

  function onCodeChange(doc: string): void {
    code = doc;
    scheduleSave();
  }
  function updateExplanation(text: string): void {
    setExplanation(text);
    if (text.trim()) setExplanationError(null);
    scheduleSave();
  }
  function changeLanguage(next: CodeLanguage): void {
    const previous = language();
    if (next === previous) return;
    setLanguage(next);
    // Untouched starter code follows the language; anything the candidate wrote stays as it is.
    if (code.trim() === challenge.starter[previous].trim()) editor?.setDoc(challenge.starter[next], { undoable: true });
    void saveNow();
  }
  function resetCode(): void {
    editor?.setDoc(challenge.starter[language()], { undoable: true });
    setNotice(t('challenges:editor.resetDone'));
    editor?.focus();
  }
  function revealHint(): void {
    setHintsRevealed((count) => Math.min(count + 1, hintsAllowed));
    void saveNow();
  }

  // ---- running the tests ----
  let runController: AbortController | null = null;
  onCleanup(() => runController?.abort());
  async function run(): Promise<RunOutcome | null> {
    if (running()) return null;
    setRunning(true);
    setRunError(null);
    setNotice(null);
    const controller = (runController = new AbortController());
    try {
      const result = await runCode({ code, language: language(), functionName: challenge.functionName, tests }, { timeLimitMs: challenge.timeLimitMs, signal: controller.signal });
      setOutcome(result);
      return result;
    } catch (error) {
      if (!controller.signal.aborted) setRunError(messageOf(error));
      return null;
    } finally {
      setRunning(false);
    }
  }

  // ---- the explanation: typed, or spoken into the same box ----
  const [voiceState, setVoiceState] = createSignal<VoiceAnswerState>({ status: 'off' });
  const [micLevel, setMicLevel] = createSignal(0);
  const [silenceSeconds, setSilenceSeconds] = createSignal(DEFAULT_ANSWER_SILENCE_SECONDS);
  let spoken = false;
  const voice = createVoiceAnswerController({
    languageTag: textLanguage(),
    endOfAnswerSilenceMs: DEFAULT_ANSWER_SILENCE_SECONDS * 1000,
    onChange: setVoiceState,
    onLevel: setMicLevel,
    onAnswer: (answer) => {
      if (!answer.text.trim()) {
        setNotice(t('challenges:explain.noWords'));
        return;
      }
      spoken = true;
      const current = explanation().trim();
      updateExplanation(current ? `${current} ${answer.text}` : answer.text);
      setNotice(t('challenges:explain.spokenAdded'));
      queueMicrotask(() => explanationBox?.focus());
    },
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
  function changeSilence(seconds: number): void {
    setSilenceSeconds(seconds);
    voice.setEndOfAnswerSilence(seconds * 1000);
    void setAnswerSilenceSeconds(seconds).catch(() => undefined);
  }

  // ---- scoring and storing an attempt ----
  onMount(() => {
    void import('../engine/engine-facade.ts')
      .then(({ chooseEngine }) => chooseEngine())
      .then(setEngine, () => undefined);
  });

  async function scoreExplanation(text: string): Promise<{ score: AnswerScore | null; choice: EngineChoice | null }> {
    try {
      const choice: EngineChoice = engine() ?? (await import('../engine/engine-facade.ts').then(({ chooseEngine }) => chooseEngine()));
      setEngine(choice);
      const title = challenge.title[textLanguage()];
      const score = await choice.engine.scoreAnswer({
        spec: explanationSpec(challenge, textLanguage()),
        question: explanationQuestion(challenge, t('challenges:explain.question', { title })),
        answer: text,
      });
      return { score, choice };
    } catch (error) {
      setScoreError(t('challenges:scores.failed', { message: messageOf(error) }));
      return { score: null, choice: engine() };
    }
  }

  async function submit(): Promise<void> {
    if (submitting() || running()) return;
    const text = explanation().trim();
    if (!text) {
      setExplanationError(t('challenges:explain.empty'));
      explanationBox?.focus();
      return;
    }
    setSubmitting(true);
    setSubmitError(null);
    setScoreError(null);
    try {
      // The attempt records the code as submitted, so its tests run again now.
      const result = await run();
      if (!result) {
        setSubmitError(t('challenges:submit.notRun', { message: runError() ?? '' }));
        return;
      }
      const { score, choice } = await scoreExplanation(text);
      await saveNow();
      const attempt = await saveChallengeAttempt({
        source: source.id,
        challengeId: challenge.id,
        language: language(),
        code,
        run: result,
        codeScore: codeScoreOf(result),
        explanation: text,
        explanationSpoken: spoken,
        explanationScore: score,
        engine: choice ? { kind: choice.kind, label: choice.label, reason: choice.reason } : null,
        hintsRevealed: Math.min(hintsRevealed(), hintsAllowed),
        hintsAvailable: Math.min(hintsAllowed, challenge.hints.length),
        startedAt,
      });
      startedAt = attempt.submittedAt;
      setLastAttempt(attempt);
      queueMicrotask(() => scoresHeading?.focus());
    } catch (error) {
      setSubmitError(messageOf(error));
    } finally {
      setSubmitting(false);
    }
  }

  const basicInOtherLanguage = () => engine()?.kind === 'basic' && textLanguage() !== 'en';

  return (
    <>
      <div class="page-header">
        <h1>{challenge.title[textLanguage()]}</h1>
        <div class="row">
          <span class="tag difficulty-tag" data-difficulty={challenge.difficulty}>
            {t(`challenges:difficulty.${challenge.difficulty}`)}
          </span>
          {challenge.topics.map((topic) => (
            <span class="tag">{t(`challenges:topics.${topic}`)}</span>
          ))}
          <span class="small muted">{t('challenges:challenge.timeLimit', { seconds: challenge.timeLimitMs / 1000 })}</span>
        </div>
      </div>

      <section class="card stack-tight" aria-labelledby="problem-title">
        <h2 id="problem-title">{t('challenges:challenge.problem')}</h2>
        <RichText text={challenge.prompt[textLanguage()]} />
        <p class="small muted">
          {t('challenges:challenge.functionNote', { name: challenge.functionName })}
        </p>
      </section>

      <HintsPanel hints={challenge.hints} allowed={hintsAllowed} revealed={hintsRevealed()} language={textLanguage()} onReveal={revealHint} />

      <section class="card stack" aria-labelledby="code-title">
        <div class="row spread">
          <h2 id="code-title">{t('challenges:editor.title')}</h2>
          <span class="small muted save-state" data-state={saveState()} data-testid="draft-state" aria-live="polite">
            {saveState() === 'idle' ? '' : t(`challenges:editor.save.${saveState()}`)}
          </span>
        </div>
        <div class="row">
          <div class="field field-inline">
            <label for="code-language">{t('challenges:editor.language')}</label>
            <select id="code-language" class="select select-small" value={language()} onChange={(event) => changeLanguage(event.currentTarget.value as CodeLanguage)}>
              {CODE_LANGUAGES.map((option) => (
                <option value={option} selected={option === language()}>
                  {t(`challenges:languages.${option}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="button" class="button button-small button-quiet" onClick={resetCode}>
            {t('challenges:editor.reset')}
          </button>
        </div>
        <CodeEditor id="challenge-code" initialDoc={code} language={language()} onChange={onCodeChange} onRun={() => void run()} ref={(controls) => (editor = controls)} />
        <Show when={notice()}>
          <p class="small muted" role="status">
            {notice()}
          </p>
        </Show>
        <div class="row">
          <button type="button" class="button button-primary" onClick={() => void run()} disabled={running()} aria-keyshortcuts="Control+Enter">
            {running() ? t('challenges:editor.running') : t('challenges:editor.run')}
          </button>
        </div>
      </section>

      <section class="card stack-tight" aria-labelledby="tests-title">
        <h2 id="tests-title">{t('challenges:results.title')}</h2>
        <Show when={runError()}>
          <p class="error" role="alert">
            {runError()}
          </p>
        </Show>
        <TestResults functionName={challenge.functionName} tests={tests} outcome={outcome()} running={running()} onGoToLine={(line) => editor?.goToLine(line)} />
      </section>

      <section class="card stack" aria-labelledby="explain-title">
        <h2 id="explain-title">{t('challenges:explain.title')}</h2>
        <p class="muted small">{t('challenges:explain.intro')}</p>
        <VoiceAnswerPanel
          state={voiceState()}
          level={micLevel()}
          questionSpeaking={false}
          silenceSeconds={silenceSeconds()}
          disabled={submitting()}
          onStart={() => void voice.start()}
          onFinish={() => void voice.finish()}
          onCancel={() => void voice.cancel()}
          onSilenceChange={changeSilence}
          keepsRecordings={false}
        />
        <div class="field">
          <label for="explanation">{t('challenges:explain.label')}</label>
          <textarea
            id="explanation"
            ref={explanationBox}
            class="textarea"
            rows={6}
            maxlength={MAX_ANSWER_CHARS}
            value={explanation()}
            aria-invalid={explanationError() !== null}
            aria-describedby={explanationError() ? 'explanation-hint explanation-error' : 'explanation-hint'}
            onInput={(event) => updateExplanation(event.currentTarget.value)}
          />
          <span id="explanation-hint" class="hint">
            {t('challenges:explain.hint')}
          </span>
          <Show when={explanationError()}>
            <p id="explanation-error" class="error small" role="alert">
              {explanationError()}
            </p>
          </Show>
        </div>
        <div class="engine-note" data-testid="challenge-engine" data-engine={engine()?.kind ?? 'pending'}>
          <span class="tag tag-accent">{engine()?.label ?? t('challenges:submit.engineChecking')}</span>
          <span>{engine()?.reason ?? ''}</span>
        </div>
        <Show when={basicInOtherLanguage()}>
          <p class="small warning-note">{t('challenges:explain.basicEnglishOnly')}</p>
        </Show>
        <Show when={submitError()}>
          <p class="error" role="alert">
            {submitError()}
          </p>
        </Show>
        <div class="row">
          <button type="button" class="button button-primary" onClick={() => void submit()} disabled={submitting() || running()}>
            {submitting() ? t('challenges:submit.busy') : t('challenges:submit.button')}
          </button>
        </div>
      </section>

      <Show when={lastAttempt()}>{(attempt) => <AttemptScores attempt={attempt()} scoreError={scoreError()} headingRef={(element) => (scoresHeading = element)} />}</Show>

      <Show when={attempts.error()}>
        {(error) => (
          <p class="card error" role="alert">
            {t('challenges:attempts.loadError', { message: messageOf(error()) })}
          </p>
        )}
      </Show>
      <AttemptHistory attempts={attempts.value() ?? []} />
    </>
  );
}
