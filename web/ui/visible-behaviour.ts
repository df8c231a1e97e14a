// Camera samples in words: what was seen ("looked at the camera 70% of the time", "smiled in 4 of 10
// answers"), never what it might mean about feelings or personality. The report says so once.
// Sentences are in the interface language (the `report-speech` catalogue), read when called.
// Owns: VisionSample[] → figures and sentences. Must not import: Solid components, Dexie.
import type { VisionSample } from '../../workers/vision/api.ts';
import { intlLocale, t } from '../i18n/i18n.ts';

/** The note under the camera's figures, in the interface language. */
export function visibleBehaviourNote(): string {
  return t('report-speech:camera.note');
}

/**
 * @deprecated The note in English only, for callers not yet translated; use visibleBehaviourNote(),
 * which follows the interface language.
 */
export const VISIBLE_BEHAVIOUR_NOTE =
  'These describe what the camera saw (where you looked, how your head moved, when you smiled), not what you felt or who you are. Lighting, glasses and where the camera sits all change them.';

// A smile blendshape above this, held for some of a second, counts as smiling in that second.
const SMILE = 0.4;
// Degrees per frame: below is a steady head, above the second a lot of movement.
const STEADY_HEAD = 1;
const BUSY_HEAD = 3;

export interface AnswerBehaviour {
  seconds: number;
  /** Share of seconds with a face in view. */
  inView: number;
  /** Share of in-view time spent looking at the camera, or null with no face seen. */
  eyeContact: number | null;
  smiledSeconds: number;
  headMovement: 'steady' | 'some' | 'a lot' | null;
  blinksPerMinute: number | null;
  /** Seconds in which more than one face was in view. */
  otherFaceSeconds: number;
}

export function answerBehaviour(samples: readonly VisionSample[]): AnswerBehaviour {
  const counted = samples.filter((sample) => sample.frames > 0);
  const withFace = counted.filter((sample) => sample.framesWithFace > 0);
  const weight = withFace.reduce((sum, sample) => sum + sample.framesWithFace, 0);
  const eyeContact = weight === 0 ? null : withFace.reduce((sum, sample) => sum + (sample.eyeContact ?? 0) * sample.framesWithFace, 0) / weight;
  const movement = withFace.map((sample) => sample.headMovement).filter((value): value is number => value !== null);
  const meanMovement = movement.length === 0 ? null : movement.reduce((sum, value) => sum + value, 0) / movement.length;
  const blinks = withFace.reduce((sum, sample) => sum + sample.blinks, 0);
  return {
    seconds: counted.length,
    inView: counted.length === 0 ? 0 : withFace.length / counted.length,
    eyeContact,
    smiledSeconds: withFace.filter((sample) => (sample.smile ?? 0) >= SMILE).length,
    headMovement: meanMovement === null ? null : meanMovement < STEADY_HEAD ? 'steady' : meanMovement < BUSY_HEAD ? 'some' : 'a lot',
    blinksPerMinute: withFace.length === 0 ? null : Math.round((blinks / withFace.length) * 60),
    otherFaceSeconds: counted.filter((sample) => sample.framesWithSeveralFaces > 0).length,
  };
}

const percent = (share: number) => new Intl.NumberFormat(intlLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(Math.round(share * 100) / 100);

const HEAD_KEYS = { steady: 'headSteady', some: 'headSome', 'a lot': 'headALot' } as const;

/** One or two sentences about one answer. */
export function describeAnswerBehaviour(behaviour: AnswerBehaviour): string {
  if (behaviour.seconds === 0) return t('report-speech:camera.nothing');
  if (behaviour.eyeContact === null) return t('report-speech:camera.noFace');
  // A list of what was seen, each part a whole phrase in the catalogue; only the separator joins them.
  const parts = [t('report-speech:camera.lookedAt', { percent: percent(behaviour.eyeContact) })];
  if (behaviour.inView < 0.9) parts.push(t('report-speech:camera.inView', { percent: percent(behaviour.inView) }));
  if (behaviour.headMovement) parts.push(t(`report-speech:camera.${HEAD_KEYS[behaviour.headMovement]}`));
  parts.push(behaviour.smiledSeconds === 0 ? t('report-speech:camera.noSmiles') : t('report-speech:camera.smiled', { smiled: behaviour.smiledSeconds, count: behaviour.seconds }));
  const sentence = t('report-speech:camera.sentence', { parts: parts.join(t('report-speech:camera.separator')) });
  return behaviour.otherFaceSeconds > 0 ? t('report-speech:camera.withOtherFace', { sentence, seconds: behaviour.otherFaceSeconds }) : sentence;
}

/** A line for the whole interview, over the answers that had the camera on. */
export function describeInterviewBehaviour(answers: readonly AnswerBehaviour[]): string | null {
  const seen = answers.filter((answer) => answer.eyeContact !== null);
  if (seen.length === 0) return null;
  const seconds = seen.reduce((sum, answer) => sum + answer.seconds, 0);
  const eyeContact = seen.reduce((sum, answer) => sum + (answer.eyeContact ?? 0) * answer.seconds, 0) / Math.max(1, seconds);
  const smiled = seen.filter((answer) => answer.smiledSeconds > 0).length;
  return t('report-speech:camera.interview', { percent: percent(eyeContact), smiled, count: seen.length });
}
