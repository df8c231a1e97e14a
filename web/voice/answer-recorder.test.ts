// The recorder's pure parts: which format it picks, and where its time 0 falls on the capture's clock.
import { describe, expect, it } from 'vitest';
import { captureOffsetSeconds, recordingMimeType } from './answer-recorder.ts';

describe('recordingMimeType', () => {
  it('prefers Opus in WebM, then Opus in Ogg, and keeps nothing in any other format', () => {
    expect(recordingMimeType(() => true)).toBe('audio/webm;codecs=opus');
    expect(recordingMimeType((type) => type === 'audio/ogg;codecs=opus')).toBe('audio/ogg;codecs=opus');
    // Safari's AAC-in-MP4 is not Opus: not kept.
    expect(recordingMimeType((type) => type.startsWith('audio/mp4'))).toBeNull();
    expect(recordingMimeType(() => false)).toBeNull();
  });
});

describe('captureOffsetSeconds', () => {
  it('places the start on the capture clock from a reading received after it', () => {
    // Started at 1000 ms; a reading received at 1100 ms says the capture was at 0.35 s then.
    expect(captureOffsetSeconds(1000, [{ at: 0.35, receivedMs: 1100 }])).toBeCloseTo(0.25, 9);
  });

  it('trusts the reading that arrived soonest after its time (a late one only underestimates)', () => {
    const readings = [
      { at: 0.3, receivedMs: 1050 }, // on time: 0.25
      { at: 0.35, receivedMs: 1180 }, // 80 ms late on a busy main thread: 0.17
      { at: 0.4, receivedMs: 1150 }, // on time: 0.25
    ];
    expect(captureOffsetSeconds(1000, readings)).toBeCloseTo(0.25, 9);
  });

  it('is negative when the recorder started before the capture heard anything', () => {
    expect(captureOffsetSeconds(1000, [{ at: 0.05, receivedMs: 1120 }])).toBeCloseTo(-0.07, 9);
  });

  it('is 0 without readings, and ignores readings from before the start', () => {
    expect(captureOffsetSeconds(1000, [])).toBe(0);
    expect(captureOffsetSeconds(1000, [{ at: 9, receivedMs: 900 }])).toBe(0);
  });
});
