// Reading questions aloud with Chromium's real speechSynthesis. Headless Chromium may have no voices;
// the question must still be handed to the synthesiser in the interview's language, and the interview
// must never wait on a voice that cannot speak.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { speakQuestion, speechSynthesisAvailable, stopSpeaking, voicesFor } from './question-voice.ts';

afterEach(() => {
  vi.restoreAllMocks();
  stopSpeaking();
});

describe('question voice', () => {
  it('speaks the question in the interview language, says when it speaks, and always finishes', async () => {
    expect(speechSynthesisAvailable()).toBe(true);
    const speak = vi.spyOn(speechSynthesis, 'speak');
    const changes: boolean[] = [];
    const finished = speakQuestion('Tell me about a time you led a project.', { language: 'en-GB', onSpeakingChange: (speaking) => changes.push(speaking) });
    expect(speak).toHaveBeenCalledTimes(1);
    const utterance = speak.mock.calls[0]![0];
    expect(utterance.text).toBe('Tell me about a time you led a project.');
    expect(utterance.lang).toBe('en-GB');
    // Spoken, failed for want of a voice, or cut short: either way the promise settles.
    await Promise.race([finished, new Promise((resolve) => setTimeout(resolve, 10_000)).then(() => stopSpeaking())]);
    await finished;
    expect(changes[0]).toBe(true);
    expect(changes[changes.length - 1]).toBe(false);
  });

  it('lists only voices of the language asked for', async () => {
    const voices = await voicesFor('de');
    expect(voices.every((voice) => voice.lang.toLowerCase().startsWith('de'))).toBe(true);
  });

  it('does nothing for an empty question', async () => {
    const speak = vi.spyOn(speechSynthesis, 'speak');
    await speakQuestion('   ', { language: 'en' });
    expect(speak).not.toHaveBeenCalled();
  });
});
