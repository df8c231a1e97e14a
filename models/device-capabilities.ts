// What the device can do, as the tier choice needs it. Filled in by device-probe.ts in the browser;
// a plain object so the choice itself is a pure function that tests can feed.
export interface WebGpuCapabilities {
  adapterDescription: string;
  features: string[];
  maxBufferSize: number;
  maxStorageBufferBindingSize: number;
  /** A software adapter (e.g. SwiftShader): it runs, but far too slowly for an LLM. */
  isFallbackAdapter: boolean;
}

/** Why there is no usable WebGPU adapter, for saying it in the interface language. */
export type WebGpuUnavailable = { kind: 'insecure' | 'missing' | 'no-adapter' } | { kind: 'adapter-error'; detail: string };

export interface DeviceCapabilities {
  /** null: no usable WebGPU adapter; `reason` says why. */
  webgpu: WebGpuCapabilities | null;
  /** In English. */
  webgpuUnavailableReason: string | null;
  /** The same, as data (left out by callers that build capabilities by hand). */
  webgpuUnavailable?: WebGpuUnavailable | null;
  /** navigator.deviceMemory in GiB (browsers round it and cap it at 8), when the browser tells. */
  deviceMemoryGb: number | null;
  storage: { quotaBytes: number; usageBytes: number } | null;
}
