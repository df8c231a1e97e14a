// The VAD state machine with made-up Silero probabilities: 32 ms frames (512 samples at 16 kHz),
// timed exactly as vad.worker.ts times them, and the exact events each frame causes.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEGMENTER_OPTIONS, SpeechSegmenter, type SpeechEvent, type SpeechSegmenterOptions } from './speech-segmenter.ts';

const FRAME_SAMPLES = 512;
const SAMPLE_RATE = 16_000;

/** Where frame `index` starts and ends, in seconds, computed the way vad.worker.ts does. */
function frameStart(index: number): number {
  return (index * FRAME_SAMPLES) / SAMPLE_RATE;
}
function frameEnd(index: number): number {
  return frameStart(index) + FRAME_SAMPLES / SAMPLE_RATE;
}

function repeat(probability: number, frames: number): number[] {
  return Array.from({ length: frames }, () => probability);
}

interface Caused {
  /** The frame whose push returned the event (-1: finish()). */
  frame: number;
  event: SpeechEvent;
}

/** Feeds consecutive frames to a segmenter and records which frame caused each event. */
class Feeder {
  readonly segmenter: SpeechSegmenter;
  /** Index of the next frame to push. */
  next = 0;

  constructor(options: Partial<SpeechSegmenterOptions> = {}) {
    this.segmenter = new SpeechSegmenter(options);
  }

  push(...probabilities: number[]): Caused[] {
    const caused: Caused[] = [];
    for (const probability of probabilities) {
      const frame = this.next++;
      for (const event of this.segmenter.push(probability, frameStart(frame), frameEnd(frame))) caused.push({ frame, event });
    }
    return caused;
  }

  finish(): Caused[] {
    return this.segmenter.finish().map((event) => ({ frame: -1, event }));
  }
}

const SILENT = 0.05;
const VOICED = 0.9;
/** Between the default thresholds (0.35 and 0.5). */
const UNSURE = 0.4;

// With the defaults: 8 confident frames (256 ms) reach minSpeechMs (250 ms), 16 silent frames
// (512 ms) reach minSilenceMs (500 ms), 79 silent frames (2528 ms) reach endOfAnswerSilenceMs (2500 ms).
const CONFIRM_FRAMES = 8;
const CLOSE_FRAMES = 16;
const ANSWER_END_FRAMES = 79;

function speakingAt(frame: number, at: number, speaking: boolean): Caused {
  return { frame, event: { type: 'speaking', speaking, at } };
}
function segmentAt(frame: number, start: number, end: number): Caused {
  return { frame, event: { type: 'segment', segment: { start, end } } };
}
function answerEndedAt(frame: number, lastSpeechEnd: number): Caused {
  return { frame, event: { type: 'answer-ended', lastSpeechEnd, at: frameEnd(frame) } };
}
/** The two events a segment closing on `frame` causes: covering frames first…last. */
function closedAt(frame: number, first: number, last: number): Caused[] {
  return [segmentAt(frame, frameStart(first), frameEnd(last)), speakingAt(frame, frameEnd(last), false)];
}

