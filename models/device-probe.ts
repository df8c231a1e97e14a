// Reads what this browser and GPU can do: the WebGPU adapter (features, limits, whether it is a
// software fallback), navigator.deviceMemory and the storage estimate. Browser only.
import type { DeviceCapabilities, WebGpuCapabilities, WebGpuUnavailable } from './device-capabilities.ts';

interface AdapterLike {
  features: Iterable<string>;
  limits: { maxBufferSize: number; maxStorageBufferBindingSize: number };
  info?: { vendor?: string; architecture?: string; description?: string; isFallbackAdapter?: boolean };
  isFallbackAdapter?: boolean;
}

interface GpuLike {
  requestAdapter(options?: { powerPreference?: 'high-performance' | 'low-power' }): Promise<AdapterLike | null>;
}

export async function probeDevice(nav: Navigator = navigator): Promise<DeviceCapabilities> {
  const { webgpu, reason, unavailable } = await probeWebGpu(nav);
  const deviceMemory = (nav as Navigator & { deviceMemory?: number }).deviceMemory;
  let storage: DeviceCapabilities['storage'] = null;
  try {
    const estimate = await nav.storage?.estimate();
    if (estimate?.quota !== undefined) storage = { quotaBytes: estimate.quota, usageBytes: estimate.usage ?? 0 };
  } catch {
    // Some privacy modes refuse the estimate; the tier choice then ignores storage.
  }
  return { webgpu, webgpuUnavailableReason: reason, webgpuUnavailable: unavailable, deviceMemoryGb: typeof deviceMemory === 'number' ? deviceMemory : null, storage };
}

async function probeWebGpu(nav: Navigator): Promise<{ webgpu: WebGpuCapabilities | null; reason: string | null; unavailable: WebGpuUnavailable | null }> {
  const gpu = (nav as Navigator & { gpu?: GpuLike }).gpu;
  if (!gpu) {
    const insecure = globalThis.isSecureContext === false;
    return {
      webgpu: null,
      reason: insecure ? 'WebGPU needs a secure (https) page.' : 'This browser has no WebGPU (try a recent Chrome or Edge).',
      unavailable: { kind: insecure ? 'insecure' : 'missing' },
    };
  }
  let adapter: AdapterLike | null;
  try {
    adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { webgpu: null, reason: `The GPU could not be opened (${detail}).`, unavailable: { kind: 'adapter-error', detail } };
  }
  if (!adapter) {
    return { webgpu: null, reason: 'WebGPU is present but found no usable GPU adapter (it may be blocked for this GPU or driver).', unavailable: { kind: 'no-adapter' } };
  }
  const info = adapter.info ?? {};
  return {
    webgpu: {
      adapterDescription: [info.vendor, info.architecture, info.description].filter(Boolean).join(' ').trim(),
      features: [...adapter.features],
      maxBufferSize: adapter.limits.maxBufferSize,
      maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
      isFallbackAdapter: Boolean(info.isFallbackAdapter ?? adapter.isFallbackAdapter),
    },
    reason: null,
    unavailable: null,
  };
}
