// transformers.js's settings for the mirror: on a plain object, then on the real transformers.js
// 4.3.1 (in Node, its fetch replaced) to see the URL it really asks for. And the ONNX Runtime files
// are those of the ONNX Runtime transformers.js runs.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mirrorUrlOf } from '../../../models/download/mirror-url.ts';
import { configureTransformers, guardedFetch, RefusedOriginError, transformersFileUrl, transformersRemoteHost, type TransformersEnvLike } from './mirror.ts';
import { ORT_WASM_FILE, ORT_WASM_LOADER_FILE, ortWasmPaths } from './ort-wasm-files.ts';
import { whisperFileUrl } from './whisper-catalogue.ts';

const PAGE = 'https://buddy.example.org/interview/42';
const WASM = { wasm: '/assets/ort.wasm', mjs: '/assets/ort.mjs' };

function fakeEnv(): TransformersEnvLike {
  return {
    allowRemoteModels: false,
    allowLocalModels: true,
    remoteHost: 'https://huggingface.co/',
    remotePathTemplate: '{model}/resolve/{revision}/',
    useBrowserCache: false,
    useWasmCache: false,
    cacheKey: 'x',
    fetch: async () => new Response(),
    backends: { onnx: { wasm: { wasmPaths: 'https://cdn.jsdelivr.net/npm/onnxruntime-web/dist/', proxy: true } } },
  };
}

describe('transformersRemoteHost', () => {
  it('is <mirror>/huggingface.co/, absolute, or Hugging Face itself without a mirror', () => {
    expect(transformersRemoteHost('/models', PAGE)).toBe('https://buddy.example.org/models/huggingface.co/');
    expect(transformersRemoteHost('https://models.example.org/', PAGE)).toBe('https://models.example.org/huggingface.co/');
    expect(transformersRemoteHost(null, PAGE)).toBe('https://huggingface.co/');
  });
});

describe('configureTransformers', () => {
  it('points transformers.js at the mirror, off local paths, with caches on and ONNX Runtime from this origin', () => {
    const env = fakeEnv();
    const settings = configureTransformers(env, { mirrorBase: '/models', wasmPaths: WASM, pageUrl: PAGE });
    expect(env).toMatchObject({
      allowRemoteModels: true,
      allowLocalModels: false,
      remoteHost: 'https://buddy.example.org/models/huggingface.co/',
      remotePathTemplate: '{model}/resolve/{revision}/',
      useBrowserCache: true,
      useWasmCache: true,
      cacheKey: 'transformers-cache',
      backends: { onnx: { wasm: { wasmPaths: { wasm: 'https://buddy.example.org/assets/ort.wasm', mjs: 'https://buddy.example.org/assets/ort.mjs' }, proxy: false } } },
    });
    expect(settings.allowedOrigins).toEqual(['https://buddy.example.org']);
  });

  it('allows a mirror on another origin as well as the page’s', () => {
    const settings = configureTransformers(fakeEnv(), { mirrorBase: 'https://models.example.org', wasmPaths: WASM, pageUrl: PAGE });
    expect(settings.allowedOrigins).toEqual(['https://buddy.example.org', 'https://models.example.org']);
  });

  it('refuses ONNX Runtime files from another origin', () => {
    expect(() => configureTransformers(fakeEnv(), { mirrorBase: null, wasmPaths: { ...WASM, wasm: 'https://cdn.jsdelivr.net/x.wasm' }, pageUrl: PAGE })).toThrow(RefusedOriginError);
  });

  it('asks for the same URL as the downloader’s mirror copy of the catalogue file', () => {
    const settings = configureTransformers(fakeEnv(), { mirrorBase: '/models', wasmPaths: WASM, pageUrl: PAGE });
    const modelId = 'onnx-community/whisper-base_timestamped';
    expect(transformersFileUrl(settings, modelId, 'onnx/encoder_model_q4.onnx')).toBe(mirrorUrlOf(whisperFileUrl(modelId, 'onnx/encoder_model_q4.onnx'), '/models', PAGE));
  });
});

