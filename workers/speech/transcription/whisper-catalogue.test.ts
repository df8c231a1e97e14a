// The model choice, and the file list checked against what the real transformers.js 4.3.1 asks for:
// its pipeline() runs here in Node with env.fetch replaced, so no request leaves the process and the
// URLs it tries are recorded (the ONNX files it gets are 3 bytes, so loading stops there).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DeviceCapabilities } from '../../../models/device-capabilities.ts';
import {
  chooseWhisperModel,
  onnxFileOf,
  whisperDeviceOf,
  whisperDtypes,
  whisperFileUrl,
  whisperLanguageOf,
  whisperModelFiles,
  type WhisperDevice,
  type WhisperDtypes,
} from './whisper-catalogue.ts';

const CPU: WhisperDevice = { webgpu: false, shaderF16: false };
const GPU: WhisperDevice = { webgpu: true, shaderF16: false };
const GPU_F16: WhisperDevice = { webgpu: true, shaderF16: true };

describe('whisperLanguageOf', () => {
  it("maps BCP 47 tags to Whisper's codes", () => {
    expect(whisperLanguageOf('en')).toBe('en');
    expect(whisperLanguageOf('fr-CA')).toBe('fr');
    expect(whisperLanguageOf('zh_Hant')).toBe('zh');
    expect(whisperLanguageOf('nb-NO')).toBe('no');
    expect(whisperLanguageOf('jv')).toBe('jw');
    expect(whisperLanguageOf(' HI ')).toBe('hi');
  });

  it('knows every interview language the app offers', async () => {
    const { INTERVIEW_LANGUAGES } = await import('../../../web/ui/languages.ts');
    for (const { tag } of INTERVIEW_LANGUAGES) expect(whisperLanguageOf(tag), tag).not.toBeNull();
  });

  it('says null for a language Whisper was not trained on', () => {
    expect(whisperLanguageOf('zu')).toBeNull();
    expect(whisperLanguageOf('')).toBeNull();
  });
});

describe('whisperDeviceOf', () => {
  const gpu = (features: string[], isFallbackAdapter = false): Pick<DeviceCapabilities, 'webgpu'> => ({
    webgpu: { adapterDescription: 'test', features, maxBufferSize: 2 ** 30, maxStorageBufferBindingSize: 2 ** 30, isFallbackAdapter },
  });

  it('reads WebGPU and shader-f16 from the device probe, and treats a software adapter as none', () => {
    expect(whisperDeviceOf({ webgpu: null })).toEqual(CPU);
    expect(whisperDeviceOf(gpu(['timestamp-query']))).toEqual(GPU);
    expect(whisperDeviceOf(gpu(['shader-f16']))).toEqual(GPU_F16);
    expect(whisperDeviceOf(gpu(['shader-f16'], true))).toEqual(CPU);
  });
});

describe('chooseWhisperModel', () => {
  it('uses the English-only build for English, with no language token', () => {
    expect(chooseWhisperModel('en-GB', CPU)).toMatchObject({
      modelId: 'onnx-community/whisper-tiny.en_timestamped',
      size: 'tiny',
      englishOnly: true,
      language: null,
      device: 'wasm',
      dtype: { encoder_model: 'q8', decoder_model_merged: 'q8' },
    });
    expect(chooseWhisperModel('en', GPU)).toMatchObject({ modelId: 'onnx-community/whisper-base.en_timestamped', device: 'webgpu' });
  });

  it('uses a multilingual build, told the language, for other languages', () => {
    expect(chooseWhisperModel('fr', CPU)).toMatchObject({ modelId: 'onnx-community/whisper-base_timestamped', englishOnly: false, language: 'fr' });
    expect(chooseWhisperModel('ja', GPU_F16)).toMatchObject({
      modelId: 'onnx-community/whisper-small_timestamped',
      language: 'ja',
      device: 'webgpu',
      dtype: { encoder_model: 'fp16', decoder_model_merged: 'q4f16' },
    });
  });

  it('picks fp16 weights only where the adapter has shader-f16', () => {
    expect(whisperDtypes(CPU)).toEqual({ device: 'wasm', dtype: { encoder_model: 'q8', decoder_model_merged: 'q8' } });
    expect(whisperDtypes(GPU)).toEqual({ device: 'webgpu', dtype: { encoder_model: 'fp32', decoder_model_merged: 'q4' } });
    expect(whisperDtypes(GPU_F16)).toEqual({ device: 'webgpu', dtype: { encoder_model: 'fp16', decoder_model_merged: 'q4f16' } });
  });

  it('takes a size from settings, and says why in words', () => {
    const choice = chooseWhisperModel('de', GPU, { size: 'tiny' })!;
    expect(choice.modelId).toBe('onnx-community/whisper-tiny_timestamped');
    expect(choice.reason).toBe('Whisper tiny on the GPU (no shader-f16, so the encoder stays 32-bit), as chosen in settings.');
    expect(chooseWhisperModel('en', CPU)!.reason).toBe('Whisper tiny (English-only) on the CPU (no hardware WebGPU here).');
  });

  it('has nothing for a language Whisper does not know', () => {
    expect(chooseWhisperModel('zu', GPU)).toBeNull();
  });
});

