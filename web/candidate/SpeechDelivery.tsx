// How a spoken answer was delivered, in the report: pace, fillers, long pauses, thinking time and
// repeated words, each against its target range with a coach's explanation; a chart of words per
// minute across the answer with the long pauses shaded and fillers ticked; and the transcript as
// heard, with fillers, repeats and pauses marked in place. All computed on this device from the
// stored word timestamps (workers/speech/metrics/), and said in the interface language
// (web/ui/speech-explanations.ts).
import { createMemo, For, Show } from 'solid-js';
import type { SpokenAnswerRecord } from '../data/db.ts';
import { speechMetrics, type Assessment, type SpeechMetrics } from '../../workers/speech/metrics/index.ts';
import { t } from '../i18n/i18n.ts';
import { explainMetric, noteText, oneDecimal, targetRange, type MetricName } from '../ui/speech-explanations.ts';
import { markTranscript } from '../ui/transcript-marks.ts';

const WIDTH = 300;
const HEIGHT = 60;

function MetricRow(props: { metric: MetricName; metrics: SpeechMetrics; value: string; assessment: Assessment; testId: string }) {
  return (
    <li class="speech-metric" data-testid={props.testId} data-status={props.assessment.status ?? 'unjudged'}>
      <div class="row spread">
        <strong>{t(`report-speech:speech.metrics.${props.metric}`)}</strong>
        <span>
          {props.value} <span class="tag">{t(`report-speech:speech.status.${props.assessment.status ?? 'none'}`)}</span>
        </span>
      </div>
      <p class="muted small">{t('report-speech:speech.target', { range: targetRange(props.metric, props.assessment) })}</p>
      <details>
        <summary class="small">{t('report-speech:speech.whatThisMeans')}</summary>
        <p class="small">{explainMetric(props.metric, props.metrics)}</p>
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
    <section class="stack-tight speech-delivery" data-testid="speech-delivery" aria-label={t('report-speech:speech.title')}>
      <h4>{t('report-speech:speech.title')}</h4>
      <ul class="speech-metrics">
        <MetricRow
          metric="pace"
          metrics={metrics()}
          testId="metric-pace"
          value={t('report-speech:speech.metrics.paceValue', { wpm: Math.round(metrics().pace.talkTimeWpm) })}
          assessment={metrics().pace.assessment}
        />
        <MetricRow
          metric="fillers"
          metrics={metrics()}
          testId="metric-fillers"
          value={t('report-speech:speech.metrics.fillersValue', { count: metrics().fillers.count, per100: oneDecimal(metrics().fillers.per100Words) })}
          assessment={metrics().fillers.assessment}
        />
        <MetricRow metric="pauses" metrics={metrics()} testId="metric-pauses" value={String(metrics().pauses.count)} assessment={metrics().pauses.assessment} />
        <MetricRow
          metric="thinking"
          metrics={metrics()}
          testId="metric-thinking"
          value={t('report-speech:speech.metrics.thinkingValue', {
            percent: Math.round(metrics().talkTime.thinkingShare * 100),
            thinking: oneDecimal(metrics().talkTime.thinkingSeconds),
            total: oneDecimal(metrics().span.durationSeconds),
          })}
          assessment={metrics().talkTime.assessment}
        />
        <MetricRow metric="repeats" metrics={metrics()} testId="metric-repeats" value={String(metrics().repeats.count)} assessment={metrics().repeats.assessment} />
      </ul>
      <Show when={metrics().pace.overTime.length > 1}>
        <svg
          class="timeline"
          data-testid="speech-timeline"
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          preserveAspectRatio="none"
          role="img"
          aria-label={t('report-speech:speech.chart.label', { seconds: Math.round(span()), pauses: metrics().pauses.count, fillers: metrics().fillers.count })}
        >
          <For each={metrics().pauses.pauses}>{(pause) => <rect class="timeline-gap" x={x(pause.startSeconds)} y="0" width={Math.max(2, x(pause.endSeconds) - x(pause.startSeconds))} height={HEIGHT} />}</For>
          <For each={metrics().fillers.occurrences}>{(filler) => <line class="timeline-filler" x1={x(filler.startSeconds)} x2={x(filler.startSeconds)} y1={HEIGHT - 10} y2={HEIGHT} />}</For>
          <path class="timeline-eye" d={paceLine()} />
        </svg>
        <div class="legend" aria-hidden="true">
          <span>{t('report-speech:speech.chart.wpm')}</span>
          <span>{t('report-speech:speech.chart.pause')}</span>
          <span>{t('report-speech:speech.chart.filler')}</span>
          <span>{t('report-speech:speech.chart.seconds', { seconds: Math.round(span()) })}</span>
        </div>
      </Show>
      <details>
        <summary class="small">{edited() ? t('report-speech:speech.transcript.titleEdited') : t('report-speech:speech.transcript.title')}</summary>
        <p class="transcript small" data-testid="marked-transcript">
          <For each={marked()}>
            {(word) => (
              <>
                <Show when={word.filler || word.repeated} fallback={<span>{word.text}</span>}>
                  <mark class={word.filler ? 'filler' : 'repeat'} title={word.filler ? t('report-speech:speech.transcript.filler', { filler: word.filler }) : t('report-speech:speech.transcript.repeated')}>
                    {word.text}
                  </mark>
                </Show>{' '}
                <Show when={word.pauseAfterSeconds}>{(seconds) => <span class="pause-mark">{t('report-speech:speech.transcript.pause', { seconds: oneDecimal(seconds()) })} </span>}</Show>
              </>
            )}
          </For>
        </p>
      </details>
      <For each={metrics().notes}>{(note) => <p class="muted small">{noteText(note, metrics().language)}</p>}</For>
    </section>
  );
}
