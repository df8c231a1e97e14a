// Reads questions aloud with the browser's speechSynthesis. The voice is the candidate's choice among
// those the device has for the interview's language; while a question is spoken, `speaking` is true,
// so voice answering keeps the microphone muted and the question is not transcribed as an answer.
// Owns: speaking one question at a time, and the voice list. Must not import: Solid, Dexie.

export interface VoiceOption {
  uri: string;
  name: string;
  lang: string;
  local: boolean;
}

export function speechSynthesisAvailable(): boolean {
  return typeof speechSynthesis !== 'undefined' && typeof SpeechSynthesisUtterance !== 'undefined';
}

/** The device's voices for a language ('en' matches 'en-GB'), local ones first. Waits briefly for the list. */
export async function voicesFor(language: string): Promise<VoiceOption[]> {
  if (!speechSynthesisAvailable()) return [];
  let voices = speechSynthesis.getVoices();
  if (voices.length === 0) {
    // Chromium fills the list asynchronously; some platforms have no voices at all.
    voices = await new Promise<SpeechSynthesisVoice[]>((resolve) => {
      const done = () => resolve(speechSynthesis.getVoices());
      speechSynthesis.addEventListener('voiceschanged', done, { once: true });
      setTimeout(done, 1_000);
    });
  }
  const base = language.toLowerCase().split('-')[0]!;
  return voices
    .filter((voice) => voice.lang.toLowerCase().split(/[-_]/)[0] === base)
    .sort((a, b) => Number(b.localService) - Number(a.localService) || a.name.localeCompare(b.name))
    .map((voice) => ({ uri: voice.voiceURI, name: voice.name, lang: voice.lang, local: voice.localService }));
}

export interface SpeakOptions {
  language: string;
  voiceUri?: string | null;
  onSpeakingChange?: (speaking: boolean) => void;
}

/**
 * Speaks `text`, replacing whatever was being spoken. Resolves when it has finished (or was
 * cancelled, or the device could not speak it): the interview never waits on a voice that fails.
 */
export function speakQuestion(text: string, options: SpeakOptions): Promise<void> {
  if (!speechSynthesisAvailable() || !text.trim()) return Promise.resolve();
  speechSynthesis.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = options.language;
  const voice = options.voiceUri ? speechSynthesis.getVoices().find((candidate) => candidate.voiceURI === options.voiceUri) : undefined;
  if (voice) utterance.voice = voice;
  return new Promise((resolve) => {
    const finish = () => {
      options.onSpeakingChange?.(false);
      resolve();
    };
    utterance.addEventListener('start', () => options.onSpeakingChange?.(true));
    utterance.addEventListener('end', finish, { once: true });
    utterance.addEventListener('error', finish, { once: true });
    options.onSpeakingChange?.(true);
    speechSynthesis.speak(utterance);
  });
}

export function stopSpeaking(): void {
  if (speechSynthesisAvailable()) speechSynthesis.cancel();
}
