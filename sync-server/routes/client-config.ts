// GET /api/client-config: what every client of this server needs to know before choosing an engine —
// where to download on-device models from, and whether cloud AI is offered. Public: a device asks
// before it has joined. web/engine/client-config.ts reads it.
// Owns: the answer's shape and the mirror's precedence. Must not import: the store, the AI gateway.
import { Hono } from 'hono';
import { MODELS_PATH } from './models.ts';

export interface ClientConfigResponse {
  /** Base of the model mirror (absolute, or '/models' on this origin); null means the public hosts. */
  modelMirrorUrl: string | null;
  cloudAi: boolean;
}

export interface ClientConfigOptions {
  modelMirrorUrl?: string | undefined;
  modelsDir?: string | undefined;
  cloudAi: () => boolean;
}

/** An external mirror wins over this server's own MODELS_DIR: the operator set it on purpose. */
export function modelMirrorUrlOf(options: Pick<ClientConfigOptions, 'modelMirrorUrl' | 'modelsDir'>): string | null {
  if (options.modelMirrorUrl) return options.modelMirrorUrl.replace(/\/+$/, '');
  if (options.modelsDir) return MODELS_PATH;
  return null;
}

export function clientConfigRoutes(options: ClientConfigOptions) {
  const modelMirrorUrl = modelMirrorUrlOf(options);
  return new Hono().get('/client-config', (c) => c.json({ modelMirrorUrl, cloudAi: options.cloudAi() } satisfies ClientConfigResponse));
}
