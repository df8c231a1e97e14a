// Converts a stream of samples at the AudioContext's rate to 16 kHz, for browsers that cannot run
// the capture context at 16 kHz themselves (Firefox refuses to connect a microphone to a context
// whose rate differs from the device's). Chromium resamples natively and never uses this.
// Each output sample is the mean of the input it covers (a box filter, with fractional weights at
// the edges), which keeps the length exact over any chunking and takes the edge off aliasing; good
// enough for voice activity and speech recognition, not for music.
// Owns: the resampling arithmetic and its state between chunks. Must not import: anything with side
// effects (it runs in the AudioWorkletGlobalScope).

export class StreamingDownsampler {
  /** Input samples per output sample. */
  readonly ratio: number;
  private sum = 0;
  /** How much of the current output sample's span of input has been summed (0 ≤ covered < ratio). */
  private covered = 0;
  private scratch = new Float32Array(0);

  constructor(
    readonly inputRate: number,
    readonly outputRate: number,
  ) {
    if (!(inputRate > 0) || !(outputRate > 0)) throw new RangeError(`sample rates must be positive, got ${inputRate} → ${outputRate}`);
    this.ratio = inputRate / outputRate;
  }

  /**
   * Returns the output samples that `input` completes. The array is reused by the next call (this
   * runs on the audio thread, where allocating per render quantum invites glitches): copy to keep.
   */
  push(input: Float32Array): Float32Array {
    const most = Math.ceil((this.covered + input.length) / this.ratio) + 1;
    if (this.scratch.length < most) this.scratch = new Float32Array(most);
    let written = 0;
    for (let i = 0; i < input.length; i++) {
      const sample = input[i]!;
      let remaining = 1;
      while (remaining > 0) {
        const needed = this.ratio - this.covered;
        if (remaining >= needed - 1e-9) {
          this.scratch[written++] = (this.sum + sample * needed) / this.ratio;
          remaining -= needed;
          this.sum = 0;
          this.covered = 0;
        } else {
          this.sum += sample * remaining;
          this.covered += remaining;
          remaining = 0;
        }
      }
    }
    return this.scratch.subarray(0, written);
  }
}
