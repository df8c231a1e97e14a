// The template form's rubric weights: which dimensions it offers (the keys the device's scorers give
// their dimensions, so a weight set here is one web/workspace/template-weights.ts applies), what an
// input's text means, and the weights a template saves. An empty input is "not set": the dimension
// then counts with the device's default weight, so it is left out of the saved list rather than saved
// as that default (a later change of the default then reaches it). Weights for keys this form does not
// offer (set over the API) are kept as they are when a template is edited, so saving loses nothing.
// Owns: parsing and validating the weight inputs. Must not import: DOM, Solid, i18n.
import type { RubricWeight } from '../../sync-server/protocol/interview-template.ts';

/** The scorers' dimension keys: the basic engine's five and the AI model's rubric (structure is both's). */
export const TEMPLATE_DIMENSIONS = ['coverage', 'structure', 'specificity', 'length', 'fillers', 'relevance', 'depth', 'communication', 'role_knowledge'] as const;
export type TemplateDimension = (typeof TEMPLATE_DIMENSIONS)[number];

/** The protocol's range (sync-server/protocol/interview-template.ts). */
export const MIN_WEIGHT = 0;
export const MAX_WEIGHT = 5;
/** The protocol saves at most this many weights. */
export const MAX_WEIGHTS = 12;

export type WeightProblem = 'not-a-number' | 'out-of-range' | 'too-many';

export type ParsedWeight = { ok: true; weight: number | null } | { ok: false; problem: WeightProblem };

/**
 * One input's text. `badInput` is the browser's word that a number input holds text it cannot read
 * (its value is then "" although the field is not empty), which must not pass as "not set".
 */
export function parseWeight(text: string, badInput = false): ParsedWeight {
  if (badInput) return { ok: false, problem: 'not-a-number' };
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, weight: null };
  // A comma is how Spanish writes a decimal point.
  if (!/^(\d+([.,]\d*)?|[.,]\d+)$/.test(trimmed)) return { ok: false, problem: 'not-a-number' };
  const weight = Number(trimmed.replace(',', '.'));
  if (weight < MIN_WEIGHT || weight > MAX_WEIGHT) return { ok: false, problem: 'out-of-range' };
  return { ok: true, weight };
}

export interface WeightInput {
  key: string;
  text: string;
  badInput?: boolean;
}

export type ReadWeights = { ok: true; weights: RubricWeight[] } | { ok: false; key: string | null; problem: WeightProblem };

/** The weights to save: those set in the inputs, in the form's order, then `kept` (keys the form does not offer). */
export function readWeights(inputs: readonly WeightInput[], kept: readonly RubricWeight[] = []): ReadWeights {
  const weights: RubricWeight[] = [];
  for (const { key, text, badInput } of inputs) {
    const parsed = parseWeight(text, badInput);
    if (!parsed.ok) return { ok: false, key, problem: parsed.problem };
    if (parsed.weight !== null) weights.push({ key, weight: parsed.weight });
  }
  const offered = new Set(inputs.map(({ key }) => key));
  const all = [...weights, ...kept.filter(({ key }) => !offered.has(key))];
  if (all.length > MAX_WEIGHTS) return { ok: false, key: null, problem: 'too-many' };
  return { ok: true, weights: all };
}

/** What an input shows for a saved template: its weight, or "" when the template does not set one. */
export function weightText(weights: readonly RubricWeight[], key: string): string {
  // The first entry for a key is the one the device applies (template-weights.ts).
  const found = weights.find((weight) => weight.key === key);
  return found ? String(found.weight) : '';
}

/** A saved template's weights for keys this form does not offer, to be saved back unchanged. */
export function weightsNotOffered(weights: readonly RubricWeight[]): RubricWeight[] {
  const offered = new Set<string>(TEMPLATE_DIMENSIONS);
  return weights.filter(({ key }) => !offered.has(key));
}
