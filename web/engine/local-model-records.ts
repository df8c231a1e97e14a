// The web-llm records of the catalogue's models, pointed at the organisation's mirror when it has
// one: what both the download screen and the local engine load, so both use the same URLs (web-llm's
// cache is keyed by URL).
// Owns: catalogue + mirror → records. Must not import: Solid, the UI.
import type { ModelRecord } from '@mlc-ai/web-llm';
import type { LlmModelVariant, LlmTier } from '../../models/llm-catalogue.ts';
import { loadClientConfig } from './client-config.ts';

export interface CatalogueModel {
  tier: LlmTier;
  variant: LlmModelVariant;
  record: ModelRecord;
}

export async function loadCatalogueModels(): Promise<CatalogueModel[]> {
  const [{ buildLlmCatalogue }, { modelRecordForVariant }, { prebuiltAppConfig }, config] = await Promise.all([
    import('../../models/llm-catalogue.ts'),
    import('../../models/download/mirror-url.ts'),
    import('@mlc-ai/web-llm'),
    loadClientConfig(),
  ]);
  return buildLlmCatalogue().flatMap((tier) =>
    Object.values(tier.variants).map((variant) => ({ tier, variant, record: modelRecordForVariant(variant, prebuiltAppConfig.model_list, config.modelMirrorUrl) })),
  );
}

export async function findCatalogueModel(modelId: string): Promise<CatalogueModel | null> {
  return (await loadCatalogueModels()).find((model) => model.variant.modelId === modelId) ?? null;
}