describe('guardedFetch', () => {
  it('lets the allowed origins through, logging them, and refuses the rest before any request', async () => {
    const requested: string[] = [];
    const reached: string[] = [];
    const fetchFn = guardedFetch(async (input) => (reached.push(String(input)), new Response('ok')), ['https://buddy.example.org'], PAGE, (url) => requested.push(url));
    await fetchFn('/models/huggingface.co/a/resolve/main/config.json');
    await expect(fetchFn('https://huggingface.co/a/resolve/main/config.json')).rejects.toThrow(/Refused to fetch https:\/\/huggingface\.co\/a\/resolve\/main\/config\.json/);
    await expect(fetchFn('https://cdn.jsdelivr.net/npm/onnxruntime-web/dist/x.wasm')).rejects.toBeInstanceOf(RefusedOriginError);
    expect(requested).toEqual(['https://buddy.example.org/models/huggingface.co/a/resolve/main/config.json']);
    expect(reached).toEqual(requested);
  });
});

describe('on the real transformers.js', () => {
  it('fetches the model config from the mirror URL, and nowhere else', async () => {
    const { env, pipeline } = await import('@huggingface/transformers');
    const saved = { ...env, backendsWasm: { ...env.backends.onnx.wasm } };
    const requested: string[] = [];
    try {
      const settings = configureTransformers(env, {
        mirrorBase: '/models',
        wasmPaths: WASM,
        pageUrl: PAGE,
        fetch: async () => new Response('not here', { status: 404, statusText: 'Not Found' }),
      }, (url) => requested.push(url));
      // Node has no Cache Storage (transformers.js throws when asked for it), nor should it write files.
      env.useBrowserCache = false;
      env.useFSCache = false;
      const modelId = 'onnx-community/whisper-tiny.en_timestamped';
      await expect(pipeline('automatic-speech-recognition', modelId)).rejects.toThrow(
        `Could not locate file: "${transformersFileUrl(settings, modelId, 'config.json')}".`,
      );
      expect(requested).toEqual(['https://buddy.example.org/models/huggingface.co/onnx-community/whisper-tiny.en_timestamped/resolve/main/config.json']);
    } finally {
      const { backendsWasm, ...rest } = saved;
      Object.assign(env, rest);
      Object.assign(env.backends.onnx.wasm ?? {}, backendsWasm);
    }
  });
});

describe("ONNX Runtime's files", () => {
  const transformersDir = new URL('../../../node_modules/@huggingface/transformers/', import.meta.url);
  const ortDir = new URL('node_modules/onnxruntime-web/', transformersDir);

  it('are those of the onnxruntime-web that transformers.js depends on', () => {
    const transformers = JSON.parse(readFileSync(new URL('package.json', transformersDir), 'utf8')) as { version: string; dependencies: Record<string, string> };
    const ort = JSON.parse(readFileSync(new URL('package.json', ortDir), 'utf8')) as { version: string };
    expect(transformers.version).toBe('4.3.1');
    expect(ort.version).toBe(transformers.dependencies['onnxruntime-web']);
    for (const file of [ORT_WASM_FILE, ORT_WASM_LOADER_FILE]) expect(statSync(fileURLToPath(new URL(`dist/${file}`, ortDir))).size).toBeGreaterThan(10_000);
  });

  it("are the variant transformers.js picks (its default CDN paths name the same files)", () => {
    const bundle = readFileSync(new URL('dist/transformers.web.js', transformersDir), 'utf8');
    expect(bundle).toMatch(/let wasmPathSuffix = "\.asyncify";/);
    expect(bundle).toContain('ort-wasm-simd-threaded${wasmPathSuffix}.wasm');
    expect(`ort-wasm-simd-threaded.asyncify.wasm`).toBe(ORT_WASM_FILE);
  });

  it('have absolute URLs ending in those names', () => {
    const paths = ortWasmPaths(PAGE);
    expect(paths.wasm).toMatch(/^https:\/\/buddy\.example\.org\/.*ort-wasm-simd-threaded\.asyncify\.wasm$/);
    expect(paths.mjs).toMatch(/^https:\/\/buddy\.example\.org\/.*ort-wasm-simd-threaded\.asyncify\.mjs$/);
  });
});
