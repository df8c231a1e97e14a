import { describe, expect, it } from 'vitest';
import { lastWindow, PartialSchedule, planWindows } from './audio-chunks.ts';

const RATE = 16_000;
const s = (seconds: number) => Math.round(seconds * RATE);
const spans = (total: number, options = {}) => planWindows(total, options).map((w) => [w.startSeconds, w.endSeconds]);

describe('planWindows', () => {
  it('has no windows for no audio', () => {
    expect(planWindows(0)).toEqual([]);
  });

  it('reads audio up to 30 s in one window, edges on the audio', () => {
    expect(planWindows(s(12))).toEqual([
      { index: 0, startSample: 0, endSample: s(12), startSeconds: 0, endSeconds: 12, atAudioStart: true, atAudioEnd: true },
    ]);
    expect(spans(s(30))).toEqual([[0, 30]]);
  });

  it('hops 25 s with 5 s of overlap, filling the last window back to 30 s', () => {
    expect(spans(s(80))).toEqual([
      [0, 30],
      [25, 55],
      [50, 80],
    ]);
    // 31 s: the second window would hold 6 s, mostly overlap; filled, it reads 1–31 s.
    expect(spans(s(31))).toEqual([
      [0, 30],
      [1, 31],
    ]);
    expect(spans(s(62))).toEqual([
      [0, 30],
      [25, 55],
      [32, 62],
    ]);
  });

  it('can leave the last window short instead', () => {
    expect(spans(s(62), { fillLastWindow: false })).toEqual([
      [0, 30],
      [25, 55],
      [50, 62],
    ]);
    expect(spans(s(30.5), { fillLastWindow: false })).toEqual([
      [0, 30],
      [25, 30.5],
    ]);
  });

  it('marks which edges are the audio’s own', () => {
    const windows = planWindows(s(60));
    expect(windows.map((w) => [w.atAudioStart, w.atAudioEnd])).toEqual([
      [true, false],
      [false, false],
      [false, true],
    ]);
  });

  it('covers every sample, in order, with each window at most 30 s', () => {
    for (const seconds of [0.01, 29.99, 30.01, 54.99, 55, 55.01, 301.3]) {
      const total = s(seconds);
      const windows = planWindows(total, { fillLastWindow: false });
      expect(windows[0]!.startSample).toBe(0);
      expect(windows.at(-1)!.endSample).toBe(total);
      for (const [i, w] of windows.entries()) {
        expect(w.index).toBe(i);
        expect(w.endSample - w.startSample).toBeLessThanOrEqual(s(30));
        if (i > 0) expect(w.startSample).toBe(windows[i - 1]!.endSample - s(5));
      }
    }
  });

  it('takes other window and overlap lengths, and refuses impossible ones', () => {
    expect(spans(s(40), { windowSeconds: 20, overlapSeconds: 4 })).toEqual([
      [0, 20],
      [16, 36],
      [20, 40],
    ]);
    expect(() => planWindows(s(40), { windowSeconds: 31 })).toThrow(RangeError);
    expect(() => planWindows(s(40), { overlapSeconds: 30 })).toThrow(/overlap/);
    expect(() => planWindows(1.5)).toThrow(/whole number/);
  });

  it('works at other sample rates', () => {
    expect(planWindows(48_000 * 45, { sampleRate: 48_000 }).map((w) => [w.startSample, w.endSample])).toEqual([
      [0, 48_000 * 30],
      [48_000 * 15, 48_000 * 45],
    ]);
  });
});

describe('lastWindow', () => {
  it('is the trailing 30 s, or all of a shorter answer, or nothing', () => {
    expect(lastWindow(0)).toBeNull();
    expect(lastWindow(s(8))).toMatchObject({ startSeconds: 0, endSeconds: 8, atAudioStart: true, atAudioEnd: true });
    expect(lastWindow(s(47))).toMatchObject({ startSeconds: 17, endSeconds: 47, atAudioStart: false, atAudioEnd: true });
  });
});

describe('PartialSchedule', () => {
  it('runs a partial every 2 s of new speech, once there is a second of audio', () => {
    const schedule = new PartialSchedule();
    schedule.add(s(0.5));
    expect(schedule.due()).toBe(false);
    schedule.add(s(1.5));
    expect(schedule.due()).toBe(true);
    expect(schedule.start()).toMatchObject({ startSeconds: 0, endSeconds: 2 });
    expect(schedule.due()).toBe(false);
    schedule.finish();
    schedule.add(s(1.9));
    expect(schedule.due()).toBe(false);
    schedule.add(s(0.1));
    expect(schedule.due()).toBe(true);
  });

  it('does not count silence', () => {
    const schedule = new PartialSchedule();
    schedule.add(s(1.5));
    schedule.add(s(10), false);
    expect(schedule.due()).toBe(false);
    schedule.add(s(0.5));
    expect(schedule.due()).toBe(true);
    expect(schedule.samples).toBe(s(12));
  });

  it('never starts a second run while one is going; speech meanwhile counts towards the next', () => {
    const schedule = new PartialSchedule();
    schedule.add(s(2));
    schedule.start();
    schedule.add(s(3));
    expect(schedule.isRunning).toBe(true);
    expect(schedule.due()).toBe(false);
    schedule.finish();
    expect(schedule.due()).toBe(true);
  });

  it('reads only the last 30 s of a long answer', () => {
    const schedule = new PartialSchedule();
    schedule.add(s(75));
    expect(schedule.start()).toMatchObject({ startSeconds: 45, endSeconds: 75 });
  });

  it('takes another cadence, and refuses to start with no audio', () => {
    const schedule = new PartialSchedule({ everySeconds: 0.5, minSeconds: 0 });
    expect(() => schedule.start()).toThrow(/audio/);
    schedule.add(s(0.5));
    expect(schedule.due()).toBe(true);
    expect(() => new PartialSchedule({ everySeconds: 0 })).toThrow(RangeError);
  });
});