describe('SpeechSegmenter segments', () => {
  it('checks the frame arithmetic these tests rely on', () => {
    const { minSpeechMs, minSilenceMs, endOfAnswerSilenceMs } = DEFAULT_SEGMENTER_OPTIONS;
    expect([minSpeechMs, minSilenceMs, endOfAnswerSilenceMs]).toEqual([250, 500, 2500]);
    expect(CONFIRM_FRAMES * 32).toBeGreaterThanOrEqual(minSpeechMs);
    expect((CONFIRM_FRAMES - 1) * 32).toBeLessThan(minSpeechMs);
    expect(CLOSE_FRAMES * 32).toBeGreaterThanOrEqual(minSilenceMs);
    expect((CLOSE_FRAMES - 1) * 32).toBeLessThan(minSilenceMs);
    expect(ANSWER_END_FRAMES * 32).toBeGreaterThanOrEqual(endOfAnswerSilenceMs);
    expect((ANSWER_END_FRAMES - 1) * 32).toBeLessThan(endOfAnswerSilenceMs);
  });

  it('opens a segment on the positive threshold and closes it minSilenceMs later, ending at the last voiced frame', () => {
    const feeder = new Feeder();
    // Frames 0–19 silent, 20–29 voiced, 30–45 silent.
    const events = feeder.push(...repeat(SILENT, 20), ...repeat(VOICED, 10), ...repeat(SILENT, CLOSE_FRAMES), ...repeat(SILENT, 20));
    expect(events).toEqual([
      // Confirmed on its 8th confident frame, timed from where it started.
      speakingAt(20 + CONFIRM_FRAMES - 1, frameStart(20), true),
      // The 16th silent frame makes 512 ms ≥ 500 ms of silence; the 15th (480 ms) did not.
      ...closedAt(29 + CLOSE_FRAMES, 20, 29),
    ]);
    expect(feeder.segmenter.speaking).toBe(false);
  });

  it('opens on a frame exactly at the positive threshold, and treats one exactly at the negative threshold as voiced', () => {
    const feeder = new Feeder();
    const events = feeder.push(0.5, ...repeat(VOICED, 9), 0.35, 0.35, ...repeat(0.349, CLOSE_FRAMES));
    expect(events).toEqual([speakingAt(CONFIRM_FRAMES - 1, frameStart(0), true), ...closedAt(11 + CLOSE_FRAMES, 0, 11)]);
  });

  it('turns speaking on at the confirming frame, with the time the segment started', () => {
    const feeder = new Feeder();
    feeder.push(...repeat(SILENT, 5));
    expect(feeder.push(...repeat(VOICED, CONFIRM_FRAMES - 1))).toEqual([]);
    expect(feeder.segmenter.speaking).toBe(false);
    expect(feeder.push(VOICED)).toEqual([speakingAt(5 + CONFIRM_FRAMES - 1, frameStart(5), true)]);
    expect(feeder.segmenter.speaking).toBe(true);
    expect(feeder.push(...repeat(VOICED, 20))).toEqual([]);
    expect(feeder.segmenter.speaking).toBe(true);
  });

  it('hysteresis: frames between the thresholds continue a segment, however long, and extend its end', () => {
    const feeder = new Feeder();
    // 0–9 voiced, 10–49 unsure (1.28 s, longer than minSilenceMs), then silence.
    const events = feeder.push(...repeat(VOICED, 10), ...repeat(UNSURE, 40), ...repeat(SILENT, CLOSE_FRAMES + 5));
    expect(events).toEqual([speakingAt(CONFIRM_FRAMES - 1, frameStart(0), true), ...closedAt(49 + CLOSE_FRAMES, 0, 49)]);
  });

  it('hysteresis: frames between the thresholds do not open a segment', () => {
    const feeder = new Feeder();
    expect(feeder.push(...repeat(UNSURE, 100), ...repeat(SILENT, 100))).toEqual([]);
    expect(feeder.segmenter.speaking).toBe(false);
    expect(feeder.finish()).toEqual([]);
  });

  it('hysteresis: frames between the thresholds do not count towards minSpeechMs', () => {
    const feeder = new Feeder();
    // 7 confident frames (224 ms) spread through unsure ones: never confirmed, dropped.
    const wobbly = Array.from({ length: 7 }, () => [VOICED, UNSURE, UNSURE]).flat();
    expect(feeder.push(...wobbly, ...repeat(SILENT, 40))).toEqual([]);
  });

  it('keeps a dip below the negative threshold shorter than minSilenceMs inside the segment', () => {
    const feeder = new Feeder();
    // 0–9 voiced, 10–24 silent (480 ms), 25–34 voiced, then silence.
    const events = feeder.push(...repeat(VOICED, 10), ...repeat(SILENT, CLOSE_FRAMES - 1), ...repeat(VOICED, 10), ...repeat(SILENT, CLOSE_FRAMES));
    expect(events).toEqual([speakingAt(CONFIRM_FRAMES - 1, frameStart(0), true), ...closedAt(34 + CLOSE_FRAMES, 0, 34)]);
  });

  it('splits speech at a silence of minSilenceMs into two segments', () => {
    const feeder = new Feeder({ endOfAnswerSilenceMs: 10_000 });
    // 0–9 voiced, 10–25 silent (512 ms), 26–35 voiced, then silence.
    const events = feeder.push(...repeat(VOICED, 10), ...repeat(SILENT, CLOSE_FRAMES), ...repeat(VOICED, 10), ...repeat(SILENT, CLOSE_FRAMES));
    expect(events).toEqual([
      speakingAt(CONFIRM_FRAMES - 1, frameStart(0), true),
      ...closedAt(9 + CLOSE_FRAMES, 0, 9),
      speakingAt(26 + CONFIRM_FRAMES - 1, frameStart(26), true),
      ...closedAt(35 + CLOSE_FRAMES, 26, 35),
    ]);
  });

  it('drops a blip with less than minSpeechMs of confident speech: no events at all', () => {
    const feeder = new Feeder();
    // 7 voiced frames = 224 ms < 250 ms.
    expect(feeder.push(...repeat(SILENT, 10), ...repeat(VOICED, CONFIRM_FRAMES - 1), ...repeat(SILENT, 200))).toEqual([]);
    expect(feeder.segmenter.speaking).toBe(false);
    expect(feeder.finish()).toEqual([]);
  });

  it('finish() closes an open segment at its last voiced frame, and sends no answer-ended', () => {
    const feeder = new Feeder({ endOfAnswerSilenceMs: 500 });
    // 0–9 voiced, 10–12 unsure, 13–17 silent (160 ms, not enough to close).
    expect(feeder.push(...repeat(VOICED, 10), ...repeat(UNSURE, 3), ...repeat(SILENT, 5))).toEqual([speakingAt(CONFIRM_FRAMES - 1, frameStart(0), true)]);
    expect(feeder.segmenter.speaking).toBe(true);
    expect(feeder.finish()).toEqual(closedAt(-1, 0, 12));
    expect(feeder.segmenter.speaking).toBe(false);
    expect(feeder.finish()).toEqual([]);
  });

  it('finish() drops an open segment that was never confirmed', () => {
    const feeder = new Feeder();
    feeder.push(...repeat(VOICED, CONFIRM_FRAMES - 1));
    expect(feeder.finish()).toEqual([]);
  });

  it('finish() with nothing open returns nothing', () => {
    const feeder = new Feeder();
    expect(feeder.finish()).toEqual([]);
    feeder.push(...repeat(VOICED, 10), ...repeat(SILENT, CLOSE_FRAMES));
    expect(feeder.finish()).toEqual([]);
  });
});

