// A spoken answer on one line, for the replay: each word as a bar where it was said, the long pauses
// shaded and the filler words ticked (the report's speech metrics, workers/speech/metrics/), and a
// line where the recording is playing. The picture is decoration for sighted readers; its label says
// the same in words, and the transcript beside it is the full text.
import { createMemo, For, Show } from 'solid-js';
import type { SpokenAnswerRecord } from '../data/db.ts';
import { intlLocale, t } from '../i18n/i18n.ts';
import { speechMetrics } from '../../workers/speech/metrics/index.ts';

const WIDTH = 300;
const HEIGHT = 40;

export function SpeechTimeline(props: { voice: SpokenAnswerRecord; /** Seconds on the word timeline, or null when nothing plays. */ playhead: number | null }) {
  const metrics = createMemo(() => speechMetrics({ words: props.voice.words, language: props.voice.language, answerEndSeconds: props.voice.recordingSeconds }));
  const span = () => Math.max(1, props.voice.recordingSeconds, ...props.voice.words.map((word) => word.end));
  const x = (seconds: number) => Math.max(0, Math.min(WIDTH, (seconds / span()) * WIDTH));
  const seconds = (value: number) => new Intl.NumberFormat(intlLocale(), { maximumFractionDigits: 0 }).format(value);
  const label = () =>
    t('replay:speech.label', {
      seconds: seconds(span()),
      pauses: metrics().pauses.count,
      fillers: metrics().fillers.count,
    });

  return (
    <div class="stack-tight" data-testid="replay-speech-timeline">
      <svg class="replay-timeline" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" role="img" aria-label={label()}>
        <For each={metrics().pauses.pauses}>{(pause) => <rect class="timeline-gap" x={x(pause.startSeconds)} y="0" width={Math.max(2, x(pause.endSeconds) - x(pause.startSeconds))} height={HEIGHT} />}</For>
        <For each={props.voice.words}>{(word) => <rect class="replay-timeline-word" x={x(word.start)} y={HEIGHT / 2 - 4} width={Math.max(1, x(word.end) - x(word.start))} height="8" />}</For>
        <For each={metrics().fillers.occurrences}>{(filler) => <line class="timeline-filler" x1={x(filler.startSeconds)} x2={x(filler.startSeconds)} y1={HEIGHT - 12} y2={HEIGHT} />}</For>
        <Show when={props.playhead !== null}>
          <line class="replay-playhead" data-testid="replay-playhead" x1={x(props.playhead ?? 0)} x2={x(props.playhead ?? 0)} y1="0" y2={HEIGHT} />
        </Show>
      </svg>
      <div class="legend" aria-hidden="true">
        <span>{t('replay:speech.words')}</span>
        <span>{t('replay:speech.pause')}</span>
        <span>{t('replay:speech.filler')}</span>
        <span>{t('replay:speech.playhead')}</span>
        <span>{t('replay:speech.seconds', { seconds: seconds(span()) })}</span>
      </div>
    </div>
  );
}
