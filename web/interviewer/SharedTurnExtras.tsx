// What a candidate shares of one answer beyond its text and score: speech and camera figures (numbers
// only) and the recordings, played from the server with the interviewer's session.
import { For, Show } from 'solid-js';
import type { InterviewDetail } from '../../sync-server/protocol/index.ts';
import { t } from '../i18n/i18n.ts';
import '../candidate/sharing.css';

type Turn = InterviewDetail['turns'][number];

const percent = (share: number | null) => (share === null ? t('sharing:interviewer.unknown') : `${Math.round(share * 100)}%`);

export function SharedTurnExtras(props: { interviewId: string; turn: Turn }) {
  return (
    <>
      <Show when={!props.turn.skipped && props.turn.answer === ''}>
        <p class="muted small">{t('sharing:interviewer.notShared')}</p>
      </Show>
      <Show when={props.turn.speechMetrics}>
        {(speech) => (
          <section aria-label={t('sharing:interviewer.speechTitle')} data-testid="shared-speech-metrics">
            <h3 class="small">{t('sharing:interviewer.speechTitle')}</h3>
            <dl class="facts">
              <dt>{t('sharing:interviewer.words')}</dt>
              <dd>{speech().wordCount}</dd>
              <dt>{t('sharing:interviewer.pace')}</dt>
              <dd>{Math.round(speech().talkTimeWpm)}</dd>
              <dt>{t('sharing:interviewer.fillers')}</dt>
              <dd>{speech().fillerCount}</dd>
              <dt>{t('sharing:interviewer.pauses')}</dt>
              <dd>{speech().longPauseCount}</dd>
              <dt>{t('sharing:interviewer.thinking')}</dt>
              <dd>{percent(speech().thinkingShare)}</dd>
              <dt>{t('sharing:interviewer.repeats')}</dt>
              <dd>{speech().repeatCount}</dd>
              <dt>{t('sharing:interviewer.duration')}</dt>
              <dd>{Math.round(speech().durationSeconds)}</dd>
            </dl>
          </section>
        )}
      </Show>
      <Show when={props.turn.cameraMetrics}>
        {(camera) => (
          <section aria-label={t('sharing:interviewer.cameraTitle')} data-testid="shared-camera-metrics">
            <h3 class="small">{t('sharing:interviewer.cameraTitle')}</h3>
            <dl class="facts">
              <dt>{t('sharing:interviewer.inView')}</dt>
              <dd>{percent(camera().inView)}</dd>
              <dt>{t('sharing:interviewer.eyeContact')}</dt>
              <dd>{percent(camera().eyeContact)}</dd>
              <dt>{t('sharing:interviewer.smiled')}</dt>
              <dd>{camera().smiledSeconds}</dd>
              <dt>{t('sharing:interviewer.head')}</dt>
              <dd>{camera().headMovement ? t(`sharing:interviewer.head_${camera().headMovement}`) : t('sharing:interviewer.unknown')}</dd>
              <dt>{t('sharing:interviewer.blinks')}</dt>
              <dd>{camera().blinksPerMinute ?? t('sharing:interviewer.unknown')}</dd>
              <dt>{t('sharing:interviewer.otherFaces')}</dt>
              <dd>{camera().otherFaceSeconds}</dd>
            </dl>
          </section>
        )}
      </Show>
      <For each={props.turn.recordings ?? []}>
        {(recordingId, index) => (
          <audio
            controls
            preload="none"
            data-testid="shared-recording"
            aria-label={t('sharing:interviewer.recording', { number: index() + 1 })}
            src={`/api/interviewer/interviews/${encodeURIComponent(props.interviewId)}/recordings/${encodeURIComponent(recordingId)}`}
          />
        )}
      </For>
    </>
  );
}