describe('SpeechSegmenter answer-ended', () => {
  it('fires exactly once, endOfAnswerSilenceMs after the end of the last segment', () => {
    const feeder = new Feeder();
    // 0–9 voiced; the answer's silence counts from the end of frame 9.
    feeder.push(...repeat(VOICED, 10));
    expect(feeder.push(...repeat(SILENT, ANSWER_END_FRAMES - 1))).toEqual(closedAt(9 + CLOSE_FRAMES, 0, 9));
    expect(feeder.push(SILENT)).toEqual([answerEndedAt(9 + ANSWER_END_FRAMES, frameEnd(9))]);
    expect(feeder.push(...repeat(SILENT, 500))).toEqual([]);
  });

  it('does not fire before any speech, however long the silence, nor after a dropped blip', () => {
    const feeder = new Feeder();
    expect(feeder.push(...repeat(SILENT, 300))).toEqual([]);
    expect(feeder.push(...repeat(VOICED, CONFIRM_FRAMES - 1), ...repeat(SILENT, 300))).toEqual([]);
    expect(feeder.push(...repeat(UNSURE, 50), ...repeat(SILENT, 300))).toEqual([]);
  });

  it('measures the silence from the last of several segments', () => {
    const feeder = new Feeder();
    // 0–9 voiced, 10–59 silent (1.6 s, less than the answer's 2.5 s), 60–69 voiced.
    const events = feeder.push(...repeat(VOICED, 10), ...repeat(SILENT, 50), ...repeat(VOICED, 10), ...repeat(SILENT, ANSWER_END_FRAMES + 100));
    expect(events).toEqual([
      speakingAt(CONFIRM_FRAMES - 1, frameStart(0), true),
      ...closedAt(9 + CLOSE_FRAMES, 0, 9),
      speakingAt(60 + CONFIRM_FRAMES - 1, frameStart(60), true),
      ...closedAt(69 + CLOSE_FRAMES, 60, 69),
      answerEndedAt(69 + ANSWER_END_FRAMES, frameEnd(69)),
    ]);
  });

  it('fires again after more speech follows an ended answer, once that speech has been followed by the silence', () => {
    const feeder = new Feeder();
    feeder.push(...repeat(VOICED, 10), ...repeat(SILENT, ANSWER_END_FRAMES));
    // Frame 9 + 79 = 88 ended the first answer. 89–149 silent, 150–159 voiced, then silence.
    const events = feeder.push(...repeat(SILENT, 61), ...repeat(VOICED, 10), ...repeat(SILENT, ANSWER_END_FRAMES + 100));
    expect(events).toEqual([
      speakingAt(150 + CONFIRM_FRAMES - 1, frameStart(150), true),
      ...closedAt(159 + CLOSE_FRAMES, 150, 159),
      answerEndedAt(159 + ANSWER_END_FRAMES, frameEnd(159)),
    ]);
  });

  it('does not fire while a long segment is still open after an ended answer', () => {
    const feeder = new Feeder();
    feeder.push(...repeat(VOICED, 10), ...repeat(SILENT, ANSWER_END_FRAMES + 20));
    // A 5 s stretch of speech, well after the first answer ended.
    const during = feeder.push(...repeat(VOICED, 160));
    expect(during.map(({ event }) => event.type)).toEqual(['speaking']);
  });

  it('an unconfirmed segment holds the answer open until it is confirmed', () => {
    const feeder = new Feeder();
    // 0–9 voiced, 10–59 silent (1.6 s), then from 60 something that may be speech: one confident
    // frame and 100 unsure ones (3.2 s more, past the 2.5 s end of answer), then confirmed.
    feeder.push(...repeat(VOICED, 10), ...repeat(SILENT, 50));
    expect(feeder.push(VOICED, ...repeat(UNSURE, 100))).toEqual([]);
    expect(feeder.segmenter.speaking).toBe(false);
    const events = feeder.push(...repeat(VOICED, CONFIRM_FRAMES - 1), ...repeat(SILENT, ANSWER_END_FRAMES));
    const lastVoiced = 60 + 1 + 100 + CONFIRM_FRAMES - 1 - 1;
    expect(events).toEqual([
      speakingAt(lastVoiced, frameStart(60), true),
      ...closedAt(lastVoiced + CLOSE_FRAMES, 60, lastVoiced),
      answerEndedAt(lastVoiced + ANSWER_END_FRAMES, frameEnd(lastVoiced)),
    ]);
  });

  it('an unconfirmed segment holds the answer open until it is dropped, then the silence since the last segment counts', () => {
    const feeder = new Feeder();
    // 0–9 voiced, 10–59 silent, 60 voiced, 61–160 unsure, then silence: dropped on frame 160 + 16.
    feeder.push(...repeat(VOICED, 10), ...repeat(SILENT, 50));
    expect(feeder.push(VOICED, ...repeat(UNSURE, 100), ...repeat(SILENT, CLOSE_FRAMES - 1))).toEqual([]);
    expect(feeder.push(SILENT)).toEqual([answerEndedAt(160 + CLOSE_FRAMES, frameEnd(9))]);
    expect(feeder.push(...repeat(SILENT, 200))).toEqual([]);
  });

  it('newAnswer() forgets the previous answer’s speech', () => {
    const feeder = new Feeder();
    feeder.push(...repeat(VOICED, 10), ...repeat(SILENT, 40));
    feeder.segmenter.newAnswer();
    expect(feeder.push(...repeat(SILENT, 300))).toEqual([]);
    // Speech for the new answer ends it as usual. 350–359 voiced.
    const events = feeder.push(...repeat(VOICED, 10), ...repeat(SILENT, ANSWER_END_FRAMES));
    expect(events).toEqual([
      speakingAt(350 + CONFIRM_FRAMES - 1, frameStart(350), true),
      ...closedAt(359 + CLOSE_FRAMES, 350, 359),
      answerEndedAt(359 + ANSWER_END_FRAMES, frameEnd(359)),
    ]);
  });

  it('newAnswer() after an ended answer lets the next answer end', () => {
    const feeder = new Feeder();
    expect(feeder.push(...repeat(VOICED, 10), ...repeat(SILENT, ANSWER_END_FRAMES)).at(-1)).toEqual(answerEndedAt(9 + ANSWER_END_FRAMES, frameEnd(9)));
    feeder.segmenter.newAnswer();
    // 89–99 silent, 100–109 voiced.
    const events = feeder.push(...repeat(SILENT, 11), ...repeat(VOICED, 10), ...repeat(SILENT, ANSWER_END_FRAMES));
    expect(events.at(-1)).toEqual(answerEndedAt(109 + ANSWER_END_FRAMES, frameEnd(109)));
    expect(events.filter(({ event }) => event.type === 'answer-ended')).toHaveLength(1);
  });

  it('newAnswer() during a segment counts that segment as part of the new answer', () => {
    const feeder = new Feeder();
    feeder.push(...repeat(VOICED, 20));
    feeder.segmenter.newAnswer();
    const events = feeder.push(...repeat(VOICED, 10), ...repeat(SILENT, ANSWER_END_FRAMES));
    expect(events).toEqual([...closedAt(29 + CLOSE_FRAMES, 0, 29), answerEndedAt(29 + ANSWER_END_FRAMES, frameEnd(29))]);
  });

  it('setOptions() shortens the end-of-answer silence live', () => {
    const feeder = new Feeder();
    // 0–9 voiced, then 31 silent frames (992 ms).
    feeder.push(...repeat(VOICED, 10), ...repeat(SILENT, 31));
    feeder.segmenter.setOptions({ endOfAnswerSilenceMs: 1000 });
    // Frame 41 makes 1024 ms.
    expect(feeder.push(SILENT)).toEqual([answerEndedAt(41, frameEnd(9))]);
    expect(feeder.push(...repeat(SILENT, 200))).toEqual([]);
  });

  it('setOptions() shortening it below the silence already passed ends the answer on the next frame', () => {
    const feeder = new Feeder();
    feeder.push(...repeat(VOICED, 10), ...repeat(SILENT, 60));
    feeder.segmenter.setOptions({ endOfAnswerSilenceMs: 1000 });
    expect(feeder.push(SILENT)).toEqual([answerEndedAt(70, frameEnd(9))]);
  });

  it('setOptions() lengthens the end-of-answer silence live', () => {
    const feeder = new Feeder();
    feeder.push(...repeat(VOICED, 10), ...repeat(SILENT, 60));
    feeder.segmenter.setOptions({ endOfAnswerSilenceMs: 3000 });
    // 3000 ms needs 94 frames (3008 ms) after frame 9; frame 88 no longer ends it.
    expect(feeder.push(...repeat(SILENT, 93 - 60))).toEqual([]);
    expect(feeder.push(SILENT)).toEqual([answerEndedAt(9 + 94, frameEnd(9))]);
  });

  it('clamps endOfAnswerSilenceMs to at least minSilenceMs: the answer ends when the segment closes, not before', () => {
    const feeder = new Feeder({ minSilenceMs: 500, endOfAnswerSilenceMs: 100 });
    const events = feeder.push(...repeat(VOICED, 10), ...repeat(SILENT, 100));
    expect(events).toEqual([
      speakingAt(CONFIRM_FRAMES - 1, frameStart(0), true),
      ...closedAt(9 + CLOSE_FRAMES, 0, 9),
      answerEndedAt(9 + CLOSE_FRAMES, frameEnd(9)),
    ]);
  });

  it('clamps endOfAnswerSilenceMs to at least minSilenceMs even when a segment closed early (finish() then more audio)', () => {
    // The only way a segment closes with less than minSilenceMs of silence after it is finish(), so
    // the clamp shows when frames still follow: 100 ms must not end the answer 128 ms later.
    const feeder = new Feeder({ minSilenceMs: 500, endOfAnswerSilenceMs: 100 });
    feeder.push(...repeat(VOICED, 10));
    expect(feeder.finish()).toEqual(closedAt(-1, 0, 9));
    expect(feeder.push(...repeat(SILENT, CLOSE_FRAMES - 1))).toEqual([]);
    expect(feeder.push(SILENT)).toEqual([answerEndedAt(9 + CLOSE_FRAMES, frameEnd(9))]);
  });

  it('clamps an endOfAnswerSilenceMs set through setOptions() too', () => {
    const feeder = new Feeder();
    feeder.segmenter.setOptions({ endOfAnswerSilenceMs: 0 });
    feeder.push(...repeat(VOICED, 10));
    expect(feeder.finish()).toEqual(closedAt(-1, 0, 9));
    expect(feeder.push(...repeat(SILENT, CLOSE_FRAMES - 1))).toEqual([]);
    expect(feeder.push(SILENT)).toEqual([answerEndedAt(9 + CLOSE_FRAMES, frameEnd(9))]);
  });
});

