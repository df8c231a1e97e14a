// The replay of a finished interview (/replay/:id): per question, the candidate's own recording (when
// they chose to keep it) with the transcript's words lit up as they were said, beside the speech
// timeline (pauses and fillers, with where the recording is) and the camera timeline; the timelines
// stack under the transcript on a phone. Everything comes from this device: the stored turns
// (TurnRecord.voice for the words, .vision for the camera) and the recordings table. Each recording
// can be deleted here.
import { A, useParams } from '@solidjs/router';
import { createMemo, createSignal, For, Match, Show, Switch } from 'solid-js';
import type { InterviewRecord, RecordingRecord, TurnRecord } from '../data/db.ts';
import { getInterview } from '../data/interviews.ts';
import { listRecordings } from '../data/recordings.ts';
import { t } from '../i18n/i18n.ts';
import { VisionTimeline } from '../candidate/VisionTimeline.tsx';
import { formatDate, INTERVIEW_TYPE_LABELS, QUESTION_KIND_LABELS, SENIORITY_LABELS } from '../ui/format.ts';
import { createLiveQuery } from '../ui/live-query.ts';
import { createLoad } from '../ui/load.ts';
import { LoadStates } from '../ui/LoadStates.tsx';
import { focusElement, messageOf, usePageTitle } from '../ui/page.ts';
import { speechMetrics } from '../../workers/speech/metrics/index.ts';
import { RecordingPlayer } from './RecordingPlayer.tsx';
import { SpeechTimeline } from './SpeechTimeline.tsx';
import { assignWords, type TimedWord } from './word-timeline.ts';
import './replay.css';

export default function ReplayPage() {
  usePageTitle(() => t('replay:title'));
  const params = useParams();
  const data = createLoad(() => params.id, (id) => getInterview(id));

  return (
    <LoadStates data={data()} loadingText={t('replay:loading')} errorTitle={t('replay:errorTitle')} notFoundTitle={t('replay:notFoundTitle')} notFoundText={t('replay:notFoundText')}>
      {(found) => (
        <Switch>
          <Match when={found.interview.status !== 'completed'}>
            <div class="card stack">
              <h1>{t('replay:title')}</h1>
              <p>{t('replay:unfinished')}</p>
              <div>
                <A href={`/interview/${found.interview.id}`} class="button button-primary">
                  {t('replay:continue')}
                </A>
              </div>
            </div>
          </Match>
          <Match when={true}>
            <Replay interview={found.interview} turns={found.turns} />
          </Match>
        </Switch>
      )}
    </LoadStates>
  );
}

function Replay(props: { interview: InterviewRecord; turns: TurnRecord[] }) {
  const recordings = createLiveQuery(() => listRecordings(props.interview.id));
  const byTurn = createMemo(() => {
    const grouped = new Map<string, RecordingRecord[]>();
    for (const recording of recordings.value() ?? []) grouped.set(recording.turnId, [...(grouped.get(recording.turnId) ?? []), recording]);
    return grouped;
  });
  const asked = () => props.turns.filter((turn) => turn.status !== 'open');
  const [status, setStatus] = createSignal('');
  const spec = () => props.interview.spec;

  return (
    <div class="stack replay-page">
      <div class="page-header">
        <p class="eyebrow">{spec().role}</p>
        <h1>{t('replay:title')}</h1>
        <p class="muted">
          {SENIORITY_LABELS[spec().seniority]} · {INTERVIEW_TYPE_LABELS[spec().type]} · {formatDate(props.interview.completedAt ?? props.interview.startedAt)}
        </p>
      </div>
      <div class="stack-tight">
        <p>{t('replay:intro')}</p>
        <p class="muted small">{t('replay:privacy')}</p>
        <div>
          <A href={`/report/${props.interview.id}`}>{t('replay:backToReport')}</A>
        </div>
      </div>
      <div class="visually-hidden" role="status" aria-live="polite" data-testid="replay-status">
        {status()}
      </div>
      <Show when={recordings.error()}>
        {(error) => (
          <p class="card error" role="alert">
            {t('replay:recordingsError', { message: messageOf(error()) })}
          </p>
        )}
      </Show>
      <Show when={asked().length > 0} fallback={<p class="card muted">{t('replay:none')}</p>}>
        <For each={asked()}>{(turn) => <ReplayTurn turn={turn} recordings={byTurn().get(turn.id) ?? []} loaded={recordings.loaded()} onStatus={setStatus} />}</For>
      </Show>
    </div>
  );
}

