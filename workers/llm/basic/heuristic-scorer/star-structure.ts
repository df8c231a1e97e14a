// Structure: for stories, STAR (situation, task, action, result) found from cue phrases; for
// system-design questions, the arc of a design discussion (requirements, design, trade-offs, scale).
import type { DimensionScore, PlannedQuestion } from '../../../../sync-server/protocol/index.ts';
import { quoteAround } from './sentences.ts';
import { toScale, type AnswerText } from './scored-answer.ts';

interface Part {
  name: string;
  cues: RegExp;
}

const STAR_PARTS: readonly Part[] = [
  {
    name: 'situation',
    cues: /\b(at my (last|previous|current|old) (job|role|company|team|school|hospital|ward)|when i was|while i was|we were|there was a|our (team|company|product|service|ward|client|customer)|in my (last|previous|current) (role|job|position)|last (year|quarter|month|summer)|a few years ago|once,? (a|our|my)|the context)\b/i,
  },
  {
    name: 'task',
    cues: /\b(i was (responsible|asked|tasked|in charge|the one)|my (job|task|goal|role|responsibility) was|the (goal|task|challenge|problem|aim|deadline) was|we needed to|i needed to|i had to|had to (deliver|fix|ship|find|get|convince)|we had to)\b/i,
  },
  {
    name: 'action',
    // Any "I <past-tense verb>" counts, beside a list of irregular and present-tense action verbs.
    cues: /\b(i (?:then |first |quickly |personally )?(?:(?!needed|wanted|was|felt|hoped|liked)[a-z]{3,}ed|built|wrote|led|set up|ran|made|took|spoke|met|began|drove|brought|sought|kept|sold|split|cut|put|found|chose|broke|taught|decide|build|write|lead|talk|propose|suggest|analy[sz]e|investigate|ask|focus|start))\b/i,
  },
  {
    name: 'result',
    cues: /\b(as a result|the result|resulting in|which (led|reduced|cut|increased|improved|saved|meant|helped)|in the end|we (shipped|delivered|launched|reduced|cut|increased|improved|saved|hit|met|won|closed)|it (worked|paid off)|outcome|i learned|lesson|since then|afterwards|ended up|by the end|went (from|down|up))\b/i,
  },
];

const DESIGN_PARTS: readonly Part[] = [
  { name: 'requirements', cues: /\b(requirements?|users?|use cases?|constraints?|assum(e|ing|ption)|scope|goals?|clarify|how many|traffic|load|sla|need to support)\b/i },
  { name: 'design', cues: /\b(design|architecture|components?|service|database|api|queue|cache|schema|flow|process|steps?|stages?|layer|pipeline|workflow)\b/i },
  { name: 'trade-offs', cues: /\b(trade-?offs?|instead of|rather than|downside|alternative|on the other hand|cost|risk|but (this|that|it)|pros?|cons?|versus|vs\.?)\b/i },
  { name: 'scale and failure', cues: /\b(scal(e|ing|able)|fail(s|ure|over)?|monitor(ing)?|bottleneck|replica(s|tion)?|shard(ing)?|redundan(t|cy)|backup|peak|edge cases?|metrics?|measure)\b/i },
];

export function scoreStructure(answer: AnswerText, question: PlannedQuestion): DimensionScore {
  const design = question.kind === 'system-design';
  const parts = design ? DESIGN_PARTS : STAR_PARTS;
  const found: { part: Part; sentence: string; index: number }[] = [];
  for (const part of parts) {
    const index = answer.sentences.findIndex((sentence) => part.cues.test(sentence.text));
    if (index >= 0) found.push({ part, sentence: answer.sentences[index]!.text, index });
  }
  const missing = parts.filter((part) => !found.some((hit) => hit.part === part)).map((part) => part.name);
  const inOrder = found.every((hit, i) => i === 0 || hit.index >= found[i - 1]!.index);
  const raw = found.length + (found.length >= 3 && inOrder ? 1 : 0);
  const score = answer.wordCount === 0 ? 1 : toScale(raw === 0 ? 1 : raw);
  const evidence = [...new Set(found.map((hit) => hit.sentence))].slice(0, 3).map((sentence) => quoteAround(sentence));

  const label = design ? 'Design structure' : 'STAR structure';
  let reason: string;
  if (answer.wordCount === 0) reason = 'No answer to judge.';
  else if (missing.length === 0) reason = design
    ? 'Walks through requirements, the design, its trade-offs, and how it scales and fails: a complete arc.'
    : `Tells a complete story: situation, task, action and result${inOrder ? ', in that order' : ''}.`;
  else {
    const have = found.map((hit) => hit.part.name);
    reason = `${have.length ? `Found ${have.join(', ')}` : 'Found no clear structure'}; missing ${missing.join(', ')}. `;
    reason += design
      ? 'Start by pinning down requirements, then sketch the design, then name a trade-off and how it behaves at scale or when a part fails.'
      : missing.includes('result')
        ? "End with what changed, ideally with a number: 'which cut the backlog by 40%'."
        : 'Set the scene briefly, say what you were responsible for, then what you did and what came of it.';
  }
  return { key: 'structure', label, score, reason, evidence };
}
