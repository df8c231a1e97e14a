// The answer recorder in real Chromium, on the fake microphone (tests/helpers/media-fixtures.ts)
// through the real capture: a non-empty Opus file at a speech bitrate, a duration an <audio> element
// can use, and a recording whose speech lines up with the capture's clock once its offset is applied.
import { afterEach, describe, expect, inject, it } from 'vitest';
import { startMicrophoneCapture, type MicrophoneCapture } from '../../workers/speech/capture/microphone-capture.ts';
import type { CaptureFrameMessage } from '../../workers/speech/capture/capture-format.ts';
import { RECORDING_BITS_PER_SECOND, recordingMimeType, startAnswerRecorder } from './answer-recorder.ts';

let capture: MicrophoneCapture | null = null;

afterEach(async () => {
  await capture?.stop();
  capture = null;
});

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Start of the first 10 ms window louder than -40 dBFS (what the fixture's own measurement uses). */
function firstLoud(samples: Float32Array, sampleRate: number): number | null {
  const window = Math.round(sampleRate * 0.01);
  for (let start = 0; start + window <= samples.length; start += window) {
    let sum = 0;
    for (let i = start; i < start + window; i++) sum += samples[i]! * samples[i]!;
    if (Math.sqrt(sum / window) > 0.01) return start / sampleRate;
  }
  return null;
}

async function decode(blob: Blob): Promise<AudioBuffer> {
  const context = new OfflineAudioContext(1, 1, 48_000);
  return context.decodeAudioData(await blob.arrayBuffer());
}

describe('answer recorder', () => {
  it('records the capture’s own stream as Opus in WebM, with a usable duration, lined up with the capture’s clock', async () => {
    expect(recordingMimeType()).toBe('audio/webm;codecs=opus');
    capture = await startMicrophoneCapture();
    const captured: Float32Array[] = [];
    capture.framePort.onmessage = (event: MessageEvent<CaptureFrameMessage>) => {
      if (event.data.type === 'frame') captured.push(event.data.samples);
    };
    // Started well after the capture (in the interview it is a moment after), so an offset that
    // was not measured, or measured wrongly, shows as speech in the wrong place.
    const firstSpeech = inject('fakeMicrophone').speechSegments[0]!;
    await wait(400);
    const recorder = startAnswerRecorder(capture.stream, { clock: capture });
    await wait((firstSpeech.end + 0.1) * 1000);
    const recording = await recorder.stop();
    await capture.stop();

    expect(recording.mimeType).toBe('audio/webm;codecs=opus');
    expect(recording.blob.type).toBe('audio/webm;codecs=opus');
    expect(recording.bytes).toBe(recording.blob.size);
    expect(recording.bytes).toBeGreaterThan(1000);
    // A WebM file (EBML magic), at about the speech bitrate asked for.
    expect([...new Uint8Array(await recording.blob.slice(0, 4).arrayBuffer())]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
    expect((recording.bytes * 8) / recording.durationSeconds).toBeLessThan(RECORDING_BITS_PER_SECOND * 2);

    // The duration written into the file is the audio's, and an <audio> element reads it (not Infinity).
    const decoded = await decode(recording.blob);
    expect(Math.abs(decoded.duration - recording.durationSeconds)).toBeLessThan(0.1);
    expect(recording.durationSeconds + recording.captureOffsetSeconds).toBeGreaterThan(firstSpeech.end);
    const audio = new Audio(URL.createObjectURL(recording.blob));
    await new Promise((resolve, reject) => {
      audio.onloadedmetadata = resolve;
      audio.onerror = () => reject(audio.error);
    });
    expect(audio.duration).toBeCloseTo(recording.durationSeconds, 2);
    URL.revokeObjectURL(audio.src);

    // The speech starts at the same moment on both clocks once the offset is applied.
    const captureSamples = new Float32Array(captured.reduce((sum, frame) => sum + frame.length, 0));
    captured.reduce((at, frame) => (captureSamples.set(frame, at), at + frame.length), 0);
    const onCapture = firstLoud(captureSamples, 16_000);
    const onRecording = firstLoud(decoded.getChannelData(0), decoded.sampleRate);
    expect(onCapture).not.toBeNull();
    expect(onRecording).not.toBeNull();
    console.info(`speech at ${onCapture!.toFixed(3)} s on the capture, ${onRecording!.toFixed(3)} s in the recording, offset ${recording.captureOffsetSeconds.toFixed(3)} s, ${recording.bytes} bytes for ${recording.durationSeconds.toFixed(2)} s`);
    expect(recording.captureOffsetSeconds).toBeGreaterThan(0.3);
    expect(recording.captureOffsetSeconds).toBeLessThan(firstSpeech.start);
    expect(Math.abs(onRecording! + recording.captureOffsetSeconds - onCapture!)).toBeLessThan(0.1);
  });

  it('hands over what it had when the capture released the microphone first, and throws nothing away unasked', async () => {
    capture = await startMicrophoneCapture();
    const recorder = startAnswerRecorder(capture.stream, { clock: capture });
    await wait(800);
    await capture.stop();
    const recording = await recorder.stop();
    expect(recording.bytes).toBeGreaterThan(0);
    expect(recording.durationSeconds).toBeGreaterThan(0.5);
  });

  it('discards a recording without an error', async () => {
    capture = await startMicrophoneCapture();
    const recorder = startAnswerRecorder(capture.stream);
    const errors: unknown[] = [];
    recorder.onError((error) => errors.push(error));
    await wait(300);
    recorder.discard();
    await wait(100);
    expect(errors).toEqual([]);
  });
});
