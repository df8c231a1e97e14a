// Recommends an on-device LLM tier from what the device reports, and says why in words a candidate
// understands. WebGPU does not reveal VRAM, so the budget is estimated from navigator.deviceMemory and
// the adapter's buffer limits; the candidate can always pick another tier, or none.
import type { DeviceCapabilities } from './device-capabilities.ts';
import type { LlmModelVariant, LlmTier, Quantisation } from './llm-catalogue.ts';

export interface TierRecommendation {
  tier: LlmTier | null;
  variant: LlmModelVariant | null;
  quantisation: Quantisation;
  /** In English. */
  reason: string;
  /** What `reason` says, as data, so the UI can say it in its own language. */
  why: TierWhy;
}

export type TierWhy =
  | { kind: 'no-webgpu' }
  | { kind: 'no-storage'; freeMB: number }
  | { kind: 'no-memory'; budgetMB: number }
  | { kind: 'fits'; vramMB: number; memoryGb: number; memoryAssumed: boolean; lowResourceOnly: boolean; f16: boolean; softwareAdapter: string | null };

const MB = 1024 * 1024;
/** Without navigator.deviceMemory (Firefox, Safari), assume a mid-range laptop. */
const DEFAULT_DEVICE_MEMORY_GB = 8;
/** Share of system memory a model may take: integrated GPUs share it with everything else. */
const MEMORY_SHARE = 0.5;
/** Keep room on disk beyond the weights, for the app's own data. */
const STORAGE_HEADROOM_BYTES = 200 * MB;

export function quantisationFor(capabilities: DeviceCapabilities): Quantisation {
  return capabilities.webgpu?.features.includes('shader-f16') ? 'q4f16' : 'q4f32';
}

export function chooseLlmTier(capabilities: DeviceCapabilities, catalogue: readonly LlmTier[]): TierRecommendation {
  const quantisation = quantisationFor(capabilities);
  const none = (reason: string, why: TierWhy): TierRecommendation => ({ tier: null, variant: null, quantisation, reason, why });
  const gpu = capabilities.webgpu;
  if (!gpu) return none(`${capabilities.webgpuUnavailableReason ?? 'This browser has no WebGPU.'} The cloud or basic engine will be used instead.`, { kind: 'no-webgpu' });

  const memoryGb = capabilities.deviceMemoryGb ?? DEFAULT_DEVICE_MEMORY_GB;
  const budgetMB = memoryGb * 1024 * MEMORY_SHARE;
  // A GPU that cannot bind 1 GiB storage buffers only runs the builds marked low-resource.
  const lowResourceOnly = gpu.maxStorageBufferBindingSize < 1024 * MB;
  const freeBytes = capabilities.storage ? capabilities.storage.quotaBytes - capabilities.storage.usageBytes : Number.POSITIVE_INFINITY;

  const fits = (variant: LlmModelVariant) =>
    variant.vramRequiredMB <= budgetMB && (!lowResourceOnly || variant.lowResourceRequired) && variant.vramRequiredMB * MB + STORAGE_HEADROOM_BYTES <= freeBytes;
  // A software adapter (SwiftShader, WARP) runs WGSL on the CPU: only the smallest model is bearable.
  const candidates = gpu.isFallbackAdapter ? catalogue.slice(0, 1) : catalogue;
  const best = [...candidates].reverse().find((tier) => fits(tier.variants[quantisation]));
  if (!best) {
    const smallest = catalogue[0]?.variants[quantisation];
    const noStorage = smallest !== undefined && smallest.vramRequiredMB * MB + STORAGE_HEADROOM_BYTES > freeBytes;
    const why = noStorage
      ? `there is not enough free storage (${Math.round(freeBytes / MB)} MB) for even the smallest model`
      : `about ${Math.round(budgetMB)} MB of GPU memory is too little for even the smallest model`;
    return none(
      `On this device ${why}. The cloud or basic engine will be used instead.`,
      noStorage ? { kind: 'no-storage', freeMB: Math.round(freeBytes / MB) } : { kind: 'no-memory', budgetMB: Math.round(budgetMB) },
    );
  }
  const variant = best.variants[quantisation];
  const precision = quantisation === 'q4f16' ? 'the GPU supports 16-bit shaders, so the smaller f16 build is used' : 'the GPU has no 16-bit shaders, so the f32 build is used';
  const memory = capabilities.deviceMemoryGb === null ? `assuming about ${DEFAULT_DEVICE_MEMORY_GB} GB of memory (the browser does not say)` : `about ${memoryGb} GB of memory`;
  return {
    tier: best,
    variant,
    quantisation,
    reason:
      `${best.label} fits: it needs about ${Math.round(variant.vramRequiredMB)} MB of GPU memory, this device has ${memory}${lowResourceOnly ? ' and a GPU with small buffer limits' : ''}, and ${precision}.` +
      (gpu.isFallbackAdapter
        ? ` Only a software GPU (${gpu.adapterDescription || 'fallback adapter'}) is available, so only the smallest model is offered and it will be slow; the cloud engine, where your organisation offers it, is faster.`
        : ''),
    why: {
      kind: 'fits',
      vramMB: Math.round(variant.vramRequiredMB),
      memoryGb,
      memoryAssumed: capabilities.deviceMemoryGb === null,
      lowResourceOnly,
      f16: quantisation === 'q4f16',
      softwareAdapter: gpu.isFallbackAdapter ? gpu.adapterDescription : null,
    },
  };
}
