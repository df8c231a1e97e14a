// The meter's numbers: windows of sampleRate/levelsPerSecond samples however the audio is chunked,
// RMS and peak of known signals, when each reading is, and the dBFS conversion.
import { describe, expect, it } from 'vitest';
import type { AudioLevel } from './capture-format.ts';
import { LevelMeter, toDecibels } from './level-meter.ts';

/** Adds `signal` to a new meter in pieces of `chunk` samples; returns every reading. */
function measure(sampleRate: number, levelsPerSecond: number, signal: Float32Array, chunk = 128): AudioLevel[] {
  const meter = new LevelMeter(sampleRate, levelsPerSecond);
  const levels: AudioLevel[] = [];
  for (let read = 0; read < signal.length; read += chunk) meter.add(signal.subarray(read, read + chunk), (level) => levels.push(level));
  return levels;
}

function sine(frequency: number, sampleRate: number, samples: number, amplitude: number): Float32Array {
  return Float32Array.from({ length: samples }, (_, i) => amplitude * Math.sin((2 * Math.PI * frequency * i) / sampleRate));
}

describe('LevelMeter', () => {
  it('reads once per sampleRate/levelsPerSecond samples (800 at 16 kHz, 20 a second), at the end of each window', () => {
    const levels = measure(16_000, 20, new Float32Array(16_000), 128);
    expect(levels).toHaveLength(20);
    levels.forEach((level, index) => expect(level.at).toBeCloseTo((index + 1) * 0.05, 12));
  });

  it.each([
    [48_000, 20, 2400],
    [44_100, 20, 2205],
    [16_000, 3, 5333], // 5333.3 rounded
  ])('at %s Hz and %s readings a second, windows are %s samples', (sampleRate, levelsPerSecond, window) => {
    const levels = measure(sampleRate, levelsPerSecond, new Float32Array(window * 5 + window - 1), 128);
    expect(levels).toHaveLength(5);
    levels.forEach((level, index) => expect(level.at).toBe(((index + 1) * window) / sampleRate));
  });

  it('gives the same readings however the audio is chunked', () => {
    const signal = sine(440, 16_000, 16_000, 0.3);
    const inQuanta = measure(16_000, 20, signal, 128);
    expect(measure(16_000, 20, signal, 1)).toEqual(inQuanta);
    expect(measure(16_000, 20, signal, 799)).toEqual(inQuanta);
    expect(measure(16_000, 20, signal, signal.length)).toEqual(inQuanta);
  });

  it('does not read a window that is not complete', () => {
    expect(measure(16_000, 20, new Float32Array(799))).toEqual([]);
  });

  it('reads a constant signal as its own RMS and peak', () => {
    const levels = measure(16_000, 20, new Float32Array(1600).fill(0.25));
    expect(levels).toHaveLength(2);
    for (const level of levels) {
      expect(level.rms).toBeCloseTo(0.25, 6);
      expect(level.peak).toBeCloseTo(0.25, 6);
    }
  });

  it('reads silence as 0', () => {
    expect(measure(16_000, 20, new Float32Array(800))).toEqual([{ rms: 0, peak: 0, at: 0.05 }]);
  });

  it('reads a full-scale sine as RMS 1/√2 and peak 1', () => {
    // 400 Hz at 16 kHz: a whole number of periods (20) in each 800-sample window.
    const levels = measure(16_000, 20, sine(400, 16_000, 8000, 1));
    expect(levels).toHaveLength(10);
    for (const level of levels) {
      expect(level.rms).toBeCloseTo(Math.SQRT1_2, 6);
      expect(level.peak).toBeCloseTo(1, 6);
    }
  });

  it('reads a ±0.5 square wave as RMS 0.5, and takes the peak from negative samples too', () => {
    const square = Float32Array.from({ length: 800 }, (_, i) => (i % 2 === 0 ? 0.5 : -0.5));
    square[300] = -0.9;
    const [level] = measure(16_000, 20, square);
    expect(level!.peak).toBeCloseTo(0.9, 6);
    expect(level!.rms).toBeCloseTo(Math.sqrt((799 * 0.25 + 0.81) / 800), 6);
  });

  it('starts each window afresh: a loud window does not raise the next one’s readings', () => {
    const signal = new Float32Array(1600);
    signal.fill(0.8, 0, 800);
    signal.fill(0.01, 800);
    const [loud, quiet] = measure(16_000, 20, signal);
    expect(loud!.peak).toBeCloseTo(0.8, 6);
    expect(quiet!.peak).toBeCloseTo(0.01, 6);
    expect(quiet!.rms).toBeCloseTo(0.01, 6);
  });

  it('reads one short click in a window as its peak, with a small RMS', () => {
    const signal = new Float32Array(800);
    signal[400] = 1;
    const [level] = measure(16_000, 20, signal);
    expect(level!.peak).toBe(1);
    expect(level!.rms).toBeCloseTo(Math.sqrt(1 / 800), 9);
  });

  it.each([0, -20, Number.NaN])('throws RangeError for levelsPerSecond %s', (levelsPerSecond) => {
    expect(() => new LevelMeter(16_000, levelsPerSecond)).toThrow(RangeError);
  });

  it('reads every sample when asked for more readings than samples', () => {
    expect(measure(10, 100, Float32Array.from([0.5, -1]))).toEqual([
      { rms: 0.5, peak: 0.5, at: 0.1 },
      { rms: 1, peak: 1, at: 0.2 },
    ]);
  });
});

describe('toDecibels', () => {
  it('gives 0 dBFS for full scale and -6.02 for half', () => {
    expect(toDecibels(1)).toBe(0);
    expect(toDecibels(0.5)).toBeCloseTo(-6.0206, 4);
    expect(toDecibels(0.1)).toBeCloseTo(-20, 9);
    expect(toDecibels(0.001)).toBeCloseTo(-60, 9);
  });

  it('floors silence and anything at or below 1e-5 (-100 dBFS) at -100', () => {
    expect(toDecibels(0)).toBe(-100);
    expect(toDecibels(1e-5)).toBe(-100);
    expect(toDecibels(1e-9)).toBe(-100);
    expect(toDecibels(-0.5)).toBe(-100);
    expect(toDecibels(2e-5)).toBeCloseTo(-93.98, 2);
  });

  it('is above 0 for a clipped level over full scale', () => {
    expect(toDecibels(2)).toBeCloseTo(6.0206, 4);
  });
});
