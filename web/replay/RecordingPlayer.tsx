// One kept recording of an answer: the browser's own audio controls, the words it holds as buttons
// that light up as they are said (the audio's currentTime, read every frame while it plays) and play
// from where they were said when chosen, and a delete button behind a confirmation. The words are
// one Tab stop (the arrow keys move between them, Enter or Space plays from one). Long transcripts
// scroll in their own box, which follows the word being said without moving the page; with reduced
// motion asked for, it jumps instead of gliding.
import { createMemo, createSignal, For, onCleanup, Show } from 'solid-js';
import type { RecordingRecord } from '../data/db.ts';
import { deleteRecording } from '../data/recordings.ts';
import { t } from '../i18n/i18n.ts';
import { formatBytes, formatDuration } from '../ui/format.ts';
import { messageOf } from '../ui/page.ts';
import { currentWordIndex, replayWords, seekTimeOf, toVoiceTime, type TimedWord } from './word-timeline.ts';

const CHOSEN_SLACK_SECONDS = 0.05;

export function RecordingPlayer(props: {
  recording: RecordingRecord;
  /** The turn's words, and which of them this recording holds. */
  words: readonly TimedWord[];
  indexes: readonly number[];
  isFiller: (word: TimedWord) => boolean;
  questionNumber: number;
  /** 1, 2… when the answer was recorded in parts; null for one recording. */
  part: number | null;
  /** Where playback is on the turn's word timeline, or null when stopped. */
  onPlayhead: (voiceSeconds: number | null) => void;
  onDeleted: (message: string) => void;
}) {
  const url = URL.createObjectURL(props.recording.blob);
  onCleanup(() => URL.revokeObjectURL(url));
  const words = createMemo(() => replayWords(props.words, props.recording, props.indexes));
  const [time, setTime] = createSignal(0);
  // The word just chosen stays lit while playback starts: a seek lands, and a starting playback
  // reports its position, a few milliseconds either side of where it was asked, which would
  // otherwise light the word before it for a moment.
  const [chosen, setChosen] = createSignal<number | null>(null);
  const current = createMemo(() => {
    const pick = chosen();
    const word = pick === null ? undefined : words()[pick];
    if (word && time() >= word.audioStart - CHOSEN_SLACK_SECONDS && time() < word.audioEnd) return pick!;
    return currentWordIndex(words(), time());
  });
  const [focused, setFocused] = createSignal<number | null>(null);
  /** The word that takes Tab focus: the one last focused, else the current one, else the first playable. */
  const tabStop = () => focused() ?? (current() >= 0 && words()[current()]!.playable ? current() : words().findIndex((word) => word.playable));
  const [confirming, setConfirming] = createSignal(false);
  const [deleting, setDeleting] = createSignal(false);
  const [problem, setProblem] = createSignal<string | null>(null);
  const label = () => (props.part === null ? t('replay:recording.label', { number: props.questionNumber }) : t('replay:recording.labelPart', { number: props.questionNumber, part: props.part }));
  const reducedMotion = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  let audio!: HTMLAudioElement;
  let box: HTMLDivElement | undefined;
  let deleteButton: HTMLButtonElement | undefined;
  let confirmButton: HTMLButtonElement | undefined;
  const buttons: HTMLButtonElement[] = [];
  let frame = 0;

  const sync = () => {
    setTime(audio.currentTime);
    const pick = chosen();
    const word = pick === null ? undefined : words()[pick];
    if (word && (audio.currentTime < word.audioStart - CHOSEN_SLACK_SECONDS || audio.currentTime >= word.audioEnd)) setChosen(null);
    props.onPlayhead(audio.paused && audio.currentTime === 0 ? null : toVoiceTime(audio.currentTime, props.recording));
    if (!audio.paused) followCurrentWord();
  };
  // timeupdate comes about 4 times a second: too coarse for words, so every frame while playing.
  const tick = () => {
    sync();
    frame = audio.paused || audio.ended ? 0 : requestAnimationFrame(tick);
  };
  const startTicking = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(tick);
  };
  onCleanup(() => {
    cancelAnimationFrame(frame);
    props.onPlayhead(null);
  });

  /** Keeps the word being said in view inside the transcript's own box (never scrolls the page). */
  function followCurrentWord() {
    const index = current();
    const button = index >= 0 ? buttons[index] : undefined;
    if (!box || !button || box.scrollHeight <= box.clientHeight) return;
    const top = button.offsetTop - box.offsetTop;
    if (top >= box.scrollTop && top + button.offsetHeight <= box.scrollTop + box.clientHeight) return;
    box.scrollTo({ top: Math.max(0, top - box.clientHeight / 3), behavior: reducedMotion ? 'auto' : 'smooth' });
  }

  function playFrom(index: number) {
    const word = words()[index];
    if (!word?.playable) return;
    setChosen(index);
    audio.currentTime = seekTimeOf(word, props.recording.durationSeconds);
    setTime(audio.currentTime);
    // Chosen with a click or a key press, so the browser lets it play.
    void audio.play().catch(() => undefined);
  }

  function onWordKey(event: KeyboardEvent, index: number) {
    const playable = words()
      .map((word, position) => (word.playable ? position : -1))
      .filter((position) => position >= 0);
    const at = playable.indexOf(index);
    let next: number | undefined;
    if (event.key === 'ArrowRight' || event.key === 'ArrowDown') next = playable[Math.min(playable.length - 1, at + 1)];
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') next = playable[Math.max(0, at - 1)];
    else if (event.key === 'Home') next = playable[0];
    else if (event.key === 'End') next = playable[playable.length - 1];
    if (next === undefined) return;
    event.preventDefault();
    setFocused(next);
    buttons[next]?.focus();
  }

  function openConfirmation() {
    setProblem(null);
    setConfirming(true);
    queueMicrotask(() => confirmButton?.focus());
  }

  function closeConfirmation() {
    setConfirming(false);
    queueMicrotask(() => deleteButton?.focus());
  }

  async function remove() {
    setDeleting(true);
    try {
      audio.pause();
      await deleteRecording(props.recording.id);
      // The list of recordings updates on its own and this player goes; the page moves focus on.
      props.onDeleted(t('replay:recording.deleted'));
    } catch (error) {
      setProblem(t('replay:recording.deleteFailed', { message: messageOf(error) }));
      setDeleting(false);
    }
  }

  return (
    <div class="replay-recording stack-tight" data-testid="replay-recording" data-recording-id={props.recording.id}>
      <audio
        ref={audio}
        class="replay-audio"
        controls
        preload="metadata"
        src={url}
        aria-label={label()}
        onPlay={startTicking}
        onPause={sync}
        onEnded={sync}
        onSeeked={sync}
        onTimeUpdate={sync}
      />
      <p class="muted small">
        {t('replay:recording.meta', { duration: formatDuration(props.recording.durationSeconds * 1000), size: formatBytes(props.recording.bytes) })}
      </p>
      <Show when={words().length > 0}>
        <p class="muted small" id={`replay-hint-${props.recording.id}`}>
          {t('replay:transcript.hint')}
        </p>
        <div
          ref={box}
          class="replay-words"
          role="group"
          aria-label={t('replay:transcript.label', { number: props.questionNumber })}
          aria-describedby={`replay-hint-${props.recording.id}`}
          data-testid="replay-words"
          data-current-index={current() >= 0 ? words()[current()]!.index : ''}
        >
          <For each={words()}>
            {(word, position) => (
              <>
                <Show
                  when={word.playable}
                  fallback={
                    <span class="replay-word replay-word-outside" title={t('replay:transcript.outside')}>
                      {word.text.trim()}
                    </span>
                  }
                >
                  <button
                    ref={(element) => (buttons[position()] = element)}
                    type="button"
                    class="replay-word"
                    classList={{ 'replay-word-filler': props.isFiller(props.words[word.index]!) }}
                    tabindex={tabStop() === position() ? 0 : -1}
                    aria-current={current() === position() ? 'true' : undefined}
                    data-index={word.index}
                    data-start={word.audioStart.toFixed(3)}
                    onClick={() => playFrom(position())}
                    onFocus={() => setFocused(position())}
                    onKeyDown={(event) => onWordKey(event, position())}
                  >
                    {word.text.trim()}
                    <Show when={props.isFiller(props.words[word.index]!)}>
                      <span class="visually-hidden"> ({t('replay:transcript.filler')})</span>
                    </Show>
                  </button>
                </Show>{' '}
              </>
            )}
          </For>
        </div>
      </Show>
      <Show
        when={confirming()}
        fallback={
          <div>
            <button type="button" class="button button-small button-danger-outline" ref={deleteButton} onClick={openConfirmation}>
              {t('replay:recording.delete')}
            </button>
          </div>
        }
      >
        <div class="confirm-box stack-tight" role="group" aria-labelledby={`replay-confirm-${props.recording.id}`} onKeyDown={(event) => event.key === 'Escape' && !deleting() && closeConfirmation()}>
          <p id={`replay-confirm-${props.recording.id}`}>{t('replay:recording.confirm')}</p>
          <div class="row">
            <button type="button" class="button button-small button-danger" ref={confirmButton} disabled={deleting()} onClick={() => void remove()}>
              {deleting() ? t('replay:recording.deleting') : t('replay:recording.confirmDelete')}
            </button>
            <button type="button" class="button button-small" disabled={deleting()} onClick={closeConfirmation}>
              {t('replay:recording.keep')}
            </button>
          </div>
        </div>
      </Show>
      <Show when={problem()}>
        {(message) => (
          <p class="error small" role="alert">
            {message()}
          </p>
        )}
      </Show>
    </div>
  );
}
