// The AudioWorkletProcessor that turns microphone input into 16 kHz mono frames on the audio thread:
// mixes channels down, downsamples when the context does not run at 16 kHz, batches 128-sample render
// quanta into frames and posts each one (its buffer transferred) on a MessagePort whose other end is
// in the speech worker, so the page's main thread never touches audio. Only ~20 level readings a
// second go to the page, for a meter.
// Loaded with audioWorklet.addModule(url), url from a `?worker&url` import, which Vite bundles into
// one self-contained module (a worklet cannot import from the page's chunks).
// Owns: the audio-thread half of capture. Must not import: DOM APIs (the scope has none).
import { CAPTURE_PROCESSOR_NAME, CAPTURE_SAMPLE_RATE, type CaptureControlMessage, type CaptureFrameMessage, type CaptureProcessorOptions, type CaptureStatusMessage } from './capture-format.ts';
import { StreamingDownsampler } from './downsampler.ts';
import { FrameBatcher } from './frame-batcher.ts';
import { LevelMeter } from './level-meter.ts';

// The AudioWorkletGlobalScope's names; the project's TypeScript libs describe the page and workers only.
declare const currentTime: number;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
  constructor(options?: unknown);
}
declare function registerProcessor(name: string, processor: new (options: { processorOptions: CaptureProcessorOptions }) => AudioWorkletProcessor): void;

const RENDER_QUANTUM = 128;

class MicrophoneCaptureProcessor extends AudioWorkletProcessor {
  private framePort: MessagePort | null = null;
  private readonly batcher: FrameBatcher;
  private readonly downsampler: StreamingDownsampler | null;
  private readonly levels: LevelMeter;
  private mono = new Float32Array(RENDER_QUANTUM);
  private started = false;
  private stopped = false;

  constructor(options: { processorOptions: CaptureProcessorOptions }) {
    super(options);
    const { inputSampleRate, frameSamples, levelsPerSecond } = options.processorOptions;
    this.downsampler = inputSampleRate === CAPTURE_SAMPLE_RATE ? null : new StreamingDownsampler(inputSampleRate, CAPTURE_SAMPLE_RATE);
    this.levels = new LevelMeter(inputSampleRate, levelsPerSecond);
    this.batcher = new FrameBatcher(frameSamples, (samples, startSample) => {
      this.framePort?.postMessage({ type: 'frame', samples, startSample } satisfies CaptureFrameMessage, [samples.buffer]);
    });
    this.port.onmessage = (event: MessageEvent<CaptureControlMessage>) => {
      if (event.data.type === 'connect-frames') this.framePort = event.data.port;
      else if (event.data.type === 'stop') this.stop();
    };
  }

  process(inputs: Float32Array[][]): boolean {
    if (this.stopped) return false;
    const channels = inputs[0];
    // No channels: the source is not connected yet (or was disconnected); nothing to time from.
    if (!channels || channels.length === 0) return true;
    if (!this.started) {
      this.started = true;
      this.post({ type: 'started', contextTime: currentTime });
    }
    const mono = this.mixDown(channels);
    this.levels.add(mono, (level) => this.post({ type: 'level', level }));
    this.batcher.push(this.downsampler ? this.downsampler.push(mono) : mono);
    return true;
  }

  private mixDown(channels: Float32Array[]): Float32Array {
    const first = channels[0]!;
    if (channels.length === 1) return first;
    if (this.mono.length !== first.length) this.mono = new Float32Array(first.length);
    this.mono.fill(0);
    for (const channel of channels) for (let i = 0; i < channel.length; i++) this.mono[i]! += channel[i]!;
    for (let i = 0; i < this.mono.length; i++) this.mono[i]! /= channels.length;
    return this.mono;
  }

  private stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.batcher.flush();
    const endSample = this.batcher.samplesReceived;
    this.framePort?.postMessage({ type: 'end', endSample } satisfies CaptureFrameMessage);
    this.framePort?.close();
    this.post({ type: 'stopped', endSample });
  }

  private post(message: CaptureStatusMessage): void {
    this.port.postMessage(message);
  }
}

registerProcessor(CAPTURE_PROCESSOR_NAME, MicrophoneCaptureProcessor);
