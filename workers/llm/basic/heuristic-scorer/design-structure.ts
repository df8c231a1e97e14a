// Structure of a system-design answer: the arc interviewers listen for, requirements → design →
// trade-offs → scale and failure. STAR would mark a good design answer down for having no "story".
import type { DimensionScore } from '../../../../sync-server/protocol/index.ts';
import { findParts, structureEvidence, structureReason, structureScore, type StructureArc, type StructurePart } from './structure-parts.ts';
import { countWords } from './tokens.ts';

const REQUIREMENTS: StructurePart = {
  found: 'requirements',
  missing: 'requirements',
  advice: 'Start by pinning down requirements: who uses it, how much traffic, and what must never fail.',
  cues: /\brequirements?\b|\buse\s+cases?\b|\bconstraints?\b|\bassum(?:e|ing|ption|ptions)\b|\bscope\b|\bclarify\b|\b(?:non-)?functional\b|\bhow\s+many\b|\btraffic\b|\bqps\b|\brequests?\s+(?:per|a)\s+(?:second|minute|day)\b|\bread-heavy\b|\bwrite-heavy\b|\b(?:daily|monthly)\s+active\s+users\b|\bdau\b|\bsla\b|\bslo\b|\bneeds?\s+to\s+(?:support|handle)\b|\bmillions?\s+of\b/i,
};

const DESIGN: StructurePart = {
  found: 'a design',
  missing: 'components or data flow',
  advice: 'Sketch the main components and how data flows between them.',
  cues: /\barchitecture\b|\bcomponents?\b|\bservices?\b|\bdatabases?\b|\bapi\b|\bqueues?\b|\bcache\b|\bschema\b|\bload\s+balancer\b|\bendpoints?\b|\bstorage\b|\bdata\s+model\b|\bworkers?\b|\bpipeline\b|\bclient\b|\bserver\b|\btables?\b|\bindex(?:es)?\b/i,
};

const TRADE_OFFS: StructurePart = {
  found: 'trade-offs',
  missing: 'trade-offs',
  advice: "Name a trade-off and what you gave up: 'rather than X, because…'.",
  cues: /\btrade-?offs?\b|\binstead\s+of\b|\brather\s+than\b|\bdownsides?\b|\bdrawbacks?\b|\balternatives?\b|\balternatively\b|\bon\s+the\s+other\s+hand\b|\bpros\s+and\s+cons\b|\bversus\b|\bvs\.?\s|\bat\s+the\s+(?:cost|expense)\s+of\b|\bcompromise\b|\beventual(?:ly)?\s+consisten(?:t|cy)\b|\bi\s+would\s+(?:pick|choose|prefer)\b|\bcheaper\b|\bsimpler\b/i,
};

const SCALE: StructurePart = {
  found: 'scaling and failure handling',
  missing: 'plan for scale or failure',
  advice: 'Say how the design grows under load and what happens when a part fails.',
  cues: /\bscal(?:e|es|ing|able|ability)\b|\bfail(?:s|ure|ures|over)?\b|\bmonitor(?:ing)?\b|\bbottlenecks?\b|\breplica(?:s|tion|ted)?\b|\bshard(?:s|ing|ed)?\b|\bpartition(?:s|ing|ed)?\b|\bredundan(?:t|cy)\b|\bbackups?\b|\bpeak\b|\bhorizontal(?:ly)?\b|\bauto-?scal\w*|\brate\s+limit\w*|\bretr(?:y|ies)\b|\bcircuit\s+breakers?\b|\balert(?:s|ing)?\b|\bobservability\b|\bdegrade\w*|\boutages?\b|\bdisaster\s+recovery\b|\bhigh\s+availability\b/i,
};

export const DESIGN_ARC: StructureArc = {
  parts: [REQUIREMENTS, DESIGN, TRADE_OFFS, SCALE],
  // Trade-offs and scale interleave in any good discussion; only requirements must come first.
  sequence: [REQUIREMENTS, DESIGN],
  advicePriority: [DESIGN, REQUIREMENTS, TRADE_OFFS, SCALE],
  none: 'No design arc yet. Work through it: requirements first, then the components, a trade-off, and how it scales and fails.',
  complete: 'Walks through requirements, the design, its trade-offs, and how it scales and fails: a complete arc.',
  outOfOrder: 'All the parts of a design discussion are there, but jumbled: pin down requirements before you sketch components.',
};

export function scoreDesignStructure(answer: string): DimensionScore {
  const base = { key: 'structure', label: 'Design structure' };
  if (countWords(answer) === 0) return { ...base, score: 1, reason: 'No answer, so no design to follow.', evidence: [] };
  const findings = findParts(answer, DESIGN_ARC);
  return {
    ...base,
    score: structureScore(findings),
    reason: structureReason(findings, DESIGN_ARC),
    evidence: structureEvidence(findings.hits, [REQUIREMENTS, TRADE_OFFS, SCALE, DESIGN]),
  };
}
