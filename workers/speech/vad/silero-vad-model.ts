// Silero VAD v5 through onnxruntime-web: 512 samples of 16 kHz audio in, the probability that they
// are speech out. The model is recurrent: its state and the last 64 samples of the previous frame
// (the context, as silero-vad's own OnnxWrapper keeps it) go into each call, so frames must come in
// order, one run at a time.
// Owns: the model's tensors and state. Must not import: the runtime's configuration (onnx-runtime.ts),
// the state machine.
import type { InferenceSession, Tensor } from 'onnxruntime-web/wasm';

export const SILERO_SAMPLE_RATE = 16_000;
export const SILERO_FRAME_SAMPLES = 512;
const CONTEXT_SAMPLES = 64;
const STATE_SHAPE = [2, 1, 128];

/** The parts of onnxruntime-web this needs, so a caller decides which build (and configuration) it gets. */
export interface OnnxRuntime {
  InferenceSession: { create(model: Uint8Array, options?: InferenceSession.SessionOptions): Promise<InferenceSession> };
  Tensor: typeof Tensor;
}

export class SileroVadModel {
  private state: Tensor;
  // One input buffer and tensor, refilled per frame: runs never overlap, and the runtime copies the
  // data into its own memory at run time.
  private readonly input = new Float32Array(CONTEXT_SAMPLES + SILERO_FRAME_SAMPLES);
  private readonly inputTensor: Tensor;
  private readonly sampleRate: Tensor;

  private constructor(
    private readonly ort: OnnxRuntime,
    private readonly session: InferenceSession,
  ) {
    this.state = this.zeroState();
    this.inputTensor = new ort.Tensor('float32', this.input, [1, this.input.length]);
    this.sampleRate = new ort.Tensor('int64', BigInt64Array.from([BigInt(SILERO_SAMPLE_RATE)]), []);
  }

  static async load(ort: OnnxRuntime, model: Uint8Array): Promise<SileroVadModel> {
    const session = await ort.InferenceSession.create(model, { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
    const missing = ['input', 'state', 'sr'].filter((name) => !session.inputNames.includes(name));
    if (missing.length > 0 || !session.outputNames.includes('output') || !session.outputNames.includes('stateN')) {
      throw new Error(`Not a Silero VAD v5 model (inputs ${session.inputNames.join(', ')}; outputs ${session.outputNames.join(', ')})`);
    }
    return new SileroVadModel(ort, session);
  }

  /** Probability (0–1) that `frame` (exactly 512 samples) is speech. */
  async probability(frame: Float32Array): Promise<number> {
    if (frame.length !== SILERO_FRAME_SAMPLES) throw new RangeError(`Silero VAD takes ${SILERO_FRAME_SAMPLES}-sample frames, got ${frame.length}`);
    this.input.set(frame, CONTEXT_SAMPLES);
    const outputs = await this.session.run({ input: this.inputTensor, state: this.state, sr: this.sampleRate });
    // This frame's tail is the next frame's context.
    this.input.copyWithin(0, this.input.length - CONTEXT_SAMPLES);
    const next = outputs['stateN'];
    const output = outputs['output'];
    if (!next || !output) throw new Error('Silero VAD returned no output or state');
    this.state.dispose();
    this.state = next;
    const probability = output.data[0];
    output.dispose();
    if (typeof probability !== 'number') throw new Error('Silero VAD returned a non-numeric probability');
    return probability;
  }

  /** Forgets the audio so far (a new, unrelated stream). */
  reset(): void {
    this.state.dispose();
    this.state = this.zeroState();
    this.input.fill(0);
  }

  async release(): Promise<void> {
    this.state.dispose();
    await this.session.release();
  }

  private zeroState(): Tensor {
    return new this.ort.Tensor('float32', new Float32Array(STATE_SHAPE.reduce((a, b) => a * b, 1)), STATE_SHAPE);
  }
}
