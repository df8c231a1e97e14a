// Collects audio that arrives in arbitrary pieces (128-sample render quanta in the worklet, frames of
// any size in the speech worker) into fixed-size frames, each a fresh Float32Array so it can be
// transferred to another thread without copying and without the sender reusing it.
// Owns: frame slicing and the running sample position. Must not import: anything with side effects
// (it runs in the AudioWorkletGlobalScope).

export type FrameListener = (frame: Float32Array, startSample: number) => void;

export class FrameBatcher {
  private frame: Float32Array;
  private filled = 0;
  /** Position, in samples since the first push, of the first sample of the frame being filled. */
  private frameStart = 0;

  constructor(
    readonly frameSamples: number,
    private readonly onFrame: FrameListener,
  ) {
    if (!Number.isInteger(frameSamples) || frameSamples <= 0) throw new RangeError(`frameSamples must be a positive integer, got ${frameSamples}`);
    this.frame = new Float32Array(frameSamples);
  }

  /** Samples received so far (including those waiting in the partial frame). */
  get samplesReceived(): number {
    return this.frameStart + this.filled;
  }

  push(samples: Float32Array): void {
    let read = 0;
    while (read < samples.length) {
      const take = Math.min(this.frameSamples - this.filled, samples.length - read);
      this.frame.set(samples.subarray(read, read + take), this.filled);
      this.filled += take;
      read += take;
      if (this.filled === this.frameSamples) this.emit(this.frame);
    }
  }

  /** Sends the partial frame, if any, shorter than frameSamples. */
  flush(): void {
    if (this.filled > 0) this.emit(this.frame.slice(0, this.filled));
  }

  private emit(frame: Float32Array): void {
    const start = this.frameStart;
    this.frameStart += this.filled;
    this.filled = 0;
    this.frame = new Float32Array(this.frameSamples);
    this.onFrame(frame, start);
  }
}
