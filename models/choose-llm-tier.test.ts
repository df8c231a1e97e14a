import { describe, expect, it } from 'vitest';
import { chooseLlmTier } from './choose-llm-tier.ts';
import type { DeviceCapabilities } from './device-capabilities.ts';
import { buildLlmCatalogue } from './llm-catalogue.ts';

const catalogue = buildLlmCatalogue();
const GB = 1024 ** 3;

function device(overrides: Partial<DeviceCapabilities> & { features?: string[]; bindingSize?: number; fallback?: boolean } = {}): DeviceCapabilities {
  return {
    webgpu: {
      adapterDescription: 'test gpu',
      features: overrides.features ?? ['shader-f16'],
      maxBufferSize: 4 * GB,
      maxStorageBufferBindingSize: overrides.bindingSize ?? 2 * GB,
      isFallbackAdapter: overrides.fallback ?? false,
    },
    webgpuUnavailableReason: null,
    deviceMemoryGb: 8,
    storage: { quotaBytes: 50 * GB, usageBytes: 0 },
    ...overrides,
  };
}

describe('chooseLlmTier', () => {
  it('recommends nothing without WebGPU, and says why and what happens instead', () => {
    const choice = chooseLlmTier({ webgpu: null, webgpuUnavailableReason: 'This browser has no WebGPU.', deviceMemoryGb: 8, storage: null }, catalogue);
    expect(choice.tier).toBeNull();
    expect(choice.reason).toMatch(/no WebGPU.*cloud or basic/);
  });

  it('offers only the smallest tier on a software (fallback) adapter, and says it will be slow', () => {
    const choice = chooseLlmTier(device({ fallback: true, deviceMemoryGb: 32 }), catalogue);
    expect(choice.tier?.id).toBe('tiny');
    expect(choice.reason).toMatch(/software GPU.*slow/);
  });

  it('uses q4f16 builds with shader-f16 and q4f32 without', () => {
    expect(chooseLlmTier(device(), catalogue).variant!.modelId).toMatch(/q4f16_1/);
    expect(chooseLlmTier(device({ features: [] }), catalogue).variant!.modelId).toMatch(/q4f32_1/);
  });

  it('picks the largest tier that fits the memory budget', () => {
    expect(chooseLlmTier(device({ deviceMemoryGb: 8 }), catalogue).tier!.id).toBe('xl');
    expect(chooseLlmTier(device({ deviceMemoryGb: 8, features: [] }), catalogue).tier!.id).toBe('large');
    expect(chooseLlmTier(device({ deviceMemoryGb: 4 }), catalogue).tier!.id).toBe('medium');
    expect(chooseLlmTier(device({ deviceMemoryGb: 1 }), catalogue).tier!.id).toBe('tiny');
    const tooSmall = chooseLlmTier(device({ deviceMemoryGb: 0.5 }), catalogue);
    expect(tooSmall.tier).toBeNull();
    expect(tooSmall.reason).toMatch(/GPU memory is too little/);
  });

  it('keeps to low-resource builds on a GPU with small buffer limits', () => {
    const choice = chooseLlmTier(device({ bindingSize: 512 * 1024 * 1024 }), catalogue);
    expect(choice.variant!.lowResourceRequired).toBe(true);
    expect(choice.tier!.id).toBe('large');
    expect(choice.reason).toMatch(/small buffer limits/);
  });

  it('does not recommend a model that would not fit in free storage', () => {
    const choice = chooseLlmTier(device({ storage: { quotaBytes: 1.2 * GB, usageBytes: 0 } }), catalogue);
    expect(choice.variant!.vramRequiredMB * 1024 * 1024).toBeLessThan(1.2 * GB);
    const full = chooseLlmTier(device({ storage: { quotaBytes: 300 * 1024 * 1024, usageBytes: 0 } }), catalogue);
    expect(full.tier).toBeNull();
    expect(full.reason).toMatch(/not enough free storage/);
  });

  it('says when it assumed the memory size', () => {
    expect(chooseLlmTier(device({ deviceMemoryGb: null }), catalogue).reason).toMatch(/assuming about 8 GB/);
  });
});
