// How the candidate likes to be interviewed on this device: the camera on or off, questions read
// aloud or not, and in which voice. Remembered between interviews; all off until chosen.
// Owns: reading and writing those settings. Must not import: Solid, the UI.
import { getDb, type SettingKey } from './db.ts';
import { withStorageErrors } from './storage-errors.ts';

async function read<T>(key: SettingKey): Promise<T | undefined> {
  const row = await getDb().settings.get(key);
  return row?.value as T | undefined;
}

function write(key: SettingKey, value: unknown): Promise<void> {
  return withStorageErrors(async () => {
    await getDb().settings.put({ key, value });
  });
}

export function getCameraOn(): Promise<boolean> {
  return withStorageErrors(async () => (await read<boolean>('cameraOn')) ?? false);
}

export function setCameraOn(on: boolean): Promise<void> {
  return write('cameraOn', on);
}

export function getSpeakQuestions(): Promise<boolean> {
  return withStorageErrors(async () => (await read<boolean>('speakQuestions')) ?? false);
}

export function setSpeakQuestions(on: boolean): Promise<void> {
  return write('speakQuestions', on);
}

/** The chosen voice's URI, or null for the device's default voice for the language. */
export function getQuestionVoice(): Promise<string | null> {
  return withStorageErrors(async () => (await read<string>('questionVoice')) ?? null);
}

export function setQuestionVoice(uri: string | null): Promise<void> {
  return write('questionVoice', uri);
}