describe('SpeechSegmenter options', () => {
  it.each<[string, Partial<SpeechSegmenterOptions>]>([
    ['positive threshold 0', { positiveSpeechThreshold: 0, negativeSpeechThreshold: 0 }],
    ['positive threshold above 1', { positiveSpeechThreshold: 1.1 }],
    ['positive threshold NaN', { positiveSpeechThreshold: Number.NaN }],
    ['negative threshold below 0', { negativeSpeechThreshold: -0.1 }],
    ['negative threshold above the positive one', { positiveSpeechThreshold: 0.5, negativeSpeechThreshold: 0.6 }],
    ['negative threshold NaN', { negativeSpeechThreshold: Number.NaN }],
    ['negative minSilenceMs', { minSilenceMs: -1 }],
    ['negative minSpeechMs', { minSpeechMs: -1 }],
  ])('throws RangeError for %s', (_, options) => {
    expect(() => new SpeechSegmenter(options)).toThrow(RangeError);
    const segmenter = new SpeechSegmenter();
    expect(() => segmenter.setOptions(options)).toThrow(RangeError);
  });

  it('accepts the edges: positive threshold 1, negative 0, and the two equal', () => {
    expect(() => new SpeechSegmenter({ positiveSpeechThreshold: 1, negativeSpeechThreshold: 0 })).not.toThrow();
    expect(() => new SpeechSegmenter({ positiveSpeechThreshold: 0.5, negativeSpeechThreshold: 0.5 })).not.toThrow();
  });

  it('keeps its options when setOptions() is refused', () => {
    const feeder = new Feeder();
    expect(() => feeder.segmenter.setOptions({ positiveSpeechThreshold: 0.9, negativeSpeechThreshold: 2 })).toThrow(RangeError);
    // Still the default 0.5 threshold: 0.6 opens and confirms a segment.
    expect(feeder.push(...repeat(0.6, 10), ...repeat(SILENT, CLOSE_FRAMES))).toEqual([
      speakingAt(CONFIRM_FRAMES - 1, frameStart(0), true),
      ...closedAt(9 + CLOSE_FRAMES, 0, 9),
    ]);
  });

  it('setOptions() changes thresholds live', () => {
    const feeder = new Feeder();
    feeder.segmenter.setOptions({ positiveSpeechThreshold: 0.8, negativeSpeechThreshold: 0.7 });
    expect(feeder.push(...repeat(0.75, 50))).toEqual([]);
    expect(feeder.push(...repeat(0.85, 10), ...repeat(0.75, 5), ...repeat(0.6, CLOSE_FRAMES))).toEqual([
      speakingAt(50 + CONFIRM_FRAMES - 1, frameStart(50), true),
      ...closedAt(64 + CLOSE_FRAMES, 50, 64),
    ]);
  });
});
