// One answer's camera timeline in the report: eye contact (solid line) and smiling (dashed) second by
// second, with the seconds when no face was in view shaded, and the answer's line in words.
import { For, Show } from 'solid-js';
import type { VisionSample } from '../../workers/vision/api.ts';
import { t } from '../i18n/i18n.ts';
import { answerBehaviour, describeAnswerBehaviour } from '../ui/visible-behaviour.ts';

const WIDTH = 300;
const HEIGHT = 60;

export function VisionTimeline(props: { samples: readonly VisionSample[] }) {
  const behaviour = () => answerBehaviour(props.samples);
  const last = () => Math.max(1, ...props.samples.map((sample) => sample.second));
  const x = (second: number) => (second / last()) * WIDTH;
  const y = (value: number) => HEIGHT - 4 - value * (HEIGHT - 8);
  const line = (value: (sample: VisionSample) => number | null) =>
    props.samples
      .filter((sample) => value(sample) !== null)
      .map((sample, index) => `${index === 0 ? 'M' : 'L'}${x(sample.second).toFixed(1)},${y(value(sample)!).toFixed(1)}`)
      .join(' ');

  return (
    <div class="stack-tight" data-testid="vision-timeline">
      <p class="small">{describeAnswerBehaviour(behaviour())}</p>
      <Show when={behaviour().seconds > 1}>
        <svg class="timeline" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" role="img" aria-label={t('report-speech:camera.timeline.label', { seconds: behaviour().seconds, description: describeAnswerBehaviour(behaviour()) })}>
          <For each={props.samples.filter((sample) => sample.framesWithFace === 0)}>
            {(sample) => <rect class="timeline-gap" x={x(sample.second)} y="0" width={Math.max(2, WIDTH / last())} height={HEIGHT} />}
          </For>
          <path class="timeline-eye" d={line((sample) => sample.eyeContact)} />
          <path class="timeline-smile" d={line((sample) => sample.smile)} />
        </svg>
        <div class="legend" aria-hidden="true">
          <span>{t('report-speech:camera.timeline.eye')}</span>
          <span>{t('report-speech:camera.timeline.smile')}</span>
          <span>{t('report-speech:camera.timeline.noFace')}</span>
          <span>{t('report-speech:camera.timeline.seconds', { seconds: behaviour().seconds })}</span>
        </div>
      </Show>
    </div>
  );
}
