// Whether the on-device model can be used now, and the backend that runs it. The candidate must have
// chosen and downloaded a model (AI settings); nothing is ever downloaded from here.
// Reasons and the display label are in the interface language (the `engine` catalogue); `label` stays
// English for the chat engine's stand-in flags, which are stored with the scores.
// Owns: the local engine's preconditions and their reasons. Must not import: Solid components, screens.
import type { LocalChatBackend, LocalModelLoadProgress } from '../../workers/llm/local/local-chat-backend.ts';
import { getLocalModelChoice } from '../data/ai-settings.ts';
import { t } from '../i18n/i18n.ts';
import { modelTierLabel } from '../ui/format.ts';
import { findCatalogueModel } from './local-model-records.ts';

export type LocalPreparation = { ok: true; backend: LocalChatBackend; label: string; displayLabel: string; reason: string } | { ok: false; reason: string };

type LoadListener = (progress: LocalModelLoadProgress) => void;
const loadListeners = new Set<LoadListener>();

/** Model loading (reading weights from the cache onto the GPU) reports here, for the UI. */
export function onLocalModelLoad(listener: LoadListener): () => void {
  loadListeners.add(listener);
  return () => loadListeners.delete(listener);
}

// One backend per page: a second would load the weights onto the GPU a second time.
let current: { modelId: string; backend: LocalChatBackend } | null = null;

export async function prepareLocalBackend(): Promise<LocalPreparation> {
  const choice = await getLocalModelChoice().catch(() => null);
  if (!choice) return { ok: false, reason: t('engine:reasons.localNone') };
  if (typeof navigator === 'undefined' || !('gpu' in navigator)) {
    return { ok: false, reason: t('engine:reasons.localNoWebGpu') };
  }
  const [model, { isModelCached }] = await Promise.all([findCatalogueModel(choice.modelId), import('../../models/download/model-cache.ts')]);
  if (!model) return { ok: false, reason: t('engine:reasons.localGone', { model: choice.modelId }) };
  const { tier, record } = model;
  if (!(await isModelCached(record).catch(() => false))) {
    return { ok: false, reason: t('engine:reasons.localIncomplete', { model: modelTierLabel(tier) }) };
  }
  let prepared = current;
  if (!prepared || prepared.modelId !== record.model_id) {
    await prepared?.backend.unload();
    const { createLocalChatBackend } = await import('../../workers/llm/local/local-chat-backend.ts');
    prepared = current = {
      modelId: record.model_id,
      backend: createLocalChatBackend({ record, onLoadProgress: (progress) => loadListeners.forEach((listener) => listener(progress)) }),
    };
  }
  return {
    ok: true,
    backend: prepared.backend,
    label: `on-device AI (${tier.label.replace(/^[^·]*·\s*/, '')})`,
    displayLabel: t('engine:localLabel', { model: tier.label.replace(/^[^·]*·\s*/, '') }),
    reason: t('engine:reasons.localChosen', { model: modelTierLabel(tier) }),
  };
}
