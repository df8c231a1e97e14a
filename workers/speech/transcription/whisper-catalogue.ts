// The Whisper models the app may run, which one fits an interview language and a device, and the
// exact files transformers.js 4.3.1 will ask for, so the app's downloader can fetch them (from the
// organisation's mirror, with progress and checks) into the cache transformers.js reads.
//
// Models: onnx-community's `_timestamped` exports of tiny, base and small, `.en` for English and
// multilingual for the rest. Only the `_timestamped` exports output the decoder's cross-attentions,
// which word timestamps are computed from (transformers.js throws "Model outputs must contain cross
// attentions" for the others), and the final transcript needs a time on every word.
//
// Files: what transformers.js 4.3.1 reads for pipeline('automatic-speech-recognition') on a Whisper
// model (checked in its src/pipelines.js, utils/model_registry/get_files.js, models/session.js,
// models/session_config.js, utils/dtypes.js, utils/model-loader.js): config.json,
// generation_config.json, tokenizer.json, tokenizer_config.json, preprocessor_config.json, and the
// `model` and `decoder_model_merged` sessions as onnx/encoder_model<suffix>.onnx and
// onnx/decoder_model_merged<suffix>.onnx, the suffix from the dtype (q8 is "_quantized"), plus
// `<file>.onnx_data` chunks only when config.json's transformers.js_config says the weights are
// external. A transformers.js upgrade must re-check this list.
//
// Sizes: not known here. This machine cannot reach Hugging Face, and the sizes differ per dtype and
// per export revision, so none are written down: the downloader reads each file's size from the
// server's Content-Length (or Content-Range) at download time.
//
// Owns: model ids, the size/dtype choice and its reasons, the file list. Pure: no transformers.js
// import (it is megabytes), no DOM.
import type { DeviceCapabilities } from '../../../models/device-capabilities.ts';

export type WhisperSize = 'tiny' | 'base' | 'small';
export type WhisperDtype = 'fp32' | 'fp16' | 'q8' | 'q4' | 'q4f16';

/** What the model choice needs to know about the device. */
export interface WhisperDevice {
  /** A usable hardware WebGPU adapter (a software one, e.g. SwiftShader, does not count). */
  webgpu: boolean;
  /** The adapter has the `shader-f16` feature, so fp16 weights run natively. */
  shaderF16: boolean;
}

/**
 * Per-session dtypes, keyed as transformers.js looks them up (the session's file name). A type, not
 * an interface, so it passes as transformers.js's Record<string, DataType>.
 */
export type WhisperDtypes = {
  encoder_model: WhisperDtype;
  decoder_model_merged: WhisperDtype;
};

export interface WhisperModelChoice {
  /** transformers.js model id, e.g. 'onnx-community/whisper-base_timestamped'. */
  modelId: string;
  size: WhisperSize;
  englishOnly: boolean;
  /**
   * The Whisper language code to pass to generate(), e.g. 'fr'; null for `.en` models, which refuse
   * any (transformers.js throws "Cannot specify `task` or `language` for an English-only model").
   */
  language: string | null;
  device: 'webgpu' | 'wasm';
  dtype: WhisperDtypes;
  /** Why this model, in words for the settings screen. */
  reason: string;
}

/** The revision every file is fetched at (transformers.js's default), in URLs and cache keys. */
export const WHISPER_REVISION = 'main';
/** Cache Storage name transformers.js keeps model files in (its env.cacheKey default), keyed by URL. */
export const TRANSFORMERS_CACHE_NAME = 'transformers-cache';
export const HUGGING_FACE_ORIGIN = 'https://huggingface.co';

const MODEL_IDS: Record<WhisperSize, { english: string; multilingual: string }> = {
  tiny: { english: 'onnx-community/whisper-tiny.en_timestamped', multilingual: 'onnx-community/whisper-tiny_timestamped' },
  base: { english: 'onnx-community/whisper-base.en_timestamped', multilingual: 'onnx-community/whisper-base_timestamped' },
  small: { english: 'onnx-community/whisper-small.en_timestamped', multilingual: 'onnx-community/whisper-small_timestamped' },
};

// The languages Whisper was trained on (transformers.js 4.3.1's WHISPER_LANGUAGES), by code.
const WHISPER_LANGUAGES = new Set(
  (
    'en zh de es ru ko fr ja pt tr pl ca nl ar sv it id hi fi vi he uk el ms cs ro da hu ta no th ur hr bg lt la mi ml cy sk te fa lv bn sr az sl ' +
    'kn et mk br eu is hy ne mn bs kk sq sw gl mr pa si km sn yo so af oc ka be tg sd gu am yi lo uz fo ht ps tk nn mt sa lb my bo tl mg as tt ' +
    'haw ln ha ba jw su'
  ).split(' '),
);
// BCP 47 primary subtags that Whisper spells differently.
const LANGUAGE_ALIASES: Record<string, string> = { nb: 'no', iw: 'he', in: 'id', ji: 'yi', jv: 'jw', fil: 'tl' };

/** Whisper's code for an interview language (a BCP 47 tag: 'en', 'fr-CA', 'nb-NO'), or null when Whisper does not know it. */
export function whisperLanguageOf(languageTag: string): string | null {
  const primary = languageTag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  const code = LANGUAGE_ALIASES[primary] ?? primary;
  return WHISPER_LANGUAGES.has(code) ? code : null;
}

/** The device as the model choice sees it, from the app's device probe. */
export function whisperDeviceOf(capabilities: Pick<DeviceCapabilities, 'webgpu'>): WhisperDevice {
  const gpu = capabilities.webgpu;
  // A software adapter runs WebGPU on the CPU, slower than the WASM build it would replace.
  if (!gpu || gpu.isFallbackAdapter) return { webgpu: false, shaderF16: false };
  return { webgpu: true, shaderF16: gpu.features.includes('shader-f16') };
}

