// The worklet's resampler to 16 kHz: exact lengths over any chunking, the box filter's arithmetic,
// and roughly what it does to a voice-band tone and to one near the new Nyquist frequency.
import { describe, expect, it } from 'vitest';
import { StreamingDownsampler } from './downsampler.ts';

const RENDER_QUANTUM = 128;

/** Pushes `input` in pieces of the given sizes (cycled), copying each result (push reuses its array). */
function downsample(downsampler: StreamingDownsampler, input: Float32Array, chunkSizes: number[]): Float32Array {
  const out: number[] = [];
  let read = 0;
  for (let chunk = 0; read < input.length; chunk++) {
    const size = Math.min(chunkSizes[chunk % chunkSizes.length]!, input.length - read);
    out.push(...downsampler.push(input.subarray(read, read + size)));
    read += size;
  }
  return Float32Array.from(out);
}

function sine(frequency: number, sampleRate: number, samples: number, amplitude = 1): Float32Array {
  return Float32Array.from({ length: samples }, (_, i) => amplitude * Math.sin((2 * Math.PI * frequency * i) / sampleRate));
}

function noise(samples: number, seed = 1): Float32Array {
  // A small LCG, so the input is the same on every run.
  let state = seed;
  return Float32Array.from({ length: samples }, () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return (state / 2 ** 31) * 2 - 1;
  });
}

/** Amplitude of a sine from its RMS (√2 · RMS), skipping the first samples. */
function amplitude(samples: Float32Array, skip = 16): number {
  const body = samples.subarray(skip);
  const sumOfSquares = body.reduce((sum, sample) => sum + sample * sample, 0);
  return Math.SQRT2 * Math.sqrt(sumOfSquares / body.length);
}

describe('StreamingDownsampler 48 kHz → 16 kHz', () => {
  it('has ratio 3 and gives exactly one output sample per 3 input samples', () => {
    const downsampler = new StreamingDownsampler(48_000, 16_000);
    expect(downsampler.ratio).toBe(3);
    expect(downsampler.push(new Float32Array(2))).toHaveLength(0);
    expect(downsampler.push(new Float32Array(1))).toHaveLength(1);
    expect(downsampler.push(new Float32Array(RENDER_QUANTUM))).toHaveLength(42); // 128 = 42·3 + 2
    expect(downsampler.push(new Float32Array(RENDER_QUANTUM))).toHaveLength(43); // 2 + 128 = 43·3 + 1
    expect(downsampler.push(new Float32Array(RENDER_QUANTUM))).toHaveLength(43); // 1 + 128 = 43·3
    expect(downsampler.push(new Float32Array(0))).toHaveLength(0);
  });

  it('gives identical output for 128-sample quanta, one big chunk, and ragged chunks', () => {
    const input = noise(48_000);
    const whole = downsample(new StreamingDownsampler(48_000, 16_000), input, [input.length]);
    expect(whole).toHaveLength(16_000);
    const quanta = downsample(new StreamingDownsampler(48_000, 16_000), input, [RENDER_QUANTUM]);
    const ragged = downsample(new StreamingDownsampler(48_000, 16_000), input, [1, 2, 5, 127, 1000, 3, 64, 7]);
    const single = downsample(new StreamingDownsampler(48_000, 16_000), input, [1]);
    expect(quanta).toEqual(whole);
    expect(ragged).toEqual(whole);
    expect(single).toEqual(whole);
  });

  it('averages each 3 input samples (a box filter)', () => {
    const downsampler = new StreamingDownsampler(48_000, 16_000);
    expect(Array.from(downsampler.push(Float32Array.from([1, 2, 3, 4, 5, 6])))).toEqual([2, 5]);
    // A sample split across two chunks.
    const split = new StreamingDownsampler(48_000, 16_000);
    expect(Array.from(split.push(Float32Array.from([1, 2, 3, 4])))).toEqual([2]);
    expect(Array.from(split.push(Float32Array.from([5, 6, 7])))).toEqual([5]);
    expect(Array.from(split.push(Float32Array.from([8, 9])))).toEqual([8]);
  });

  it('keeps a constant signal constant', () => {
    const output = downsample(new StreamingDownsampler(48_000, 16_000), new Float32Array(4800).fill(0.25), [RENDER_QUANTUM]);
    expect(output).toHaveLength(1600);
    expect(output.every((sample) => sample === 0.25)).toBe(true);
  });

  it('reuses its output array: a caller must copy what it keeps', () => {
    const downsampler = new StreamingDownsampler(48_000, 16_000);
    const first = downsampler.push(new Float32Array(6).fill(1));
    expect(Array.from(first)).toEqual([1, 1]);
    downsampler.push(new Float32Array(6).fill(0));
    expect(Array.from(first)).toEqual([0, 0]);
  });

  it('keeps a 1 kHz tone’s amplitude, and attenuates a 7.9 kHz tone somewhat (measured ≈ 0.67, −3.4 dB)', () => {
    const inputRate = 48_000;
    const voice = downsample(new StreamingDownsampler(inputRate, 16_000), sine(1000, inputRate, inputRate, 0.5), [RENDER_QUANTUM]);
    const nearNyquist = downsample(new StreamingDownsampler(inputRate, 16_000), sine(7900, inputRate, inputRate, 0.5), [RENDER_QUANTUM]);
    const voiceGain = amplitude(voice) / 0.5;
    const nearNyquistGain = amplitude(nearNyquist) / 0.5;
    console.info(`box filter 48→16 kHz: 1 kHz gain ${voiceGain.toFixed(4)}, 7.9 kHz gain ${nearNyquistGain.toFixed(4)} (${(20 * Math.log10(nearNyquistGain)).toFixed(1)} dB)`);
    // Theory for a 3-tap box: |sin(3x) / (3·sin x)|, x = π·f/48000: 0.9943 at 1 kHz, 0.674 at 7.9 kHz.
    expect(voiceGain).toBeGreaterThan(0.98);
    expect(voiceGain).toBeLessThan(1.01);
    expect(nearNyquistGain).toBeGreaterThan(0.6);
    expect(nearNyquistGain).toBeLessThan(0.72);
  });
});

