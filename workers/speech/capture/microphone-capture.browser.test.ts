// Microphone capture in real Chromium: the fake microphone (tests/helpers/media-fixtures.ts) through
// the real AudioWorklet. The errors a candidate can meet are in microphone-denied.browser.test.ts.
import { afterEach, describe, expect, inject, it, vi } from 'vitest';
import type { AudioLevel, CaptureFrameMessage } from './capture-format.ts';
import { startMicrophoneCapture, type MicrophoneCapture } from './microphone-capture.ts';

let capture: MicrophoneCapture | null = null;

afterEach(async () => {
  vi.restoreAllMocks();
  await capture?.stop();
  capture = null;
});

describe('microphone capture', () => {
  it('delivers contiguous 16 kHz frames of 512 samples and ~20 levels a second, then an end', async () => {
    capture = await startMicrophoneCapture();
    expect(capture.sampleRate).toBe(16_000);
    const frames: { startSample: number; length: number; peak: number }[] = [];
    let endSample: number | null = null;
    capture.framePort.onmessage = (event: MessageEvent<CaptureFrameMessage>) => {
      const message = event.data;
      if (message.type === 'frame') frames.push({ startSample: message.startSample, length: message.samples.length, peak: Math.max(...message.samples.map(Math.abs)) });
      else endSample = message.endSample;
    };
    const levels: AudioLevel[] = [];
    capture.onLevel((level) => levels.push(level));
    const firstSpeech = inject('fakeMicrophone').speechSegments[0]!;
    await new Promise((resolve) => setTimeout(resolve, (firstSpeech.start + 1) * 1000));
    await capture.stop();
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(frames.length).toBeGreaterThan(20);
    frames.forEach((frame, index) => expect(frame.startSample).toBe(index * 512));
    expect(frames.slice(0, -1).every((frame) => frame.length === 512)).toBe(true);
    const last = frames[frames.length - 1]!;
    expect(endSample).toBe(last.startSample + last.length);
    // Seconds of audio received ≈ seconds waited: the frames are the microphone's, not padding.
    expect(endSample! / 16_000).toBeGreaterThan(firstSpeech.start + 0.5);
    expect(Math.max(...frames.map((frame) => frame.peak))).toBeGreaterThan(0.05);
    console.info(`context rate ${capture.contextSampleRate}, ${frames.length} frames, ${levels.length} levels in ${(endSample! / 16000).toFixed(2)} s`);
    const levelRate = levels.length / (endSample! / 16_000);
    expect(levelRate).toBeGreaterThan(15);
    expect(levelRate).toBeLessThan(25);
    expect(Math.max(...levels.map((level) => level.peak))).toBeGreaterThan(0.05);
  });
});
