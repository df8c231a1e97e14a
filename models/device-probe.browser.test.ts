import { describe, expect, it } from 'vitest';
import { chooseLlmTier } from './choose-llm-tier.ts';
import { probeDevice } from './device-probe.ts';
import { buildLlmCatalogue } from './llm-catalogue.ts';

describe('probeDevice in Chromium', () => {
  it('reads the real WebGPU adapter, memory and storage, and the tier choice explains itself', async () => {
    const capabilities = await probeDevice();
    // Chromium runs with --enable-unsafe-webgpu on a localhost page: SwiftShader, a real WebGPU.
    expect(capabilities.webgpu, capabilities.webgpuUnavailableReason ?? '').not.toBeNull();
    expect(capabilities.webgpu!.maxStorageBufferBindingSize).toBeGreaterThan(0);
    expect(Array.isArray(capabilities.webgpu!.features)).toBe(true);
    expect(capabilities.storage!.quotaBytes).toBeGreaterThan(0);
    const choice = chooseLlmTier(capabilities, buildLlmCatalogue());
    expect(choice.reason.length).toBeGreaterThan(20);
  });

  it('finds the SwiftShader adapter, which has no shader-f16, and so recommends a q4f32 build', async () => {
    const capabilities = await probeDevice();
    expect(capabilities.webgpu!.adapterDescription.toLowerCase()).toContain('swiftshader');
    expect(capabilities.webgpu!.features).not.toContain('shader-f16');
    const choice = chooseLlmTier(capabilities, buildLlmCatalogue());
    expect(choice.quantisation).toBe('q4f32');
    expect(choice.variant?.modelId).toMatch(/-q4f32_1-MLC$/);
    expect(choice.reason).toMatch(/no 16-bit shaders, so the f32 build is used/);
    // A software GPU is offered only the smallest tier, and told it will be slow.
    expect(choice.tier?.id).toBe('tiny');
    expect(choice.reason).toMatch(/software GPU/);
  });

  it('says what is missing when the browser has no WebGPU', async () => {
    const withoutGpu = { storage: navigator.storage, deviceMemory: 4 } as unknown as Navigator;
    const capabilities = await probeDevice(withoutGpu);
    expect(capabilities.webgpu).toBeNull();
    expect(capabilities.webgpuUnavailableReason).toMatch(/no WebGPU/);
    expect(capabilities.deviceMemoryGb).toBe(4);
  });
});
