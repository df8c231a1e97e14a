// Writes a small FAKE MLC model into a model-mirror folder, laid out exactly as the mirror serves real
// ones (mirrorPathOf): mlc-chat-config.json, tokenizer.json, tensor-cache.json listing random-byte
// shards with their nbytes, and a random-byte .wasm. It has the shape web-llm reads but no real
// weights, so download tests run offline in seconds; web-llm could not run it.
// Owns: the fake model's files and its description for tests. Must not import: anything of the app
// but the mirror layout.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { mirrorPathOf } from '../../models/download/mirror-url.ts';

export interface FakeModelFile {
  /** Where web-llm would fetch it without a mirror. */
  publicUrl: string;
  /** Its path inside the mirror (and MODELS_DIR). */
  mirrorPath: string;
  bytes: number;
  sha256Hex: string;
}

export interface FakeMlcModel {
  modelId: string;
  /** The record's `model`: a Hugging Face repo URL, as in prebuiltAppConfig. */
  modelUrl: string;
  /** The record's `model_lib`. */
  modelLibUrl: string;
  files: FakeModelFile[];
  totalBytes: number;
}

export interface FakeMlcModelOptions {
  modelId?: string;
  /** Lay the files out where a real catalogue record points (its `model` and `model_lib`). */
  modelUrl?: string;
  modelLibUrl?: string;
  shardBytes?: number[];
  wasmBytes?: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** A fake model in the MODELS_DIR of the sync server behind /models (tests/helpers/sync-server.global-setup.ts). */
    fakeMlcModel: FakeMlcModel;
  }
}

// Odd sizes on purpose: chunk and shard boundaries must not line up.
const DEFAULT_SHARD_BYTES = [2 * 1024 * 1024 + 1, 2 * 1024 * 1024 - 7, 1_500_000];

export function writeFakeMlcModel(mirrorDir: string, options: FakeMlcModelOptions = {}): FakeMlcModel {
  const modelId = options.modelId ?? 'Fake-Tiny-Instruct-q4f32_1-MLC';
  const modelUrl = (options.modelUrl ?? `https://huggingface.co/mlc-ai/${modelId}`).replace(/\/+$/, '');
  const baseUrl = `${modelUrl}/resolve/main/`;
  const modelLibUrl =
    options.modelLibUrl ?? `https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base/${modelId.replace(/-MLC$/, '')}_cs1k-webgpu.wasm`;
  const files: FakeModelFile[] = [];
  const write = (publicUrl: string, content: Buffer) => {
    const mirrorPath = mirrorPathOf(publicUrl);
    mkdirSync(dirname(join(mirrorDir, mirrorPath)), { recursive: true });
    writeFileSync(join(mirrorDir, mirrorPath), content);
    files.push({ publicUrl, mirrorPath, bytes: content.length, sha256Hex: createHash('sha256').update(content).digest('hex') });
  };
  const json = (value: unknown) => Buffer.from(JSON.stringify(value, null, 2));

  const shards = (options.shardBytes ?? DEFAULT_SHARD_BYTES).map((nbytes, index) => ({ dataPath: `params_shard_${index}.bin`, bytes: randomBytes(nbytes) }));
  write(
    `${baseUrl}mlc-chat-config.json`,
    json({ model_type: 'fake', quantization: 'q4f32_1', context_window_size: 4096, tokenizer_files: ['tokenizer.json', 'tokenizer_config.json'], conv_template: { name: 'fake' } }),
  );
  write(`${baseUrl}tokenizer.json`, json({ version: '1.0', model: { type: 'BPE', vocab: { a: 0, b: 1 }, merges: [] } }));
  write(
    `${baseUrl}tensor-cache.json`,
    json({
      metadata: { ParamSize: shards.length, ParamBytes: shards.reduce((sum, shard) => sum + shard.bytes.length, 0), BitsPerParam: 4 },
      records: shards.map((shard, index) => ({
        dataPath: shard.dataPath,
        format: 'raw-shard',
        nbytes: shard.bytes.length,
        records: [{ name: `param_${index}`, shape: [shard.bytes.length], dtype: 'uint8', format: 'raw', nbytes: shard.bytes.length, byteOffset: 0 }],
        md5sum: createHash('md5').update(shard.bytes).digest('hex'),
      })),
    }),
  );
  for (const shard of shards) write(`${baseUrl}${shard.dataPath}`, shard.bytes);
  write(modelLibUrl, randomBytes(options.wasmBytes ?? 300_000));

  return { modelId, modelUrl, modelLibUrl, files, totalBytes: files.reduce((sum, file) => sum + file.bytes, 0) };
}
