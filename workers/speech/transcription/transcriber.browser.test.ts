// The Whisper path in real Chromium, as far as it can go without Whisper weights (none can be had on
// this machine): the real worker, the real transformers.js asking the organisation's mirror for the
// model, and every failure ending in a TranscriptionUnavailableError that tells the candidate to type.
// That a model loads and transcribes is not shown here; see whisper.worker.ts for what only real
// weights can verify.
import { describe, expect, it } from 'vitest';
import { loadTranscriber } from './transcriber.ts';
import { TranscriptionUnavailableError, TYPE_INSTEAD } from './transcription-errors.ts';

const NO_GPU = { webgpu: null };
// The sync server's model mirror, which has no Whisper files.
const MIRROR = `${location.origin}/models`;

async function failureOf(promise: Promise<unknown>): Promise<TranscriptionUnavailableError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TranscriptionUnavailableError);
  return error as TranscriptionUnavailableError;
}

describe('loading the speech model', () => {
  it('says the model is missing from the mirror, names the file, and that typing still works', { timeout: 60_000 }, async () => {
    const progress: unknown[] = [];
    const error = await failureOf(loadTranscriber({ languageTag: 'en', capabilities: NO_GPU, mirrorBase: MIRROR, onProgress: (event) => progress.push(event) }));
    expect(error.reason).toBe('model-missing');
    // transformers.js asked the mirror, at Hugging Face's path, for the English-only tiny model's config first.
    expect(error.url).toBe(`${MIRROR}/huggingface.co/onnx-community/whisper-tiny.en_timestamped/resolve/main/config.json`);
    expect(error.message).toContain('Voice transcription is not available');
    expect(error.message).toContain('404 from the mirror');
    expect(error.message.endsWith(TYPE_INSTEAD)).toBe(true);
    expect(progress).toEqual([]);
  });

  it('asks for the multilingual model for a Spanish interview', { timeout: 60_000 }, async () => {
    const error = await failureOf(loadTranscriber({ languageTag: 'es-MX', capabilities: NO_GPU, mirrorBase: MIRROR }));
    expect(error.reason).toBe('model-missing');
    expect(error.url).toContain('/onnx-community/whisper-base_timestamped/resolve/main/');
  });

  it('tells the candidate when Whisper does not know the interview language, without starting a worker', async () => {
    let workers = 0;
    const error = await failureOf(
      loadTranscriber({
        languageTag: 'tlh',
        capabilities: NO_GPU,
        mirrorBase: MIRROR,
        createWorker: () => {
          workers++;
          return new Worker('about:blank');
        },
      }),
    );
    expect(error.reason).toBe('language');
    expect(error.message).toContain('(tlh)');
    expect(error.message).toContain(TYPE_INSTEAD);
    expect(workers).toBe(0);
  });

  it('turns a worker that dies into the same message instead of a hang', { timeout: 30_000 }, async () => {
    const broken = URL.createObjectURL(new Blob(['throw new Error("the speech worker ran out of memory")'], { type: 'text/javascript' }));
    const error = await failureOf(loadTranscriber({ languageTag: 'en', capabilities: NO_GPU, mirrorBase: MIRROR, createWorker: () => new Worker(broken) }));
    expect(error.reason).toBe('worker');
    expect(error.message).toContain('the speech worker stopped');
    expect(error.message).toContain(TYPE_INSTEAD);
  });
});
