// Voice activity end to end in real Chromium: the fake microphone (espeak-ng sentences with known
// pauses, tests/helpers/media-fixtures.ts) through the real AudioWorklet into real Silero VAD in the
// worker, compared with where the fixture's samples say the speech is.
import { afterEach, describe, expect, inject, it } from 'vitest';
import { startListening, type Listening } from './listen.ts';
import type { SpeechSegment } from './speech-segmenter.ts';
import type { AnswerEnded } from './voice-activity.ts';

const BOUNDARY_TOLERANCE_S = 0.2;
// Longer than the fixture's longest pause between sentences (2.9 s), so the answer ends only after the last one.
const END_OF_ANSWER_SILENCE_MS = 3000;
const FRAME_S = 512 / 16_000;

let listening: Listening | null = null;

afterEach(async () => {
  await listening?.stop();
  listening = null;
});

describe('listening to the microphone', () => {
  // The fake microphone plays in real time: when the machine is too busy to keep the capture fed (CI
  // runs other browser tests beside this one) boundaries land late by a few hundred ms for reasons
  // that are not the detector's (seen once: +120/+340/+110 ms at the starts). Tried again up to
  // twice; a detector that is really off fails all three.
  it('finds the fixture’s sentences within 200 ms at both ends, and ends the answer after the configured silence', { timeout: 45_000, retry: 2 }, async () => {
    const fixture = inject('fakeMicrophone');
    listening = await startListening({ endOfAnswerSilenceMs: END_OF_ANSWER_SILENCE_MS });
    const startedAt = performance.now();
    const live: SpeechSegment[] = [];
    const answerEnds: (AnswerEnded & { receivedAt: number })[] = [];
    const speakingChanges: boolean[] = [];
    listening.voice.onSegment((segment) => live.push(segment));
    listening.voice.onSpeakingChange((speaking) => speakingChanges.push(speaking));
    listening.voice.onAnswerEnded((ended) => answerEnds.push({ ...ended, receivedAt: (performance.now() - startedAt) / 1000 }));
    await new Promise((resolve) => setTimeout(resolve, (fixture.durationSeconds + 0.4) * 1000));
    const { segments, stats, audio } = await listening.stop();
    listening = null;

    const errors = fixture.speechSegments.map((expected, index) => ({
      startMs: Math.round(((segments[index]?.start ?? NaN) - expected.start) * 1000),
      endMs: Math.round(((segments[index]?.end ?? NaN) - expected.end) * 1000),
    }));
    console.info(
      `expected ${JSON.stringify(fixture.speechSegments)}\ndetected ${JSON.stringify(segments.map(rounded))}\n` +
        `errors (ms, detected − expected) ${JSON.stringify(errors)}\nanswer ended ${JSON.stringify(answerEnds)}\n` +
        `model ${stats.frames} frames, ${stats.medianFrameMs.toFixed(2)} ms median, ${stats.maxFrameMs.toFixed(1)} ms max; load ${Math.round(listening === null ? 0 : 0)}`,
    );

    // The capture's audio, kept in the worker for transcription: all of it, loud where the speech is.
    expect(audio.length / 16_000).toBeGreaterThan(fixture.durationSeconds - 0.5);
    const rms = (from: number, to: number) => {
      const part = audio.subarray(Math.round(from * 16_000), Math.round(to * 16_000));
      return Math.sqrt(part.reduce((sum, sample) => sum + sample * sample, 0) / Math.max(1, part.length));
    };
    const [first, second] = fixture.speechSegments;
    expect(rms(first!.start + 0.1, first!.end - 0.1)).toBeGreaterThan(0.02);
    expect(rms(first!.end + 0.4, second!.start - 0.4)).toBeLessThan(0.002);

    expect(segments).toEqual(live);
    expect(segments).toHaveLength(fixture.speechSegments.length);
    fixture.speechSegments.forEach((expected, index) => {
      expect(Math.abs(segments[index]!.start - expected.start), `start of sentence ${index + 1}`).toBeLessThanOrEqual(BOUNDARY_TOLERANCE_S);
      expect(Math.abs(segments[index]!.end - expected.end), `end of sentence ${index + 1}`).toBeLessThanOrEqual(BOUNDARY_TOLERANCE_S);
    });
    expect(speakingChanges).toEqual(segments.flatMap(() => [true, false]));

    // Once, after the last sentence, when the silence after it reached the configured length.
    expect(answerEnds).toHaveLength(1);
    const [ended] = answerEnds;
    const lastSegment = segments[segments.length - 1]!;
    expect(ended!.lastSpeechEnd).toBe(lastSegment.end);
    expect(ended!.at - ended!.lastSpeechEnd).toBeGreaterThanOrEqual(END_OF_ANSWER_SILENCE_MS / 1000 - 1e-6);
    expect(ended!.at - ended!.lastSpeechEnd).toBeLessThan(END_OF_ANSWER_SILENCE_MS / 1000 + FRAME_S + 1e-6);
    // Delivered promptly: within half a second of the audio that completed the silence.
    expect(ended!.receivedAt - ended!.at).toBeLessThan(0.5);
  });
});

function rounded(segment: SpeechSegment): SpeechSegment {
  return { start: Math.round(segment.start * 1000) / 1000, end: Math.round(segment.end * 1000) / 1000 };
}
