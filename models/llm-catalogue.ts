// The on-device LLM tiers, taken from web-llm's own prebuiltAppConfig: model ids, libraries, URLs and
// VRAM needs are read from it, never copied by hand, so upgrading web-llm updates the catalogue.
// Owns: which web-llm models we offer and in which order. Must not import: DOM, Dexie, the UI.
import { prebuiltAppConfig, type ModelRecord } from '@mlc-ai/web-llm';

export type Quantisation = 'q4f16' | 'q4f32';

export interface LlmTierDefinition {
  id: string;
  label: string;
  /** The web-llm model id without its quantisation suffix. */
  family: string;
  /** What a candidate gets from this tier, in plain words. */
  blurb: string;
}

// Smallest first, in both quantisations (Llama 3.2 1B is left out: it needs more memory than Qwen2.5
// 0.5B in one build and less in the other, so it has no single place in the order). The 3B–4B tiers follow rubrics best; the small ones fit phones and old laptops.
export const LLM_TIER_DEFINITIONS: readonly LlmTierDefinition[] = [
  { id: 'tiny', label: 'Tiny · SmolLM2 360M', family: 'SmolLM2-360M-Instruct', blurb: 'Fast on almost any GPU; simple questions, rough scores.' },
  { id: 'small', label: 'Small · Qwen2.5 0.5B', family: 'Qwen2.5-0.5B-Instruct', blurb: 'Quick, and follows the answer format well for its size.' },
  { id: 'medium', label: 'Medium · Qwen2.5 1.5B', family: 'Qwen2.5-1.5B-Instruct', blurb: 'Better follow-ups and feedback; wants a recent GPU.' },
  { id: 'large', label: 'Large · Llama 3.2 3B', family: 'Llama-3.2-3B-Instruct', blurb: 'Tailored questions and careful scoring; needs a capable GPU.' },
  { id: 'xl', label: 'XL · Phi-3.5 mini', family: 'Phi-3.5-mini-instruct', blurb: 'The most thorough scoring; needs a strong GPU and about 4 GB.' },
];

export interface LlmModelVariant {
  modelId: string;
  quantisation: Quantisation;
  vramRequiredMB: number;
  lowResourceRequired: boolean;
  /** Where web-llm downloads the weights from by default; a mirror replaces the host. */
  modelUrl: string;
  modelLibUrl: string;
  contextWindow: number | null;
}

export interface LlmTier extends LlmTierDefinition {
  variants: Record<Quantisation, LlmModelVariant>;
}

export class CatalogueError extends Error {
  override name = 'CatalogueError';
}

function variantOf(records: readonly ModelRecord[], family: string, quantisation: Quantisation): LlmModelVariant {
  const modelId = `${family}-${quantisation}_1-MLC`;
  const record = records.find((candidate) => candidate.model_id === modelId);
  if (!record) throw new CatalogueError(`web-llm's prebuiltAppConfig has no ${modelId}: update LLM_TIER_DEFINITIONS for this web-llm version.`);
  if (record.vram_required_MB === undefined) throw new CatalogueError(`${modelId} has no vram_required_MB in prebuiltAppConfig.`);
  return {
    modelId,
    quantisation,
    vramRequiredMB: record.vram_required_MB,
    lowResourceRequired: record.low_resource_required ?? false,
    modelUrl: record.model,
    modelLibUrl: record.model_lib,
    contextWindow: record.overrides?.context_window_size ?? null,
  };
}

export function buildLlmCatalogue(records: readonly ModelRecord[] = prebuiltAppConfig.model_list): LlmTier[] {
  return LLM_TIER_DEFINITIONS.map((definition) => ({
    ...definition,
    variants: { q4f16: variantOf(records, definition.family, 'q4f16'), q4f32: variantOf(records, definition.family, 'q4f32') },
  }));
}
