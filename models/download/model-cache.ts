// Which models are on this device, how much room they take, and removing one: read from web-llm's own
// Cache Storage scopes (what web-llm will load from) and the download's staging cache, never from
// the network, so it answers offline.
// Owns: questions about stored models. Must not import: web-llm at run time, the UI.
import type { ModelRecord } from '@mlc-ai/web-llm';
import { cachedSize, listCachedModelFiles } from './model-files.ts';
import { discardStaged, listStagedChunks } from './staging-cache.ts';
import { modelBaseUrl, WEB_LLM_SCOPES, type ModelLocation } from './web-llm-layout.ts';

export interface CachedModelInfo<R extends ModelLocation = ModelRecord> {
  record: R;
  /** Every file web-llm needs is in its cache: it can load the model offline. */
  cached: boolean;
  /** Bytes stored for the model, a partial download's staged bytes included. */
  bytes: number;
}

export async function isModelCached(record: ModelLocation): Promise<boolean> {
  const files = await listCachedModelFiles(modelBaseUrl(record.model), record.model_lib);
  if (!files) return false;
  for (const file of files) if ((await cachedSize(file.scope, file.url)) === null) return false;
  return true;
}

/** For each record, in order: whether it is fully cached, and what it takes on disk. */
export async function listCachedModels<R extends ModelLocation>(records: readonly R[]): Promise<CachedModelInfo<R>[]> {
  const result: CachedModelInfo<R>[] = [];
  for (const record of records) {
    const belongs = belongsTo(record);
    let bytes = 0;
    for (const scope of WEB_LLM_SCOPES) {
      const cache = await caches.open(scope);
      for (const key of await cache.keys()) if (belongs(key.url)) bytes += (await cachedSize(scope, key.url)) ?? 0;
    }
    for (const chunk of await listStagedChunks(belongs)) bytes += chunk.end - chunk.start + 1;
    result.push({ record, cached: bytes > 0 && (await isModelCached(record)), bytes });
  }
  return result;
}

/**
 * Removes everything stored for the model: its files in web-llm's three scopes and any staged partial
 * download. Goes by URL prefix, not by the file list, so it also clears what a damaged or older
 * config would no longer list.
 */
export async function deleteCachedModel(record: ModelLocation): Promise<void> {
  const belongs = belongsTo(record);
  for (const scope of WEB_LLM_SCOPES) {
    const cache = await caches.open(scope);
    for (const key of await cache.keys()) if (belongs(key.url)) await cache.delete(key);
  }
  await discardStaged(belongs);
}

/** The model's files all live under its base URL, except the wasm library, which web-llm keys by its own URL. */
function belongsTo(record: ModelLocation): (url: string) => boolean {
  const base = modelBaseUrl(record.model);
  const wasm = new URL(record.model_lib, globalThis.location?.href).href;
  return (url) => url.startsWith(base) || url === wasm;
}