function ReplayTurn(props: { turn: TurnRecord; recordings: RecordingRecord[]; loaded: boolean; onStatus: (message: string) => void }) {
  const number = () => props.turn.index + 1;
  const voice = () => (props.turn.voice?.words.length ? props.turn.voice : null);
  const words = (): readonly TimedWord[] => voice()?.words ?? [];
  const holders = createMemo(() => assignWords(words(), props.recordings));
  const wordsOf = (position: number) => holders().flatMap((holder, index) => (holder === position ? [index] : []));
  const fillers = createMemo(() => {
    const spoken = voice();
    return spoken ? speechMetrics({ words: spoken.words, language: spoken.language, answerEndSeconds: spoken.recordingSeconds }).fillers.occurrences : [];
  });
  // The metrics split and clean words, so a filler is found by when it was said.
  const isFiller = (word: TimedWord) => fillers().some((filler) => word.start >= filler.startSeconds - 1e-6 && word.start < filler.endSeconds);
  const edited = () => {
    const spoken = voice();
    return spoken !== null && (props.turn.answer ?? '').trim() !== spoken.transcribed.trim();
  };
  const [playhead, setPlayhead] = createSignal<number | null>(null);
  let heading: HTMLHeadingElement | undefined;

  const deleted = (message: string) => {
    props.onStatus(message);
    setPlayhead(null);
    queueMicrotask(() => focusElement(heading));
  };

  return (
    <article class="card stack replay-turn" aria-labelledby={`replay-question-${number()}`} data-testid="replay-turn" data-turn-id={props.turn.id}>
      <div class="row spread">
        <span class="eyebrow">
          {t('replay:question', { number: number() })} · {QUESTION_KIND_LABELS[props.turn.question.kind]}
        </span>
        <Show when={props.turn.status === 'skipped'}>
          <span class="tag">{t('replay:skipped')}</span>
        </Show>
      </div>
      <h2 id={`replay-question-${number()}`} class="replay-question" tabindex="-1" ref={heading}>
        {props.turn.question.text}
      </h2>
      <Show when={props.turn.status === 'answered'}>
        <div class="replay-grid">
          <section class="stack-tight replay-main" aria-labelledby={`replay-answer-${number()}`}>
            <h3 id={`replay-answer-${number()}`}>{t('replay:answerHeading')}</h3>
            <For each={props.recordings}>
              {(recording, position) => (
                <RecordingPlayer
                  recording={recording}
                  words={words()}
                  indexes={wordsOf(position())}
                  isFiller={isFiller}
                  questionNumber={number()}
                  part={props.recordings.length > 1 ? position() + 1 : null}
                  onPlayhead={setPlayhead}
                  onDeleted={deleted}
                />
              )}
            </For>
            <Switch>
              <Match when={voice() && props.loaded && props.recordings.length === 0}>
                <p class="muted small" data-testid="replay-no-recording">
                  {t('replay:transcript.noRecording')}
                </p>
                <p class="replay-words replay-words-plain" aria-label={t('replay:transcript.plainLabel', { number: number() })} data-testid="replay-plain-words">
                  <For each={words()}>
                    {(word) => (
                      <>
                        <span class="replay-word" classList={{ 'replay-word-filler': isFiller(word) }}>
                          {word.text.trim()}
                          <Show when={isFiller(word)}>
                            <span class="visually-hidden"> ({t('replay:transcript.filler')})</span>
                          </Show>
                        </span>{' '}
                      </>
                    )}
                  </For>
                </p>
              </Match>
              <Match when={!voice()}>
                <p class="muted small" data-testid="replay-no-words">
                  {props.recordings.length > 0 ? t('replay:transcript.noWords') : t('replay:transcript.typed')}
                </p>
                <p class="pre-line">{props.turn.answer}</p>
              </Match>
            </Switch>
            <Show when={edited()}>
              <p class="muted small">{t('replay:transcript.edited')}</p>
            </Show>
          </section>
          <Show when={voice() || props.turn.vision?.length}>
            <div class="stack-tight replay-side">
              <Show when={voice()}>
                {(spoken) => (
                  <section class="stack-tight" aria-labelledby={`replay-speech-${number()}`}>
                    <h3 id={`replay-speech-${number()}`}>{t('replay:speech.heading')}</h3>
                    <SpeechTimeline voice={spoken()} playhead={playhead()} />
                  </section>
                )}
              </Show>
              <Show when={props.turn.vision?.length ? props.turn.vision : null}>
                {(samples) => (
                  <section class="stack-tight" aria-labelledby={`replay-camera-${number()}`}>
                    <h3 id={`replay-camera-${number()}`}>{t('replay:camera.heading')}</h3>
                    <VisionTimeline samples={samples()} />
                  </section>
                )}
              </Show>
            </div>
          </Show>
        </div>
      </Show>
    </article>
  );
}
