import { afterEach, describe, expect, it } from 'vitest';
import { chooseLlmTier } from '../../models/choose-llm-tier.ts';
import type { DeviceCapabilities, WebGpuUnavailable } from '../../models/device-capabilities.ts';
import { buildLlmCatalogue } from '../../models/llm-catalogue.ts';
import { setUiLanguage } from '../i18n/i18n.ts';
import { tierReason, webgpuUnavailableText } from './device-words.ts';

const GB = 1024 ** 3;
const catalogue = buildLlmCatalogue();

function device(overrides: Partial<DeviceCapabilities> & { features?: string[]; bindingSize?: number; fallback?: boolean; description?: string } = {}): DeviceCapabilities {
  return {
    webgpu: {
      adapterDescription: overrides.description ?? 'test gpu',
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

// The probe's English for each reason, as models/device-probe.ts writes it.
const NO_WEBGPU: [WebGpuUnavailable, string][] = [
  [{ kind: 'insecure' }, 'WebGPU needs a secure (https) page.'],
  [{ kind: 'missing' }, 'This browser has no WebGPU (try a recent Chrome or Edge).'],
  [{ kind: 'adapter-error', detail: 'lost' }, 'The GPU could not be opened (lost).'],
  [{ kind: 'no-adapter' }, 'WebGPU is present but found no usable GPU adapter (it may be blocked for this GPU or driver).'],
];

const DEVICES: Record<string, DeviceCapabilities> = {
  'with f16': device(),
  'without f16, memory not reported': device({ features: [], deviceMemoryGb: null }),
  'with small buffer limits': device({ bindingSize: 512 * 1024 ** 2 }),
  'on a software adapter': device({ fallback: true, description: 'Google SwiftShader' }),
  'on a nameless software adapter': device({ fallback: true, description: '' }),
  'with too little memory': device({ deviceMemoryGb: 0.25 }),
  'with too little storage': device({ storage: { quotaBytes: 100 * 1024 ** 2, usageBytes: 0 } }),
  ...Object.fromEntries(NO_WEBGPU.map(([unavailable, reason]) => [`without WebGPU (${unavailable.kind})`, { webgpu: null, webgpuUnavailableReason: reason, webgpuUnavailable: unavailable, deviceMemoryGb: 8, storage: null }])),
};

afterEach(() => setUiLanguage('en'));

describe('device check words in the interface language', () => {
  for (const [name, capabilities] of Object.entries(DEVICES)) {
    it(`say in English exactly what the tier choice says (${name})`, () => {
      setUiLanguage('en');
      const recommendation = chooseLlmTier(capabilities, catalogue);
      expect(tierReason(recommendation, capabilities)).toBe(recommendation.reason);
    });
  }

  it('say why there is no WebGPU, and which tier fits, in Spanish', () => {
    setUiLanguage('es');
    for (const [unavailable, english] of NO_WEBGPU) {
      const capabilities = { webgpu: null, webgpuUnavailableReason: english, webgpuUnavailable: unavailable, deviceMemoryGb: 8, storage: null };
      expect(webgpuUnavailableText(capabilities)).not.toBe(english);
    }
    const capabilities = DEVICES['without f16, memory not reported']!;
    expect(tierReason(chooseLlmTier(capabilities, catalogue), capabilities)).toMatch(/cabe: necesita unos \d+ MB de memoria de GPU, este dispositivo tiene unos 8 GB de memoria \(es una suposición: el navegador no lo indica\), y la GPU no tiene shaders de 16 bits/);
  });
});
