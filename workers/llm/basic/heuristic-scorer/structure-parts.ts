// The shared machinery of the structure dimension: find which parts of an expected arc (STAR for a
// story, requirements → design → trade-offs → scale for a design) an answer has, where, and whether
// they come in a sensible order; then turn that into a score and a coach's sentence.
import { quoteAround, splitSentences } from './sentences.ts';
import { listOf } from './wording.ts';

export interface StructurePart {
  /** How the reason names the part when it is there: "a clear situation". */
  found: string;
  /** How the reason names it when it is not: "situation". */
  missing: string;
  /** One sentence saying how to add it. */
  advice: string;
  cues: RegExp;
}

export interface StructureArc {
  /** In the order a listener expects them. */
  parts: readonly StructurePart[];
  /** The parts whose order matters, in that order. */
  sequence: readonly StructurePart[];
  /** Which missing part to advise on first: the one whose absence hurts most. */
  advicePriority: readonly StructurePart[];
  none: string;
  complete: string;
  outOfOrder: string;
}

export interface PartHit {
  part: StructurePart;
  /** Index of the first and last sentence with a cue for this part. */
  first: number;
  last: number;
  quote: string;
}

export interface StructureFindings {
  hits: PartHit[];
  missing: StructurePart[];
  /** Each found part of the sequence shows up before the last mention of every later one. */
  inOrder: boolean;
}

export function findParts(answer: string, arc: StructureArc): StructureFindings {
  const sentences = splitSentences(answer);
  const hits: PartHit[] = [];
  const missing: StructurePart[] = [];
  for (const part of arc.parts) {
    let hit: PartHit | null = null;
    for (const [index, sentence] of sentences.entries()) {
      const match = part.cues.exec(sentence.text);
      if (!match) continue;
      if (hit) hit.last = index;
      else hit = { part, first: index, last: index, quote: quoteAround(sentence.text, match.index) };
    }
    if (hit) hits.push(hit);
    else missing.push(part);
  }
  // Lenient on purpose: leading with the result is fine as long as the story still ends on it.
  const sequenced = hits.filter((hit) => arc.sequence.includes(hit.part));
  const inOrder = sequenced.every((earlier, i) => sequenced.slice(i + 1).every((later) => earlier.first <= later.last));
  return { hits, missing, inOrder };
}

/** 0 parts → 1, each part found adds one, and three or more parts out of order lose one. */
export function structureScore(findings: StructureFindings): number {
  const found = findings.hits.length;
  const penalty = found >= 3 && !findings.inOrder ? 1 : 0;
  return Math.max(1, Math.min(5, 1 + found - penalty));
}

export function structureReason(findings: StructureFindings, arc: StructureArc): string {
  const { hits, missing, inOrder } = findings;
  if (hits.length === 0) return arc.none;
  if (missing.length === 0) return inOrder ? arc.complete : arc.outOfOrder;
  const advice = arc.advicePriority
    .filter((part) => missing.includes(part))
    .slice(0, 2)
    .map((part) => part.advice);
  let reason = `Found ${listOf(hits.map((hit) => hit.part.found), 'and')}, but no ${listOf(missing.map((part) => part.missing), 'or')}. ${advice.join(' ')}`;
  if (hits.length >= 3 && !inOrder) reason += ' The parts also came out of order, which makes the story harder to follow.';
  return reason;
}

/** Up to three quotes, one per part, chosen by `priority` and shown in the order they appear. */
export function structureEvidence(hits: readonly PartHit[], priority: readonly StructurePart[]): string[] {
  const chosen: PartHit[] = [];
  for (const part of priority) {
    const hit = hits.find((candidate) => candidate.part === part);
    if (hit && !chosen.some((other) => other.quote === hit.quote)) chosen.push(hit);
    if (chosen.length === 3) break;
  }
  return chosen.sort((a, b) => a.first - b.first).map((hit) => hit.quote);
}
