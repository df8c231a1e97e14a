// A level meter's numbers: RMS and peak over windows of 1/levelsPerSecond seconds, so the page gets
// ~20 readings a second however the audio is chunked, instead of one per 128-sample render quantum.
// Owns: the level arithmetic and its throttle. Must not import: anything with side effects (it runs
// in the AudioWorkletGlobalScope).
import type { AudioLevel } from './capture-format.ts';

export class LevelMeter {
  private readonly windowSamples: number;
  private sumOfSquares = 0;
  private peak = 0;
  private inWindow = 0;
  private total = 0;

  constructor(
    private readonly sampleRate: number,
    levelsPerSecond: number,
  ) {
    if (!(levelsPerSecond > 0)) throw new RangeError(`levelsPerSecond must be positive, got ${levelsPerSecond}`);
    this.windowSamples = Math.max(1, Math.round(sampleRate / levelsPerSecond));
  }

  /** Adds samples; calls `onLevel` for each window they complete (at most one per window). */
  add(samples: Float32Array, onLevel: (level: AudioLevel) => void): void {
    for (let i = 0; i < samples.length; i++) {
      const sample = samples[i]!;
      this.sumOfSquares += sample * sample;
      const magnitude = Math.abs(sample);
      if (magnitude > this.peak) this.peak = magnitude;
      this.inWindow++;
      this.total++;
      if (this.inWindow === this.windowSamples) {
        onLevel({ rms: Math.sqrt(this.sumOfSquares / this.inWindow), peak: this.peak, at: this.total / this.sampleRate });
        this.sumOfSquares = 0;
        this.peak = 0;
        this.inWindow = 0;
      }
    }
  }
}

/** dBFS of a linear level, floored at -100 so silence is a number a meter can draw. */
export function toDecibels(linear: number): number {
  return linear > 1e-5 ? 20 * Math.log10(linear) : -100;
}
