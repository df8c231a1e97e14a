// The mirror layout and the records pointed at it, against web-llm's real prebuiltAppConfig.
import { prebuiltAppConfig } from '@mlc-ai/web-llm';
import { describe, expect, it } from 'vitest';
import { buildLlmCatalogue } from '../llm-catalogue.ts';
import { mirrorModelRecord, mirrorPathOf, mirrorUrlOf, modelRecordForVariant } from './mirror-url.ts';
import { modelBaseUrl, tokenizerFileOf } from './web-llm-layout.ts';

const PAGE = 'https://buddy.example.org/settings/ai';

describe('the mirror layout', () => {
  it('maps a public URL to <host><pathname>', () => {
    expect(mirrorPathOf('https://huggingface.co/mlc-ai/X-MLC/resolve/main/tensor-cache.json')).toBe('huggingface.co/mlc-ai/X-MLC/resolve/main/tensor-cache.json');
    expect(mirrorPathOf('https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base/X.wasm?raw=1')).toBe(
      'raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base/X.wasm',
    );
  });

  it('puts it under an absolute mirror, or one on this origin', () => {
    const url = 'https://huggingface.co/mlc-ai/X-MLC/resolve/main/params_shard_0.bin';
    expect(mirrorUrlOf(url, 'https://models.example.org/', PAGE)).toBe('https://models.example.org/huggingface.co/mlc-ai/X-MLC/resolve/main/params_shard_0.bin');
    expect(mirrorUrlOf(url, '/models', PAGE)).toBe('https://buddy.example.org/models/huggingface.co/mlc-ai/X-MLC/resolve/main/params_shard_0.bin');
  });
});

describe("web-llm's URL conventions", () => {
  it('cleans a model URL as web-llm does', () => {
    expect(modelBaseUrl('https://huggingface.co/mlc-ai/X-MLC', PAGE)).toBe('https://huggingface.co/mlc-ai/X-MLC/resolve/main/');
    expect(modelBaseUrl('https://huggingface.co/mlc-ai/X-MLC/', PAGE)).toBe('https://huggingface.co/mlc-ai/X-MLC/resolve/main/');
    expect(modelBaseUrl('https://host/m/X-MLC/resolve/v2/', PAGE)).toBe('https://host/m/X-MLC/resolve/v2/');
    expect(modelBaseUrl('/models/huggingface.co/mlc-ai/X-MLC', PAGE)).toBe('https://buddy.example.org/models/huggingface.co/mlc-ai/X-MLC/resolve/main/');
  });

  it('picks the tokenizer web-llm reads', () => {
    expect(tokenizerFileOf(['tokenizer.model', 'tokenizer.json'])).toBe('tokenizer.json');
    expect(tokenizerFileOf(['tokenizer.model'])).toBe('tokenizer.model');
    expect(tokenizerFileOf(['vocab.txt'])).toBeNull();
  });
});

describe('records pointed at the mirror', () => {
  const catalogue = buildLlmCatalogue();

  it('rewrites only the two URLs, to the mirror in web-llm’s cleaned form', () => {
    const tiny = catalogue[0]!.variants.q4f16;
    const original = prebuiltAppConfig.model_list.find((record) => record.model_id === tiny.modelId)!;
    const mirrored = modelRecordForVariant(tiny, prebuiltAppConfig.model_list, 'https://models.example.org', PAGE);
    expect(mirrored).toEqual({
      ...original,
      model: `https://models.example.org/huggingface.co/mlc-ai/${tiny.modelId}/resolve/main/`,
      model_lib: `https://models.example.org/${mirrorPathOf(original.model_lib)}`,
    });
    // Features and overrides survive: the f16 SmolLM build needs shader-f16.
    expect(mirrored.required_features).toEqual(original.required_features);
    // web-llm cleaning it again changes nothing, so it asks for exactly the URLs we cached.
    expect(modelBaseUrl(mirrored.model, PAGE)).toBe(mirrored.model);
  });

  it('leaves the public hosts when the organisation has no mirror', () => {
    const small = catalogue[1]!.variants.q4f32;
    const record = modelRecordForVariant(small, prebuiltAppConfig.model_list, null, PAGE);
    expect(record.model).toMatch(/^https:\/\/huggingface\.co\/mlc-ai\//);
    expect(record.model_lib).toMatch(/^https:\/\/raw\.githubusercontent\.com\//);
  });

  it('says what to do when web-llm lacks the variant', () => {
    expect(() => modelRecordForVariant({ ...catalogue[0]!.variants.q4f32, modelId: 'Gone-MLC' }, prebuiltAppConfig.model_list, null, PAGE)).toThrow(/update the catalogue/);
  });

  it('maps a record on a same-origin mirror to absolute URLs', () => {
    const record = mirrorModelRecord({ model_id: 'X', model: 'https://huggingface.co/mlc-ai/X-MLC', model_lib: 'https://raw.githubusercontent.com/a/b/X.wasm' }, '/models', PAGE);
    expect(record.model).toBe('https://buddy.example.org/models/huggingface.co/mlc-ai/X-MLC/resolve/main/');
    expect(record.model_lib).toBe('https://buddy.example.org/models/raw.githubusercontent.com/a/b/X.wasm');
  });
});
