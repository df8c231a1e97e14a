// Structure of a story answer: STAR (situation, task, action, result), found from cue phrases. A
// system-design question is judged on the arc of a design discussion instead (design-structure.ts),
// under the same key, so an interview's structure scores can be compared and averaged.
import type { DimensionScore, PlannedQuestion } from '../../../../sync-server/protocol/index.ts';
import { scoreDesignStructure } from './design-structure.ts';
import { findParts, structureEvidence, structureReason, structureScore, type StructureArc, type StructurePart } from './structure-parts.ts';
import { countWords } from './tokens.ts';

const SITUATION: StructurePart = {
  found: 'a clear situation',
  missing: 'situation',
  advice: 'Open with one line of context: where you were and what was at stake.',
  cues: /\b(?:at|in)\s+my\s+(?:last|previous|current|former|old|first|second)\s+\w+|\b(?:when|while)\s+i\s+(?:was|worked|joined|started)\b|\bback\s+(?:when|in)\b|\b(?:a\s+few|a\s+couple\s+of|two|three|several)\s+(?:years|months|weeks)\s+ago\b|\blast\s+(?:year|quarter|month|week|spring|summer|autumn|fall|winter)\b|\bwe\s+were\b|\bwe\s+had\s+(?:a|an)\b|\bthere\s+(?:was|were)\s+(?:a|an|some)\b|\bour\s+(?:team|company|product|service|client|customer|startup|ward|store|shop|school|department|app|site|website|platform|system|unit|project)\b|\bthe\s+(?:context|background|situation)\s+was\b|\bi\s+(?:was\s+)?work(?:ed|ing)\s+(?:at|as|for|in)\b|\bi\s+joined\b|\bone\s+time\b/i,
};

const TASK: StructurePart = {
  found: 'your task',
  missing: 'task',
  advice: 'Say what you were responsible for, or what had to be achieved.',
  cues: /\b(?:responsible|accountable)\s+for\b|\bin\s+charge\s+of\b|\bi\s+was\s+(?:responsible|asked|tasked|in\s+charge|the\s+one|assigned|brought\s+in|hired)\b|\bmy\s+(?:job|task|goal|role|responsibility|brief|mandate|aim|objective)\s+was\b|\bthe\s+(?:goal|task|challenge|problem|aim|objective|deadline|ask|brief|issue)\s+was\b|\b(?:we|i)\s+(?:needed|had|wanted)\s+to\b|\b(?:we|i)\s+(?:was|were)\s+supposed\s+to\b|\bit\s+was\s+(?:my\s+job|up\s+to\s+me)\b|\bi\s+owned\b/i,
};

const ACTION: StructurePart = {
  found: 'your actions',
  missing: 'actions of your own',
  advice: "Spend most of the answer on what you did yourself: 'I decided…', 'I built…'.",
  // "I" and a past-tense verb, except the ones that report a state of mind rather than a deed.
  cues: /\bi(?:['’]ve|\s+have)?\s+(?:then\s+|first\s+|also\s+|[a-z]+ly\s+)?(?:(?!(?:needed|wanted|felt|hoped|liked|loved|hated|seemed|learned|realised|realized|used|worried|assumed|guessed|expected|failed)\b)[a-z]{2,}ed|built|wrote|rewrote|led|set\s+up|ran|made|took|spoke|met|began|drove|brought|sought|kept|sold|split|cut|put|found|chose|broke|taught|gave|sent|shipped|fixed|dug|held|caught|told|did)\b|\bmy\s+approach\s+was\b|\bi\s+started\s+by\b|\bfirst,?\s+i\b/i,
};

const RESULT: StructurePart = {
  found: 'a result',
  missing: 'result',
  advice: "End with what changed, ideally with a number: 'which cut the backlog by 40%'.",
  cues: /\bas\s+a\s+result\b|\bthe\s+(?:result|outcome|upshot|impact)\b|\bresult(?:ed|ing)\s+in\b|\bwhich\s+(?:led|reduced|cut|increased|improved|saved|meant|helped|brought|lowered|raised|dropped|halved|doubled|tripled|freed|made|gave)\b|\b(?:in|at|by)\s+the\s+end\b|\b(?:eventually|ultimately|afterwards|since\s+then)\b|\b(?:we|it|this|that|they)\s+(?:shipped|delivered|launched|reduced|cut|increased|improved|saved|hit|met|won|closed|dropped|fell|rose|grew|halved|doubled|worked|paid\s+off|went\s+live)\b|\b(?:fell|dropped|rose|grew|increased|decreased|improved|reduced|went\s+down|went\s+up)\s+(?:by|to|from)\b|\b(?:halved|doubled|tripled)\b|\bfrom\s+[$£€]?\d[\d.,]*\s*\S*\s+to\s+[$£€]?\d|\b(?:i|we)\s+learn(?:ed|t)\b|\blessons?\b|\bended\s+up\b|\bno\s+longer\b|\bnever\s+(?:again|happened\s+again)\b/i,
};

export const STAR: StructureArc = {
  parts: [SITUATION, TASK, ACTION, RESULT],
  sequence: [SITUATION, TASK, ACTION, RESULT],
  advicePriority: [ACTION, RESULT, SITUATION, TASK],
  none: 'No clear story yet. Try STAR: one line of situation, what you had to achieve, what you did, and how it turned out.',
  complete: 'A complete story: situation, task, action and result, in that order.',
  outOfOrder: 'All four STAR parts are there, but out of order: set the scene first, then what you did, and finish on the result.',
};

export function scoreStructure(answer: string, question: PlannedQuestion): DimensionScore {
  if (question.kind === 'system-design') return scoreDesignStructure(answer);
  const base = { key: 'structure', label: 'STAR structure' };
  if (countWords(answer) === 0) return { ...base, score: 1, reason: 'No answer, so no story to follow.', evidence: [] };
  const findings = findParts(answer, STAR);
  return {
    ...base,
    score: structureScore(findings),
    reason: structureReason(findings, STAR),
    evidence: structureEvidence(findings.hits, [RESULT, ACTION, SITUATION, TASK]),
  };
}
