// The model mirror's layout, shared by the client and the server (sync-server/routes/models.ts serves
// MODELS_DIR in it; tests/helpers/fake-mlc-model.ts writes it): a public URL maps to
// <mirror>/<host><pathname>, e.g.
//   https://huggingface.co/mlc-ai/X-MLC/resolve/main/tensor-cache.json
//     → <mirror>/huggingface.co/mlc-ai/X-MLC/resolve/main/tensor-cache.json
//   https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base/X.wasm
//     → <mirror>/raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base/X.wasm
// One rule for every host, so transformers.js later uses the same mirror (env.remoteHost =
// <mirror>/huggingface.co/) and an operator fills it with `wget -x` or a copy of the public paths.
// Owns: that mapping, and web-llm model records pointed at a mirror. Must not import: web-llm at run
// time, the DOM, Dexie.
import type { ModelRecord } from '@mlc-ai/web-llm';
import type { LlmModelVariant } from '../llm-catalogue.ts';
import { modelBaseUrl } from './web-llm-layout.ts';

/** `<host><pathname>` of a public URL, without the leading '/': its path inside the mirror. */
export function mirrorPathOf(publicUrl: string): string {
  const url = new URL(publicUrl);
  return `${url.host}${url.pathname}`;
}

/**
 * The mirror's copy of a public URL. `mirrorBase` is the mirror's root, absolute
 * ('https://models.example.org') or on this origin ('/models', made absolute against `pageUrl`):
 * web-llm caches by absolute URL.
 */
export function mirrorUrlOf(publicUrl: string, mirrorBase: string, pageUrl: string | undefined = globalThis.location?.href): string {
  const base = new URL(mirrorBase, pageUrl).href.replace(/\/+$/, '');
  return `${base}/${mirrorPathOf(publicUrl)}`;
}

/** A web-llm record that loads the same model from the mirror; everything else (id, overrides, features) is kept. */
export function mirrorModelRecord(record: ModelRecord, mirrorBase: string, pageUrl: string | undefined = globalThis.location?.href): ModelRecord {
  return {
    ...record,
    // Already in web-llm's cleaned form (…/resolve/main/), so web-llm asks for exactly these URLs.
    model: mirrorUrlOf(modelBaseUrl(record.model), mirrorBase, pageUrl),
    model_lib: mirrorUrlOf(record.model_lib, mirrorBase, pageUrl),
  };
}

/**
 * The AppConfig `model_list` entry for a catalogue variant: its record from `records` (web-llm's
 * prebuiltAppConfig.model_list, passed in so this module stays free of web-llm's code), pointed at
 * the mirror, or unchanged (the public hosts) when the organisation has none.
 */
export function modelRecordForVariant(
  variant: LlmModelVariant,
  records: readonly ModelRecord[],
  mirrorBase: string | null,
  pageUrl: string | undefined = globalThis.location?.href,
): ModelRecord {
  const record = records.find((candidate) => candidate.model_id === variant.modelId);
  if (!record) throw new Error(`web-llm has no model record for ${variant.modelId}: the catalogue and web-llm's prebuiltAppConfig disagree; update the catalogue.`);
  return mirrorBase === null ? { ...record } : mirrorModelRecord(record, mirrorBase, pageUrl);
}
