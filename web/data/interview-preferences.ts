// How the candidate likes to be interviewed on this device: the camera on or off, questions read
// aloud or not, and in which voice. Remembered between interviews; all off until chosen.
// Owns: reading and writing those settings. Must not import: Solid, the UI.
import { withStorageErrors } from './storage-errors.ts';
import { readSetting, writeSetting } from './setting-rows.ts';

export function getCameraOn(): Promise<boolean> {
  return withStorageErrors(async () => (await readSetting<boolean>('cameraOn')) ?? false);
}

export function setCameraOn(on: boolean): Promise<void> {
  return writeSetting('cameraOn', on);
}

export function getSpeakQuestions(): Promise<boolean> {
  return withStorageErrors(async () => (await readSetting<boolean>('speakQuestions')) ?? false);
}

export function setSpeakQuestions(on: boolean): Promise<void> {
  return writeSetting('speakQuestions', on);
}

/** The chosen voice's URI, or null for the device's default voice for the language. */
export function getQuestionVoice(): Promise<string | null> {
  return withStorageErrors(async () => (await readSetting<string>('questionVoice')) ?? null);
}

export function setQuestionVoice(uri: string | null): Promise<void> {
  return writeSetting('questionVoice', uri);
}

/** Seconds of silence after speech that end a spoken answer. */
export const ANSWER_SILENCE_CHOICES = [1.5, 2.5, 4, 6] as const;
export const DEFAULT_ANSWER_SILENCE_SECONDS = 2.5;

export function getAnswerSilenceSeconds(): Promise<number> {
  return withStorageErrors(async () => {
    const stored = await readSetting<number>('answerSilenceSeconds');
    return typeof stored === 'number' && stored > 0 ? stored : DEFAULT_ANSWER_SILENCE_SECONDS;
  });
}

export function setAnswerSilenceSeconds(seconds: number): Promise<void> {
  return writeSetting('answerSilenceSeconds', seconds);
}
