// The resampler on synthetic tones: the length comes out right, a speech-band tone keeps its
// frequency and level, and a tone above the new Nyquist is filtered out instead of aliasing.
import { describe, expect, it } from 'vitest';
import { resample, resampledLength, resampleTo16k, WHISPER_SAMPLE_RATE } from './resample.ts';

function sine(frequency: number, rate: number, seconds: number, amplitude = 0.5): Float32Array {
  const samples = new Float32Array(Math.round(rate * seconds));
  for (let i = 0; i < samples.length; i++) samples[i] = amplitude * Math.sin((2 * Math.PI * frequency * i) / rate);
  return samples;
}

/** Amplitude of the `frequency` component (one DFT bin), over the middle of the signal (no edge effects). */
function amplitudeAt(signal: Float32Array, rate: number, frequency: number): number {
  const from = Math.floor(signal.length * 0.1);
  const to = Math.floor(signal.length * 0.9);
  let re = 0;
  let im = 0;
  for (let i = from; i < to; i++) {
    const phase = (2 * Math.PI * frequency * i) / rate;
    re += signal[i]! * Math.cos(phase);
    im -= signal[i]! * Math.sin(phase);
  }
  return (2 * Math.hypot(re, im)) / (to - from);
}

function rms(signal: Float32Array): number {
  const from = Math.floor(signal.length * 0.1);
  const to = Math.floor(signal.length * 0.9);
  let sum = 0;
  for (let i = from; i < to; i++) sum += signal[i]! ** 2;
  return Math.sqrt(sum / (to - from));
}

function zeroCrossings(signal: Float32Array): number {
  let count = 0;
  for (let i = 1; i < signal.length; i++) if (signal[i - 1]! < 0 !== signal[i]! < 0) count++;
  return count;
}

describe('resampleTo16k', () => {
  for (const rate of [48_000, 44_100]) {
    it(`turns one second at ${rate} Hz into 16 000 samples, a 440 Hz tone still at 440 Hz and at its level`, () => {
      const output = resampleTo16k(sine(440, rate, 1), rate);
      expect(output.length).toBe(16_000);
      // 440 cycles cross zero 880 times; the first sample sits on a crossing, so allow one either way.
      expect(Math.abs(zeroCrossings(output) - 880)).toBeLessThanOrEqual(1);
      expect(amplitudeAt(output, WHISPER_SAMPLE_RATE, 440)).toBeCloseTo(0.5, 2);
      expect(amplitudeAt(output, WHISPER_SAMPLE_RATE, 460)).toBeLessThan(0.01);
    });

    it(`keeps a 4 kHz tone (speech band) from ${rate} Hz within 0.1 dB`, () => {
      const output = resampleTo16k(sine(4_000, rate, 0.5), rate);
      const gainDb = 20 * Math.log10(amplitudeAt(output, WHISPER_SAMPLE_RATE, 4_000) / 0.5);
      expect(Math.abs(gainDb)).toBeLessThan(0.1);
    });

    it(`attenuates an 11 kHz tone (above the new 8 kHz Nyquist) from ${rate} Hz by more than 60 dB instead of folding it to ${16_000 - 11_000} Hz`, () => {
      const output = resampleTo16k(sine(11_000, rate, 0.5), rate);
      const aliasDb = 20 * Math.log10(amplitudeAt(output, WHISPER_SAMPLE_RATE, 5_000) / 0.5);
      expect(aliasDb).toBeLessThan(-60);
      expect(rms(output)).toBeLessThan(0.5 / Math.SQRT2 / 1000);
    });
  }

  it('would alias without the filter: plain decimation folds 11 kHz at 48 kHz onto 5 kHz at full level', () => {
    // The baseline the test above guards against, so its threshold means something.
    const input = sine(11_000, 48_000, 0.5);
    const decimated = new Float32Array(input.length / 3).map((_, i) => input[i * 3]!);
    expect(amplitudeAt(decimated, WHISPER_SAMPLE_RATE, 5_000)).toBeCloseTo(0.5, 2);
  });

  it('keeps a constant level (DC) away from the edges', () => {
    const output = resampleTo16k(new Float32Array(44_100).fill(0.25), 44_100);
    expect(output[8_000]).toBeCloseTo(0.25, 4);
  });

  it('returns a copy at 16 kHz already, and nothing for nothing', () => {
    const input = sine(440, 16_000, 0.1);
    const output = resampleTo16k(input, 16_000);
    expect(output).toEqual(input);
    expect(output).not.toBe(input);
    expect(resampleTo16k(new Float32Array(0), 48_000).length).toBe(0);
  });

  it('upsamples too (8 kHz telephone audio), keeping the tone', () => {
    const output = resample(sine(1_000, 8_000, 0.5), 8_000, 16_000);
    expect(output.length).toBe(8_000);
    expect(amplitudeAt(output, 16_000, 1_000)).toBeCloseTo(0.5, 2);
  });

  it('refuses rates that are not positive numbers', () => {
    expect(() => resampleTo16k(new Float32Array(10), 0)).toThrow(RangeError);
    expect(() => resample(new Float32Array(10), 48_000, Number.NaN)).toThrow(/toRate/);
  });

  it('rounds the output length', () => {
    expect(resampledLength(44_100, 44_100, 16_000)).toBe(16_000);
    expect(resampledLength(1_000, 44_100, 16_000)).toBe(363);
  });
});
