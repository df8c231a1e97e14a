// What the organisation's server tells every client: where models are mirrored and whether it offers
// cloud AI. Fetched when online and kept in IndexedDB, so the engine choice works the same offline.
// Owns: reading /api/client-config. Must not import: Solid, the UI, web-llm.
import { getCachedClientConfig, saveClientConfig, type ClientConfig } from '../data/ai-settings.ts';

const FETCH_TIMEOUT_MS = 3_000;
const NO_SERVER: ClientConfig = { modelMirrorUrl: null, cloudAi: false };

let inFlight: Promise<ClientConfig> | null = null;

/** The server's config, fresh when it answers within a few seconds, else the last one seen. */
export function loadClientConfig(): Promise<ClientConfig> {
  inFlight ??= fetchClientConfig().finally(() => {
    inFlight = null;
  });
  return inFlight;
}

async function fetchClientConfig(): Promise<ClientConfig> {
  const cached = await getCachedClientConfig().catch(() => null);
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return cached ?? NO_SERVER;
  try {
    const response = await fetch('/api/client-config', { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), cache: 'no-store' });
    if (!response.ok) return cached ?? NO_SERVER;
    const body = (await response.json()) as Partial<ClientConfig>;
    const config: ClientConfig = {
      modelMirrorUrl: typeof body.modelMirrorUrl === 'string' ? absoluteUrl(body.modelMirrorUrl) : null,
      cloudAi: body.cloudAi === true,
    };
    await saveClientConfig(config).catch(() => undefined);
    return config;
  } catch {
    // A static host without the sync server, or the network is down: the last answer still holds.
    return cached ?? NO_SERVER;
  }
}

/** web-llm caches by absolute URL, so a same-origin mirror ('/models') becomes absolute here. */
function absoluteUrl(url: string): string {
  return new URL(url, globalThis.location?.origin ?? 'http://localhost').href.replace(/\/$/, '');
}
