import { prebuiltAppConfig } from '@mlc-ai/web-llm';
import { describe, expect, it } from 'vitest';
import { buildLlmCatalogue, CatalogueError, LLM_TIER_DEFINITIONS } from './llm-catalogue.ts';

describe('the LLM catalogue', () => {
  const catalogue = buildLlmCatalogue();

  it('takes every tier, in both quantisations, from web-llm\'s prebuiltAppConfig', () => {
    expect(catalogue.map((tier) => tier.id)).toEqual(LLM_TIER_DEFINITIONS.map((definition) => definition.id));
    for (const tier of catalogue) {
      for (const variant of Object.values(tier.variants)) {
        const record = prebuiltAppConfig.model_list.find((candidate) => candidate.model_id === variant.modelId)!;
        expect(record, variant.modelId).toBeTruthy();
        expect(variant.vramRequiredMB).toBe(record.vram_required_MB);
        expect(variant.modelUrl).toBe(record.model);
        expect(variant.modelLibUrl).toBe(record.model_lib);
      }
    }
  });

  it('runs from about 0.4 GB up to the 3B–4B models, smallest first', () => {
    const f16 = catalogue.map((tier) => tier.variants.q4f16.vramRequiredMB);
    expect(f16[0]).toBeLessThan(500);
    expect(catalogue.at(-1)!.family).toMatch(/Phi-3\.5-mini/);
    expect(catalogue.some((tier) => /3B/.test(tier.family))).toBe(true);
    expect([...f16].sort((a, b) => a - b)).toEqual(f16);
    const f32 = catalogue.map((tier) => tier.variants.q4f32.vramRequiredMB);
    expect([...f32].sort((a, b) => a - b)).toEqual(f32);
  });

  it('names the missing model when web-llm drops one', () => {
    const withoutPhi = prebuiltAppConfig.model_list.filter((record) => !record.model_id.startsWith('Phi-3.5-mini-instruct-q4f32_1-MLC'));
    expect(() => buildLlmCatalogue(withoutPhi)).toThrow(CatalogueError);
    expect(() => buildLlmCatalogue(withoutPhi)).toThrow(/Phi-3\.5-mini-instruct-q4f32_1-MLC/);
  });
});