describe('whisperModelFiles', () => {
  it('lists the configs and the two ONNX sessions for the dtype, at their Hugging Face URLs', () => {
    const choice = chooseWhisperModel('en', CPU)!;
    expect(whisperModelFiles(choice)).toEqual(
      [
        'config.json',
        'generation_config.json',
        'preprocessor_config.json',
        'tokenizer.json',
        'tokenizer_config.json',
        'onnx/encoder_model_quantized.onnx',
        'onnx/decoder_model_merged_quantized.onnx',
      ].map((path) => ({ path, publicUrl: `https://huggingface.co/onnx-community/whisper-tiny.en_timestamped/resolve/main/${path}` })),
    );
  });

  it('names the dtypes as transformers.js does', () => {
    expect(onnxFileOf('encoder_model', 'fp32')).toBe('onnx/encoder_model.onnx');
    expect(onnxFileOf('decoder_model_merged', 'q4f16')).toBe('onnx/decoder_model_merged_q4f16.onnx');
    expect(whisperFileUrl('a/b', 'onnx/x.onnx', 'https://mirror.example/huggingface.co/')).toBe('https://mirror.example/huggingface.co/a/b/resolve/main/onnx/x.onnx');
  });

  it("adds external-data chunks when the model's config says so", () => {
    const choice = chooseWhisperModel('en', GPU)!;
    const config = { 'transformers.js_config': { use_external_data_format: { 'encoder_model.onnx': 2 } } };
    expect(whisperModelFiles(choice, config).map((file) => file.path)).toEqual(
      expect.arrayContaining(['onnx/encoder_model.onnx', 'onnx/encoder_model.onnx_data', 'onnx/encoder_model.onnx_data_1']),
    );
    expect(whisperModelFiles(choice, { 'transformers.js_config': { use_external_data_format: true } }).map((file) => file.path)).toContain('onnx/decoder_model_merged_q4.onnx_data');
  });
});

// The first pipeline() call loads transformers.js and ONNX Runtime for Node, which takes more than the
// default 5 s on a fresh clone of a busy machine; a test cut off there leaves its pipeline fetching
// through the next test's mirror, so a timeout must not be what ends one.
describe('the file list against transformers.js 4.3.1 itself', { timeout: 60_000 }, () => {
  const cacheDirs: string[] = [];
  afterAll(async () => {
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (const dir of cacheDirs) rmSync(dir, { recursive: true, force: true });
  });
  const MIRROR_HOST = 'https://mirror.invalid/huggingface.co/';
  const whisperConfig = (extra: object = {}) => ({
    model_type: 'whisper',
    architectures: ['WhisperForConditionalGeneration'],
    is_encoder_decoder: true,
    d_model: 384,
    encoder_layers: 4,
    decoder_layers: 4,
    encoder_attention_heads: 6,
    decoder_attention_heads: 6,
    max_source_positions: 1500,
    ...extra,
  });

  /** The paths pipeline() fetched in full (not its 1-byte Range probes), for `modelId` and `dtype`. */
  async function pathsTransformersFetches(modelId: string, dtype: WhisperDtypes, config: object): Promise<Set<string>> {
    const { env, LogLevel, pipeline } = await import('@huggingface/transformers');
    // Its warnings about the 3-byte ONNX files are expected here.
    env.logLevel = LogLevel.NONE;
    const saved = { fetch: env.fetch, remoteHost: env.remoteHost, allowLocalModels: env.allowLocalModels, cacheDir: env.cacheDir };
    const fetched = new Set<string>();
    // In Node, transformers.js hands ONNX Runtime file paths, so the fetched files go through a
    // throwaway file cache (without one it fails in ways that leave unhandled rejections behind).
    const cacheDir = mkdtempSync(join(tmpdir(), 'ib-whisper-files-'));
    env.allowLocalModels = false;
    env.cacheDir = cacheDir;
    env.remoteHost = MIRROR_HOST;
    env.fetch = async (input: string | URL, init?: RequestInit) => {
      const url = String(input);
      if (!url.startsWith(MIRROR_HOST)) throw new Error(`transformers.js tried to reach ${url}`);
      const path = url.slice(`${MIRROR_HOST}${modelId}/resolve/main/`.length);
      const range = new Headers(init?.headers).get('Range');
      if (!range) fetched.add(path);
      if (path.endsWith('.onnx') || path.includes('.onnx_data')) return new Response(new Uint8Array([1, 2, 3]));
      return Response.json(path === 'config.json' ? config : {});
    };
    try {
      // 'cpu' because Node's ONNX Runtime has no 'wasm' device; the file names depend on the dtype only.
      await pipeline('automatic-speech-recognition', modelId, { device: 'cpu', dtype }).then(
        () => undefined,
        () => undefined,
      );
    } finally {
      Object.assign(env, saved);
      // Removed after all tests: the tokenizer and processor loads may still be writing into it.
      cacheDirs.push(cacheDir);
    }
    return fetched;
  }

  for (const [name, device] of [['WASM', CPU], ['WebGPU', GPU], ['WebGPU with shader-f16', GPU_F16]] as const) {
    it(`matches what pipeline() fetches for the ${name} choice`, async () => {
      const choice = chooseWhisperModel('fr', device)!;
      const fetched = await pathsTransformersFetches(choice.modelId, choice.dtype, whisperConfig());
      expect([...fetched].sort()).toEqual(whisperModelFiles(choice).map((file) => file.path).sort());
    });
  }

  it('matches it with external data too', async () => {
    const choice = chooseWhisperModel('en', GPU_F16)!;
    const config = whisperConfig({ 'transformers.js_config': { use_external_data_format: { 'encoder_model_fp16.onnx': 1 } } });
    const fetched = await pathsTransformersFetches(choice.modelId, choice.dtype, config);
    expect([...fetched].sort()).toEqual(whisperModelFiles(choice, config).map((file) => file.path).sort());
  });
});