describe('StreamingDownsampler 44.1 kHz → 16 kHz', () => {
  it('gives n·16000/44100 samples, within 1, after every chunk of a long stream', () => {
    const downsampler = new StreamingDownsampler(44_100, 16_000);
    expect(downsampler.ratio).toBeCloseTo(2.75625, 12);
    const chunk = noise(RENDER_QUANTUM);
    let received = 0;
    let produced = 0;
    let worst = 0;
    // 60 s of render quanta.
    for (let quantum = 0; quantum < (60 * 44_100) / RENDER_QUANTUM; quantum++) {
      produced += downsampler.push(chunk).length;
      received += chunk.length;
      worst = Math.max(worst, Math.abs(produced - (received * 16_000) / 44_100));
    }
    expect(worst).toBeLessThan(1);
    expect(Math.abs(produced - (received * 16_000) / 44_100)).toBeLessThan(1);
  });

  it('gives the same samples however the input is chunked (the state carries over exactly)', () => {
    const input = noise(44_100 * 2);
    const whole = downsample(new StreamingDownsampler(44_100, 16_000), input, [input.length]);
    const quanta = downsample(new StreamingDownsampler(44_100, 16_000), input, [RENDER_QUANTUM]);
    const ragged = downsample(new StreamingDownsampler(44_100, 16_000), input, [3, 1, 441, 128, 17]);
    expect(Math.abs(whole.length - 32_000)).toBeLessThanOrEqual(1);
    expect(quanta).toEqual(whole);
    expect(ragged).toEqual(whole);
  });

  it('keeps a constant signal constant, with the fractional edge weights summing to 1', () => {
    const output = downsample(new StreamingDownsampler(44_100, 16_000), new Float32Array(44_100).fill(-0.5), [RENDER_QUANTUM]);
    expect(Math.abs(output.length - 16_000)).toBeLessThanOrEqual(1);
    for (const sample of output) expect(sample).toBeCloseTo(-0.5, 6);
  });

  it('keeps a 1 kHz tone’s amplitude', () => {
    const output = downsample(new StreamingDownsampler(44_100, 16_000), sine(1000, 44_100, 44_100, 0.5), [RENDER_QUANTUM]);
    expect(amplitude(output) / 0.5).toBeGreaterThan(0.98);
    expect(amplitude(output) / 0.5).toBeLessThan(1.01);
  });
});

describe('StreamingDownsampler rates', () => {
  it.each([
    [0, 16_000],
    [-48_000, 16_000],
    [48_000, 0],
    [48_000, -16_000],
    [Number.NaN, 16_000],
    [48_000, Number.NaN],
  ])('throws RangeError for %s → %s', (inputRate, outputRate) => {
    expect(() => new StreamingDownsampler(inputRate, outputRate)).toThrow(RangeError);
  });

  it('passes 16 kHz through unchanged at ratio 1', () => {
    const input = noise(1000);
    expect(downsample(new StreamingDownsampler(16_000, 16_000), input, [RENDER_QUANTUM])).toEqual(input);
  });
});
