// The page `npm run bench:speech` drives: the app's own VAD worker (workers/speech/vad/) with the real
// Silero model through onnxruntime-web, over the espeak-ng fixture decoded to 16 kHz, as fast as it
// goes, so the figure is seconds of audio analysed per second of work.
import type { VadThroughputRun, VadWorkerEvent } from '../../../workers/speech/vad/vad-worker-protocol.ts';

declare global {
  interface Window {
    runSpeechBench: (options: { wavUrl: string; repeat: number; passes: number }) => Promise<{ loadMs: number; runs: VadThroughputRun[] }>;
  }
}

async function decode16k(url: string): Promise<Float32Array> {
  const bytes = await (await fetch(url)).arrayBuffer();
  // A 16 kHz offline context resamples the 48 kHz file as it decodes, as capture does live.
  const audio = await new OfflineAudioContext(1, 16_000, 16_000).decodeAudioData(bytes);
  return audio.getChannelData(0);
}

window.runSpeechBench = async ({ wavUrl, repeat, passes }) => {
  const once = await decode16k(wavUrl);
  const samples = new Float32Array(once.length * repeat);
  for (let i = 0; i < repeat; i++) samples.set(once, i * once.length);
  const worker = new Worker(new URL('../../../workers/speech/vad/vad.worker.ts', import.meta.url), { type: 'module' });
  const next = (type: VadWorkerEvent['type']) =>
    new Promise<VadWorkerEvent>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<VadWorkerEvent>) => {
        if (event.data.type === 'error') reject(new Error(event.data.message));
        else if (event.data.type === type) resolve(event.data);
      };
    });
  const ready = next('ready');
  worker.postMessage({ type: 'load', options: {} });
  const { loadMs } = (await ready) as Extract<VadWorkerEvent, { type: 'ready' }>;
  const done = next('throughput');
  worker.postMessage({ type: 'measure-throughput', samples, passes });
  const { runs } = (await done) as Extract<VadWorkerEvent, { type: 'throughput' }>;
  worker.terminate();
  return { loadMs, runs };
};
