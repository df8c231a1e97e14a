// Sample-rate conversion to Whisper's 16 kHz. Live capture already arrives at 16 kHz (the capture
// team's AudioWorklet); this is for audio that does not: an uploaded file decoded at 44.1 or 48 kHz,
// a device whose AudioContext refused 16 kHz. Whisper's log-mel features cover 0–8 kHz, so anything
// above the new Nyquist (8 kHz) must be filtered out first or it folds back into the speech band
// (an 11 kHz hiss becomes a 5 kHz whistle). A Kaiser-windowed sinc does both jobs in one pass and
// works for any ratio, including non-integer ones (44.1 → 16 kHz is 160/441).
// Owns: resampling mono Float32 audio. Pure: no DOM, no Web Audio, no allocation beyond the output.

export const WHISPER_SAMPLE_RATE = 16_000;

export interface ResampleOptions {
  /** Sinc zero crossings kept on each side: more is a steeper filter and more work per sample. */
  zeroCrossings?: number;
  /** Where the low-pass starts to fall, as a share of the lower of the two Nyquist frequencies. */
  cutoff?: number;
  /** Kaiser window shape: 8 gives about 80 dB of stopband attenuation. */
  kaiserBeta?: number;
}

// 16 crossings and 0.92 keep 0–6.5 kHz flat (−2 dB at 7 kHz) and put 70 dB on 8.5 kHz and over
// 100 dB on 9 kHz and up, where aliases would come from. ~100 taps per output sample from 44.1 or
// 48 kHz: ~0.35 s of one core per minute of audio (measured in Node 20), once per uploaded file.
const DEFAULTS: Required<ResampleOptions> = { zeroCrossings: 16, cutoff: 0.92, kaiserBeta: 8 };
// Kernel table points per zero crossing; linear interpolation between them errs by ~1e-6.
const TABLE_STEPS = 512;

/** `input` (mono, at `fromRate` Hz) resampled to 16 kHz. */
export function resampleTo16k(input: Float32Array, fromRate: number, options: ResampleOptions = {}): Float32Array {
  return resample(input, fromRate, WHISPER_SAMPLE_RATE, options);
}

/** Output length for `inputLength` samples converted from `fromRate` to `toRate`. */
export function resampledLength(inputLength: number, fromRate: number, toRate: number): number {
  return Math.round((inputLength * toRate) / fromRate);
}

export function resample(input: Float32Array, fromRate: number, toRate: number, options: ResampleOptions = {}): Float32Array {
  for (const [name, rate] of [['fromRate', fromRate], ['toRate', toRate]] as const) {
    if (!Number.isFinite(rate) || rate <= 0) throw new RangeError(`${name} must be a positive sample rate, not ${rate}.`);
  }
  if (fromRate === toRate) return input.slice();
  const { zeroCrossings, cutoff: cutoffShare, kaiserBeta } = { ...DEFAULTS, ...options };
  const outLength = resampledLength(input.length, fromRate, toRate);
  const output = new Float32Array(outLength);
  if (outLength === 0) return output;

  // Cutoff in cycles per input sample, relative to the input's Nyquist: when downsampling the
  // filter must sit below the OUTPUT's Nyquist, when upsampling below the input's.
  const cutoff = Math.min(1, toRate / fromRate) * cutoffShare;
  // The kernel spans ±zeroCrossings of sinc(cutoff·d), i.e. ±zeroCrossings/cutoff input samples.
  const halfWidth = zeroCrossings / cutoff;
  const table = kernelTable(zeroCrossings, kaiserBeta);
  const step = fromRate / toRate;
  const last = input.length - 1;

  for (let n = 0; n < outLength; n++) {
    const center = n * step;
    const first = Math.max(0, Math.ceil(center - halfWidth));
    const end = Math.min(last, Math.floor(center + halfWidth));
    let sum = 0;
    for (let k = first; k <= end; k++) {
      const position = Math.abs(center - k) * cutoff * TABLE_STEPS;
      const index = position | 0;
      const fraction = position - index;
      const a = table[index]!;
      sum += input[k]! * (a + fraction * (table[index + 1]! - a));
    }
    // Samples past either end count as silence, which is what a recording's edges are.
    output[n] = sum * cutoff;
  }
  return output;
}

const tables = new Map<string, Float64Array>();

/** sinc(x)·kaiser(x) sampled at x = i / TABLE_STEPS for x in [0, zeroCrossings] (the kernel is even). */
function kernelTable(zeroCrossings: number, beta: number): Float64Array {
  const key = `${zeroCrossings}:${beta}`;
  const cached = tables.get(key);
  if (cached) return cached;
  const size = zeroCrossings * TABLE_STEPS;
  // Two spare zeros, so interpolation at the very edge reads a defined neighbour.
  const table = new Float64Array(size + 2);
  const norm = besselI0(beta);
  for (let i = 0; i <= size; i++) {
    const x = i / TABLE_STEPS;
    const sinc = x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    const r = x / zeroCrossings;
    table[i] = (sinc * besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r)))) / norm;
  }
  tables.set(key, table);
  return table;
}

/** Modified Bessel function of the first kind, order 0 (its power series converges fast for β ≤ 20). */
function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  const quarterSquare = (x * x) / 4;
  for (let k = 1; k < 64; k++) {
    term *= quarterSquare / (k * k);
    sum += term;
    if (term < sum * 1e-16) break;
  }
  return sum;
}
