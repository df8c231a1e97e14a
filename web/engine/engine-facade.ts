// Picks the interview engine for this device and says why, so the UI can always name what is scoring.
// Order, as the product asks: local (WebLLM on WebGPU) → cloud (through the sync server) → basic
// (curated bank + transparent rules). Each engine loads through a dynamic import, so its code and data
// (the question bank, a model runtime) stay out of the first screen's bundle.
// Owns: the choice and its reason. Must not import: Solid, Dexie, the UI.
import type { EngineKind, LlmEngine } from '../../workers/llm/api.ts';

export interface EngineChoice {
  engine: LlmEngine;
  kind: EngineKind;
  label: string;
  /** One sentence for the UI: which engine and why this one. */
  reason: string;
}

const BASIC_REASON =
  "Basic scoring: the on-device AI model isn't set up yet, so questions come from the curated bank and scoring uses transparent rules.";

let basic: Promise<LlmEngine> | null = null;

function loadBasicEngine(): Promise<LlmEngine> {
  basic ??= import('../../workers/llm/basic/index.ts').then((module) => module.createBasicEngine());
  // A failed chunk load (e.g. offline before the service worker cached it) may succeed next time.
  basic.catch(() => {
    basic = null;
  });
  return basic;
}

/**
 * The best engine this device can use now. Today that is always the basic engine: the local (WebLLM)
 * and cloud engines arrive with their own issue and are tried before it here, each with a check that
 * says why it cannot run, so the reason shown to the candidate stays true.
 */
export async function chooseEngine(): Promise<EngineChoice> {
  const engine = await loadBasicEngine();
  return { engine, kind: engine.kind, label: engine.label, reason: BASIC_REASON };
}

/**
 * The engine to continue an interview that started with `kind`. Scores in one interview should come
 * from one engine, so this returns that engine when it can, and otherwise the best one with a reason.
 */
export async function engineForInterview(_kind: EngineKind): Promise<EngineChoice> {
  // Only the basic engine exists yet, so every interview continues on it.
  return chooseEngine();
}

/** What the setup screen says before anything is loaded, so it can show the label at once. */
export function describeDefaultEngine(): { label: string; reason: string } {
  return { label: 'basic scoring', reason: BASIC_REASON };
}

/** Role names the question bank knows, for the setup form's suggestions. Loads the bank lazily. */
export async function suggestedRoles(): Promise<string[]> {
  const { bankRoles } = await import('../../workers/llm/basic/index.ts');
  return bankRoles.map((role) => role.label);
}
