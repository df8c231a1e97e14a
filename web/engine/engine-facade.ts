// Picks the interview engine for this device and says why, so the UI can always name what is scoring.
// Order, as the product asks: local (WebLLM on WebGPU) → cloud (through the sync server) → basic
// (curated bank + transparent rules). The chosen engine falls back along the same chain call by
// call: a local model that loses its GPU mid-interview hands the question to the cloud, and a cloud
// that fails hands it to basic, and each stand-in says so in the score's flags.
// Every engine loads through a dynamic import, so model runtimes and the question bank stay out of
// the first screen's bundle.
// The label and reason are in the interface language (the `engine` catalogue), as they are when the
// choice is made; each model route also keeps an English label for the chat engine's stand-in flags,
// which are stored with the scores.
// Owns: the choice and its reason. Must not import: Solid components, screens.
import type { EngineKind, LlmEngine } from '../../workers/llm/api.ts';
import type { ChatBackend } from '../../workers/llm/chat-backend.ts';
import { getAiPreference, type AiPreference } from '../data/ai-settings.ts';
import { getSyncIdentity } from '../data/settings.ts';
import { t } from '../i18n/i18n.ts';
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
  /** In English, for the chat engine's flags. */
  label: string;
  /** In the interface language, for the screen. */
  displayLabel: string;
  reason: string;
}

type Attempt = { ok: true; route: ModelRoute } | { ok: false; reason: string };

const basicLabel = () => t('format:engineKind.basic');
const basicTail = () => t('engine:basicTail');

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

/** Which engine is chosen and why, without the engine itself. */
export interface EngineSummary {
  kind: EngineKind;
  label: string;
  reason: string;
}

/** The choice before any engine is built: the model routes that can run, best first. */
interface EnginePlan extends EngineSummary {
  routes: ModelRoute[];
}

async function planEngine(prefer?: EngineKind): Promise<EnginePlan> {
  const preference: AiPreference = prefer ?? (await getAiPreference().catch(() => 'auto' as const));
  if (preference === 'basic') {
    return { kind: 'basic', label: basicLabel(), reason: `${t('engine:reasons.basicChosen')} ${basicTail()}`, routes: [] };
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
  if (!first) return { kind: 'basic', label: basicLabel(), reason: [...misses, basicTail()].join(' '), routes };
  return { kind: first.kind, label: first.displayLabel, reason: [...misses, first.reason].join(' '), routes };
}

/**
 * What chooseEngine would pick now and why, with the same checks, but without loading any engine:
 * the basic engine's question bank is the heaviest thing a screen could load, so a screen that only
 * names the engine (setup, until Start) asks this instead.
 */
export async function previewEngine(prefer?: EngineKind): Promise<EngineSummary> {
  const { kind, label, reason } = await planEngine(prefer);
  return { kind, label, reason };
}

/** The best engine this device can use now, honouring the candidate's preference in AI settings. */
export async function chooseEngine(prefer?: EngineKind): Promise<EngineChoice> {
  // The bank loads while the routes are checked: every choice needs it, as engine or as stand-in.
  const [basicEngine, plan] = await Promise.all([loadBasicEngine(), planEngine(prefer)]);
  const { kind, label, reason, routes } = plan;
  if (routes.length === 0) return { engine: basicEngine, kind, label, reason };
  const { createChatEngine } = await import('../../workers/llm/chat-engine.ts');
  // Built from the end of the chain: basic stands in for the runner-up, which stands in for the first.
  const engine = routes.reduceRight<LlmEngine>(
    (fallback, route) => createChatEngine({ backend: route.backend, kind: route.kind, label: route.label, fallback }),
    basicEngine,
  );
  return { engine, kind, label, reason };
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
  return { label: t('engine:checkingLabel'), reason: t('engine:checkingReason') };
}

async function tryLocal(): Promise<Attempt> {
  const prepared = await prepareLocalBackend();
  if (!prepared.ok) return prepared;
  return { ok: true, route: { kind: 'local', backend: prepared.backend, label: prepared.label, displayLabel: prepared.displayLabel, reason: prepared.reason } };
}

async function tryCloud(): Promise<Attempt> {
  const identity = await getSyncIdentity().catch(() => null);
  if (!identity) return { ok: false, reason: t('engine:reasons.cloudNotJoined') };
  if (identity.needsRejoin) return { ok: false, reason: t('engine:reasons.cloudRejoin') };
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return { ok: false, reason: t('engine:reasons.cloudOffline') };
  const config = await loadClientConfig();
  if (!config.cloudAi) return { ok: false, reason: t('engine:reasons.cloudNotOffered', { org: identity.org.name }) };
  const { createCloudChatBackend } = await import('../../workers/llm/cloud/cloud-chat-backend.ts');
  const backend = createCloudChatBackend({
    getDeviceToken: async () => (await getSyncIdentity().catch(() => null))?.deviceToken ?? null,
  });
  const reason = t('engine:reasons.cloudChosen', { org: identity.org.name });
  return { ok: true, route: { kind: 'cloud', backend, label: 'cloud AI', displayLabel: t('format:engineKind.cloud'), reason } };
}
