// Where web-llm 0.2.x looks for a model's files, so we can put them exactly there: the Cache Storage
// scopes it opens and the URLs it asks them for (its cleanModelUrl, the file names it reads). Checked
// against node_modules/@mlc-ai/web-llm/lib/index.js (reloadInternal, asyncLoadTokenizer,
// fetchTensorCache); a web-llm upgrade must re-check this file.
// Owns: web-llm's cache layout. Must not import: web-llm at run time (it is megabytes), the DOM.
import type { ModelRecord } from '@mlc-ai/web-llm';

/** What locates a model's files: a web-llm record, or anything with its two URLs. */
export type ModelLocation = Pick<ModelRecord, 'model' | 'model_lib'>;

export const CONFIG_SCOPE = 'webllm/config';
export const MODEL_SCOPE = 'webllm/model';
// web-llm skips this cache when the wasm URL contains "localhost" or is relative and fetches it
// each time instead (on such a dev origin it then needs the mirror online). It is stored anyway, so
// "is it cached" means the same on every origin.
export const WASM_SCOPE = 'webllm/wasm';
export const WEB_LLM_SCOPES = [CONFIG_SCOPE, MODEL_SCOPE, WASM_SCOPE] as const;
export type WebLlmScope = (typeof WEB_LLM_SCOPES)[number];

export const CHAT_CONFIG_FILE = 'mlc-chat-config.json';
export const TENSOR_CACHE_FILE = 'tensor-cache.json';

/**
 * web-llm's cleanModelUrl: a trailing '/' and, without a `resolve/<rev>/` part, Hugging Face's
 * 'resolve/main/'; relative URLs are taken from the page, as web-llm does with document.URL.
 */
export function modelBaseUrl(model: string, pageUrl: string | undefined = globalThis.location?.href): string {
  let url = model.endsWith('/') ? model : `${model}/`;
  if (!/.+\/resolve\/.+\//.test(url)) url += 'resolve/main/';
  return new URL(url, pageUrl).href;
}

/** The tokenizer web-llm reads: tokenizer.json when the config lists it, else tokenizer.model. */
export function tokenizerFileOf(tokenizerFiles: readonly string[]): string | null {
  if (tokenizerFiles.includes('tokenizer.json')) return 'tokenizer.json';
  if (tokenizerFiles.includes('tokenizer.model')) return 'tokenizer.model';
  return null;
}
