// The candidate's AI choices: which engine to prefer, which on-device model they downloaded, and the
// server's client config (the model mirror, whether cloud AI is offered) as last seen, so all of it
// is known offline.
// Owns: reading and writing those keys. Must not import: Solid, the UI, web-llm, the engines.
import { withStorageErrors } from './storage-errors.ts';
import { readSetting, writeSetting } from './setting-rows.ts';

/**
 * - `auto`: on-device if a model is downloaded and the GPU works, else cloud (when the organisation
 *   offers it), else basic;
 * - `local` / `cloud`: that engine when it can run, else the next one, with the reason shown;
 * - `basic`: never send anything anywhere, never load a model.
 */
export type AiPreference = 'auto' | 'local' | 'cloud' | 'basic';

/** The on-device model the candidate agreed to download, as a web-llm model id and its tier. */
export interface LocalModelChoice {
  tierId: string;
  modelId: string;
}

export interface ClientConfig {
  /** Absolute or same-origin URL of the organisation's model mirror; null for the public hosts. */
  modelMirrorUrl: string | null;
  /** Whether the server has cloud AI providers configured. */
  cloudAi: boolean;
}

export function getAiPreference(): Promise<AiPreference> {
  return withStorageErrors(async () => (await readSetting<AiPreference>('aiPreference')) ?? 'auto');
}

export function setAiPreference(preference: AiPreference): Promise<void> {
  return writeSetting('aiPreference', preference);
}

export function getLocalModelChoice(): Promise<LocalModelChoice | null> {
  return withStorageErrors(async () => (await readSetting<LocalModelChoice>('localModel')) ?? null);
}

export function setLocalModelChoice(choice: LocalModelChoice | null): Promise<void> {
  return writeSetting('localModel', choice);
}

export function getCachedClientConfig(): Promise<ClientConfig | null> {
  return withStorageErrors(async () => (await readSetting<ClientConfig>('clientConfig')) ?? null);
}

export function saveClientConfig(config: ClientConfig): Promise<void> {
  return writeSetting('clientConfig', config);
}