/**
 * Per-device dtypes. WASM: 8-bit weights, transformers.js's own default for WASM. WebGPU: the
 * decoder, which runs once per token, in 4-bit; the encoder, which runs once per window and is the
 * part most hurt by quantisation, in fp32, or fp16 where the adapter has shader-f16
 * (transformers.js refuses fp16 on WebGPU without it).
 */
export function whisperDtypes(device: WhisperDevice): { device: 'webgpu' | 'wasm'; dtype: WhisperDtypes } {
  if (!device.webgpu) return { device: 'wasm', dtype: { encoder_model: 'q8', decoder_model_merged: 'q8' } };
  if (device.shaderF16) return { device: 'webgpu', dtype: { encoder_model: 'fp16', decoder_model_merged: 'q4f16' } };
  return { device: 'webgpu', dtype: { encoder_model: 'fp32', decoder_model_merged: 'q4' } };
}

/**
 * The size that keeps up with speech on this device: tiny on the CPU for English (base's encoder
 * pass is several times slower there, and partials must come every couple of seconds), base on the
 * CPU for other languages (tiny's multilingual error rates are far higher than base's), base on a
 * GPU, and small on a GPU with shader-f16 for languages other than English, where the larger model
 * helps most. Untested guesses until real weights run on real devices (see whisper.worker.ts).
 */
export function defaultWhisperSize(english: boolean, device: WhisperDevice): WhisperSize {
  if (!device.webgpu) return english ? 'tiny' : 'base';
  return !english && device.shaderF16 ? 'small' : 'base';
}

/**
 * The model for an interview language on a device, or null when Whisper does not know the language
 * (candidates then type). `size` overrides the default (a settings choice).
 */
export function chooseWhisperModel(languageTag: string, device: WhisperDevice, options: { size?: WhisperSize } = {}): WhisperModelChoice | null {
  const language = whisperLanguageOf(languageTag);
  if (language === null) return null;
  const english = language === 'en';
  const size = options.size ?? defaultWhisperSize(english, device);
  const { device: runtime, dtype } = whisperDtypes(device);
  const ids = MODEL_IDS[size];
  const where =
    runtime === 'wasm'
      ? device.webgpu
        ? 'on the CPU'
        : 'on the CPU (no hardware WebGPU here)'
      : device.shaderF16
        ? 'on the GPU, in 16-bit'
        : 'on the GPU (no shader-f16, so the encoder stays 32-bit)';
  return {
    modelId: english ? ids.english : ids.multilingual,
    size,
    englishOnly: english,
    language: english ? null : language,
    device: runtime,
    dtype,
    reason: `Whisper ${size}${english ? ' (English-only)' : ''} ${where}${options.size ? ', as chosen in settings' : ''}.`,
  };
}

const DTYPE_SUFFIX: Record<WhisperDtype, string> = { fp32: '', fp16: '_fp16', q8: '_quantized', q4: '_q4', q4f16: '_q4f16' };

/** The ONNX file transformers.js loads for a session and dtype, e.g. onnx/encoder_model_q4.onnx. */
export function onnxFileOf(session: keyof WhisperDtypes, dtype: WhisperDtype): string {
  return `onnx/${session}${DTYPE_SUFFIX[dtype]}.onnx`;
}

export interface WhisperModelFile {
  /** Path inside the model repository, as transformers.js names it. */
  path: string;
  /** Where it lives on Hugging Face; its mirror copy is mirrorUrlOf(publicUrl, mirrorBase). */
  publicUrl: string;
}

/** The public URL transformers.js builds for a file (remoteHost + '{model}/resolve/{revision}/' + path). */
export function whisperFileUrl(modelId: string, path: string, origin = HUGGING_FACE_ORIGIN): string {
  return `${origin.replace(/\/+$/, '')}/${modelId}/resolve/${WHISPER_REVISION}/${path}`;
}

const CONFIG_FILES = ['config.json', 'generation_config.json', 'preprocessor_config.json', 'tokenizer.json', 'tokenizer_config.json'];

interface TransformersJsConfig {
  'transformers.js_config'?: { use_external_data_format?: boolean | number | Record<string, boolean | number> };
}

/**
 * Every file the model needs, in the order transformers.js first asks for them (config first).
 * Pass the model's parsed config.json when there is one: an export whose weights exceed 2 GB lists
 * external-data chunks there (none of tiny/base/small do today, but the rule is transformers.js's).
 */
export function whisperModelFiles(choice: Pick<WhisperModelChoice, 'modelId' | 'dtype'>, config?: unknown): WhisperModelFile[] {
  const external = (config as TransformersJsConfig | undefined)?.['transformers.js_config']?.use_external_data_format;
  const paths = [...CONFIG_FILES];
  for (const session of ['encoder_model', 'decoder_model_merged'] as const) {
    const onnx = onnxFileOf(session, choice.dtype[session]);
    paths.push(onnx);
    const name = onnx.slice('onnx/'.length);
    const chunks = externalChunks(external, name, session);
    for (let i = 0; i < chunks; i++) paths.push(`${onnx}_data${i === 0 ? '' : `_${i}`}`);
  }
  return paths.map((path) => ({ path, publicUrl: whisperFileUrl(choice.modelId, path) }));
}

// transformers.js's resolveExternalDataFormat: a number of chunks, true for one, or a map by file name.
function externalChunks(setting: boolean | number | Record<string, boolean | number> | undefined, fullName: string, session: string): number {
  if (setting === undefined || setting === false) return 0;
  if (typeof setting === 'object') return Number(setting[fullName] ?? setting[session] ?? 0);
  return Number(setting);
}
