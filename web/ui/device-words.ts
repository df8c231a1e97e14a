// What the device check found, in the interface language: why WebGPU cannot be used, and why a
// model tier is (or is not) recommended. models/ writes the same in English from the same data;
// the English catalogue keeps it word for word (device-words.test.ts).
// Owns: DeviceCapabilities / TierRecommendation → sentences. Must not import: Solid components, Dexie.
import type { TierRecommendation } from '../../models/choose-llm-tier.ts';
import type { DeviceCapabilities } from '../../models/device-capabilities.ts';
import { t } from '../i18n/i18n.ts';
import { modelTierLabel } from './format.ts';

/** Why WebGPU cannot be used here, in the interface language (the probe's English when it gave no code). */
export function webgpuUnavailableText(capabilities: DeviceCapabilities): string {
  const unavailable = capabilities.webgpuUnavailable;
  if (unavailable) return t(`ai-settings:webgpu.${unavailable.kind}`, { detail: 'detail' in unavailable ? unavailable.detail : '' });
  return capabilities.webgpuUnavailableReason ?? t('ai-settings:webgpu.none');
}

/** The tier recommendation's reason, in the interface language. */
export function tierReason(recommendation: TierRecommendation, capabilities: DeviceCapabilities): string {
  const why = recommendation.why;
  switch (why.kind) {
    case 'no-webgpu':
      return t('ai-settings:tier.noWebGpu', { why: webgpuUnavailableText(capabilities) });
    case 'no-storage':
      return t('ai-settings:tier.noStorage', { mb: why.freeMB });
    case 'no-memory':
      return t('ai-settings:tier.noMemory', { mb: why.budgetMB });
    case 'fits': {
      const reason = t('ai-settings:tier.fits', {
        model: recommendation.tier ? modelTierLabel(recommendation.tier) : '',
        vram: why.vramMB,
        memory: t(why.memoryAssumed ? 'ai-settings:tier.memoryAssumed' : 'ai-settings:tier.memory', { gb: why.memoryGb }),
        lowResource: why.lowResourceOnly ? t('ai-settings:tier.lowResource') : '',
        precision: t(why.f16 ? 'ai-settings:tier.f16' : 'ai-settings:tier.f32'),
      });
      if (why.softwareAdapter === null) return reason;
      return t('ai-settings:tier.software', { reason, adapter: why.softwareAdapter || t('ai-settings:tier.fallbackAdapter') });
    }
  }
}
