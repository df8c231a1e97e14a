// Picks the interview engine for this device and says why, so the UI can always name what is scoring.
// Order, as the product asks: local (WebLLM on WebGPU) → cloud (through the sync server) → basic
// (curated bank + transparent rules). The chosen engine falls back along the same chain call by
// call: a local model that loses its GPU mid-interview hands the question to the cloud, and a cloud
// that fails hands it to basic, and each stand-in says so in the score's flags.
// Every engine loads through a dynamic import, so model runtimes and the question bank stay out of
// the first screen's bundle.
// Owns: the choice and its reason. Must not import: Solid, the UI.
import type { EngineKind, LlmEngine } from '../../workers/llm/api.ts';
import type { ChatBackend } from '../../workers/llm/chat-backend.ts';
import { getAiPreference, type AiPreference } from '../data/ai-settings.ts';
import { getSyncIdentity } from '../data/settings.ts';
import { loadClientConfig } from './client-config.ts';
import { prepareLocalBackend } from './local-engine.ts';

export interface EngineChoice {
  engine: LlmEngine;
  kind: EngineKind;
  label: string;
  /** One or two sentences for the UI: which engine and why this one. */
  reason: string;
}

interface ModelRoute {
  kind: 'local' | 'cloud';
  backend: ChatBackend;
  label: string;
  reason: string;
}

type Attempt = { ok: true; route: ModelRoute } | { ok: false; reason: string };

const BASIC_LABEL = 'basic scoring';
const BASIC_TAIL = 'Questions come from the curated bank and scoring uses transparent rules.';

let basic: Promise<LlmEngine> | null = null;

/** The basic engine: what stands in when a model fails, or when the candidate stops one. */
export function loadBasicEngine(): Promise<LlmEngine> {
  basic ??= import('../../workers/llm/basic/index.ts').then((module) => module.createBasicEngine());
  // A failed chunk load (e.g. offline before the service worker cached it) may succeed next time.
  basic.catch(() => {
    basic = null;
  });
  return basic;
}

/** The best engine this device can use now, honouring the candidate's preference in AI settings. */
export async function chooseEngine(prefer?: EngineKind): Promise<EngineChoice> {
  const preference: AiPreference = prefer ?? (await getAiPreference().catch(() => 'auto' as const));
  const basicEngine = await loadBasicEngine();
  if (preference === 'basic') {
    return { engine: basicEngine, kind: 'basic', label: BASIC_LABEL, reason: `You chose basic scoring in AI settings: nothing is sent anywhere and no model is loaded. ${BASIC_TAIL}` };
  }
  const order: ('local' | 'cloud')[] = preference === 'cloud' ? ['cloud', 'local'] : ['local', 'cloud'];
  const misses: string[] = [];
  const routes: ModelRoute[] = [];
  for (const kind of order) {
    const attempt = kind === 'local' ? await tryLocal() : await tryCloud();
    if (attempt.ok) routes.push(attempt.route);
    else misses.push(attempt.reason);
  }
  const first = routes[0];
  if (!first) {
    return { engine: basicEngine, kind: 'basic', label: BASIC_LABEL, reason: `${misses.join(' ')} ${BASIC_TAIL}`.trim() };
  }
  const { createChatEngine } = await import('../../workers/llm/chat-engine.ts');
  // Built from the end of the chain: basic stands in for the runner-up, which stands in for the first.
  const engine = routes.reduceRight<LlmEngine>(
    (fallback, route) => createChatEngine({ backend: route.backend, kind: route.kind, label: route.label, fallback }),
    basicEngine,
  );
  return { engine, kind: first.kind, label: first.label, reason: [...misses, first.reason].join(' ') };
}

/**
 * The engine to continue an interview that started with `kind`. Scores in one interview should come
 * from one engine, so this prefers that engine, and otherwise takes the best one with a reason.
 */
export function engineForInterview(kind: EngineKind): Promise<EngineChoice> {
  return chooseEngine(kind);
}

/** What the setup screen says before the engine check finishes. */
export function describeDefaultEngine(): { label: string; reason: string } {
  return { label: 'checking…', reason: 'Checking which AI this device can use.' };
}

/** Role names the question bank knows, for the setup form's suggestions. Loads the bank lazily. */
export async function suggestedRoles(): Promise<string[]> {
  const { bankRoles } = await import('../../workers/llm/basic/index.ts');
  return bankRoles.map((role) => role.label);
}

async function tryLocal(): Promise<Attempt> {
  const prepared = await prepareLocalBackend();
  if (!prepared.ok) return prepared;
  return { ok: true, route: { kind: 'local', backend: prepared.backend, label: prepared.label, reason: prepared.reason } };
}

async function tryCloud(): Promise<Attempt> {
  const identity = await getSyncIdentity().catch(() => null);
  if (!identity) return { ok: false, reason: 'Cloud AI is offered by organisations: join one on the Sync page to use it.' };
  if (identity.needsRejoin) return { ok: false, reason: 'Cloud AI needs this device to join the organisation again (Sync page).' };
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return { ok: false, reason: "You are offline, so the cloud AI can't be reached." };
  const config = await loadClientConfig();
  if (!config.cloudAi) return { ok: false, reason: `${identity.org.name}'s server does not offer cloud AI.` };
  const { createCloudChatBackend } = await import('../../workers/llm/cloud/cloud-chat-backend.ts');
  const backend = createCloudChatBackend({
    getDeviceToken: async () => (await getSyncIdentity().catch(() => null))?.deviceToken ?? null,
  });
  const reason = `Cloud AI through ${identity.org.name}'s server: your typed answers (and a résumé, if you add one) are sent to its AI provider to be analysed; nothing else leaves the device.`;
  return { ok: true, route: { kind: 'cloud', backend, label: 'cloud AI', reason } };
}
