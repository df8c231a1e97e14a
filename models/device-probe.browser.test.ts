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
    if (capabilities.webgpu!.isFallbackAdapter) expect(choice.tier).toBeNull();
  });

  it('says what is missing when the browser has no WebGPU', async () => {
    const withoutGpu = { storage: navigator.storage, deviceMemory: 4 } as unknown as Navigator;
    const capabilities = await probeDevice(withoutGpu);
    expect(capabilities.webgpu).toBeNull();
    expect(capabilities.webgpuUnavailableReason).toMatch(/no WebGPU/);
    expect(capabilities.deviceMemoryGb).toBe(4);
  });
});
