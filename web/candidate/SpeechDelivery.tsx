// How a spoken answer was delivered, in the report: pace, fillers, long pauses, thinking time and
// repeated words, each against its target range with a coach's explanation; a chart of words per
// minute across the answer with the long pauses shaded and fillers ticked; and the transcript as
// heard, with fillers, repeats and pauses marked in place. All computed on this device from the
// stored word timestamps (workers/speech/metrics/).
import { createMemo, For, Show } from 'solid-js';
import type { SpokenAnswerRecord } from '../data/db.ts';
import { speechMetrics, type Assessment } from '../../workers/speech/metrics/index.ts';
import { markTranscript } from '../ui/transcript-marks.ts';

const WIDTH = 300;
const HEIGHT = 60;

const STATUS_WORDS = { low: 'Below target', ok: 'On target', high: 'Above target' } as const;

function MetricRow(props: { name: string; value: string; assessment: Assessment; testId: string }) {
  const target = () => `${props.assessment.target.min}–${props.assessment.target.max} ${props.assessment.target.unit}`;
  return (
    <li class="speech-metric" data-testid={props.testId} data-status={props.assessment.status ?? 'unjudged'}>
      <div class="row spread">
        <strong>{props.name}</strong>
        <span>
          {props.value} <span class="tag">{props.assessment.status ? STATUS_WORDS[props.assessment.status] : 'Not judged'}</span>
        </span>
      </div>
      <p class="muted small">Target: {target()}</p>
      <details>
        <summary class="small">What this means</summary>
        <p class="small">{props.assessment.explanation}</p>
      </details>
    </li>
  );
}

export function SpeechDelivery(props: { voice: SpokenAnswerRecord; answer: string }) {
  const metrics = createMemo(() => speechMetrics({ words: props.voice.words, language: props.voice.language, answerEndSeconds: props.voice.recordingSeconds }));
  const marked = createMemo(() => markTranscript(metrics()));
  const span = () => Math.max(1, metrics().span.durationSeconds);
  const x = (seconds: number) => (seconds / span()) * WIDTH;
  const topWpm = () => Math.max(200, ...metrics().pace.overTime.map((point) => point.wpm));
  const y = (wpm: number) => HEIGHT - 4 - (wpm / topWpm()) * (HEIGHT - 8);
  const paceLine = () =>
    metrics()
      .pace.overTime.map((point, index) => `${index === 0 ? 'M' : 'L'}${x(point.atSeconds).toFixed(1)},${y(point.wpm).toFixed(1)}`)
      .join(' ');
  const edited = () => props.answer.trim() !== props.voice.transcribed.trim();

  return (
    <section class="stack-tight speech-delivery" data-testid="speech-delivery" aria-label="How you spoke">
      <h4>How you spoke</h4>
      <ul class="speech-metrics">
        <MetricRow name="Speaking rate" testId="metric-pace" value={`${Math.round(metrics().pace.talkTimeWpm)} words per minute`} assessment={metrics().pace.assessment} />
        <MetricRow
          name="Filler words"
          testId="metric-fillers"
          value={`${metrics().fillers.count} (${metrics().fillers.per100Words.toFixed(1)} per 100 words)`}
          assessment={metrics().fillers.assessment}
        />
        <MetricRow name="Long pauses (over 2 s)" testId="metric-pauses" value={String(metrics().pauses.count)} assessment={metrics().pauses.assessment} />
        <MetricRow
          name="Thinking time"
          testId="metric-thinking"
          value={`${Math.round(metrics().talkTime.thinkingShare * 100)}% (${metrics().talkTime.thinkingSeconds.toFixed(1)} s of ${metrics().span.durationSeconds.toFixed(1)} s)`}
          assessment={metrics().talkTime.assessment}
        />
        <MetricRow name="Repeated words" testId="metric-repeats" value={String(metrics().repeats.count)} assessment={metrics().repeats.assessment} />
      </ul>
      <Show when={metrics().pace.overTime.length > 1}>
        <svg class="timeline" data-testid="speech-timeline" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" role="img" aria-label={`Speaking rate over ${Math.round(span())} seconds, with ${metrics().pauses.count} long pauses and ${metrics().fillers.count} fillers marked`}>
          <For each={metrics().pauses.pauses}>{(pause) => <rect class="timeline-gap" x={x(pause.startSeconds)} y="0" width={Math.max(2, x(pause.endSeconds) - x(pause.startSeconds))} height={HEIGHT} />}</For>
          <For each={metrics().fillers.occurrences}>{(filler) => <line class="timeline-filler" x1={x(filler.startSeconds)} x2={x(filler.startSeconds)} y1={HEIGHT - 10} y2={HEIGHT} />}</For>
          <path class="timeline-eye" d={paceLine()} />
        </svg>
        <div class="legend" aria-hidden="true">
          <span>— words per minute</span>
          <span>▮ pause over 2 s</span>
          <span>| filler</span>
          <span>{Math.round(span())} s</span>
        </div>
      </Show>
      <details>
        <summary class="small">Transcript as heard{edited() ? ' (you edited it before submitting)' : ''}</summary>
        <p class="transcript small" data-testid="marked-transcript">
          <For each={marked()}>
            {(word) => (
              <>
                <Show when={word.filler || word.repeated} fallback={<span>{word.text}</span>}>
                  <mark class={word.filler ? 'filler' : 'repeat'} title={word.filler ? `Filler: ${word.filler}` : 'Repeated word'}>
                    {word.text}
                  </mark>
                </Show>{' '}
                <Show when={word.pauseAfterSeconds}>{(seconds) => <span class="pause-mark">[pause {seconds().toFixed(1)} s] </span>}</Show>
              </>
            )}
          </For>
        </p>
      </details>
      <For each={metrics().notes}>{(note) => <p class="muted small">{note.message}</p>}</For>
    </section>
  );
}
