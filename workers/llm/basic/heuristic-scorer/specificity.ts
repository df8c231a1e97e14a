// Specificity: concrete numbers, named tools and things, and first-person actions, against vague
// filler nouns. Interviewers believe what they can picture.
import type { DimensionScore } from '../../../../sync-server/protocol/index.ts';
import { quoteAround } from './sentences.ts';
import { toScale, type AnswerText } from './scored-answer.ts';

const NUMBER = /(?:[$£€]\s?\d[\d,.]*\s?[kmb]?|\b\d+(?:[.,]\d+)?\s?(?:%|percent|x|ms|s|seconds?|minutes?|hours?|days?|weeks?|months?|years?|k|m|people|users|customers|patients|engineers|tickets|deals)?\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred|thousand|million|half|double|triple)\b)/gi;
const FIRST_PERSON_ACTION = /\bI\s+(?:[a-z]+ly\s+)?(?:[a-z]{3,}ed|built|wrote|led|ran|made|set|took|chose|found|spoke|met|began|drove|taught|brought|sought|fought|kept|won|sold|shipped|split|cut|put)\b/g;
const VAGUE = /\b(?:stuff|things?|something|somehow|various|etc|and so on|whatever|some kind of|a lot of things)\b/gi;
// Capitalised words that are not at a sentence start are names: of tools, products, teams, places.
const NAMED = /(?<=[a-z0-9,;:()]\s+)(?:[A-Z][a-zA-Z0-9+#.]*[a-zA-Z0-9+#]|[A-Z]{2,})\b/g;
const COMMON_CAPITALS = new Set(['I', "I'm", "I've", "I'd", 'OK', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);

export function scoreSpecificity(answer: AnswerText): DimensionScore {
  const numbers = answer.text.match(NUMBER) ?? [];
  const actions = answer.text.match(FIRST_PERSON_ACTION) ?? [];
  const vague = answer.text.match(VAGUE) ?? [];
  const named = [...new Set((answer.text.match(NAMED) ?? []).filter((word) => !COMMON_CAPITALS.has(word)))];

  const points = Math.min(numbers.length, 3) * 0.8 + Math.min(named.length, 4) * 0.5 + Math.min(actions.length, 4) * 0.5 - Math.min(vague.length, 4) * 0.5;
  const score = answer.wordCount === 0 ? 1 : toScale(1 + points);

  const parts: string[] = [];
  parts.push(numbers.length ? `${numbers.length} number${numbers.length === 1 ? '' : 's'} (${numbers.slice(0, 3).map((n) => n.trim()).join(', ')})` : 'no numbers');
  parts.push(named.length ? `named ${named.slice(0, 4).join(', ')}` : 'no named tools or things');
  parts.push(actions.length ? `${actions.length} first-person action${actions.length === 1 ? '' : 's'}` : "no 'I did' actions");
  let reason = answer.wordCount === 0 ? 'No answer to judge.' : `Found ${parts.join(', ')}.`;
  if (vague.length) reason += ` Vague words: ${[...new Set(vague.map((word) => word.toLowerCase()))].join(', ')}.`;
  if (answer.wordCount > 0 && score <= 3) reason += ' Say what you did yourself, with names and numbers: how many, how fast, how much.';

  const evidence = answer.sentences
    .filter((sentence) => /\d/.test(sentence.text) || FIRST_PERSON_ACTION.test(sentence.text))
    .slice(0, 3)
    .map((sentence) => quoteAround(sentence.text));
  FIRST_PERSON_ACTION.lastIndex = 0;
  return { key: 'specificity', label: 'Specificity', score, reason, evidence };
}
