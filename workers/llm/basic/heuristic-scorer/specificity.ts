// Specificity: numbers, names (of tools, products, teams, places) and things the candidate did
// themselves, against vague words and a story told only as "we". Interviewers believe what they can
// picture and check.
import type { DimensionScore, PlannedQuestion } from '../../../../sync-server/protocol/index.ts';
import { quoteAround, splitSentences } from './sentences.ts';
import { countWords, tokenize } from './tokens.ts';
import { listOf, plural } from './wording.ts';

type Kind = 'number' | 'name' | 'action' | 'vague';

interface Hit {
  kind: Kind;
  text: string;
  /** Offset in the answer. */
  at: number;
}

const NUMBER =
  /[$£€]\s?\d[\d,.]*(?:\s?(?:k|m|bn|million|billion|thousand)\b)?|\b\d+(?:[.,]\d+)*(?:\s?(?:%|percent\b|x\b|ms\b|seconds?\b|minutes?\b|hours?\b|days?\b|weeks?\b|months?\b|years?\b|k\b|people\b|users\b|customers\b|patients\b|tickets\b|deals\b))?|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|dozen|half|twice|double|triple)(?:\s(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|percent|people|users|customers|patients|times))?\b/gi;

// "I" and a past-tense verb, except those that report a feeling rather than a deed.
const ACTION =
  /\bI(?:['’]ve|\s+have)?\s+(?:[a-z]+ly\s+|also\s+|then\s+|first\s+)?(?:(?!(?:needed|wanted|felt|hoped|liked|loved|hated|seemed|learned|realised|realized|used|worried|assumed|guessed|expected|failed)\b)[a-z]{2,}ed|built|wrote|rewrote|led|set\s+up|ran|made|took|spoke|met|began|drove|brought|sought|kept|won|sold|shipped|split|cut|put|found|chose|taught|gave|sent|fixed|dug|held|told|did)\b/gi;

// In a technical or design answer the candidate says what they would do: a named choice is concrete.
const CHOICE = /\bI(?:['’]d|\s+would|['’]ll|\s+will)\s+(?:(?:first|then|also|probably)\s+)?(?:use|pick|choose|add|put|shard|split|store|cache|index|start|keep|run|build|write|deploy|measure|monitor|partition|replicate|queue|batch|limit|design|model|test|profile|log|alert|retry|separate|move|prefer|go\s+with)\b/gi;

const VAGUE =
  /\b(?:stuff|things?|something|somehow|various|etc|and\s+so\s+on|whatever|and\s+everything|a\s+lot|some\s+(?:problems?|issues?|changes?|work|improvements?))\b/gi;

// Names that are often typed in lower case, so capitalisation alone would miss them.
const KNOWN_TERMS = new Set([
  'sql', 'postgres', 'postgresql', 'mysql', 'mongodb', 'redis', 'kafka', 'rabbitmq', 'elasticsearch', 'docker',
  'kubernetes', 'k8s', 'terraform', 'aws', 'gcp', 'azure', 's3', 'react', 'vue', 'angular', 'svelte', 'typescript',
  'javascript', 'nodejs', 'python', 'java', 'kotlin', 'golang', 'ruby', 'rails', 'django', 'flask', 'graphql',
  'grpc', 'git', 'github', 'gitlab', 'jenkins', 'jira', 'confluence', 'figma', 'excel', 'tableau', 'salesforce',
  'hubspot', 'zendesk', 'pandas', 'numpy', 'pytorch', 'tensorflow', 'sklearn', 'airflow', 'dbt', 'snowflake',
  'bigquery', 'grafana', 'prometheus', 'datadog', 'sentry', 'webpack', 'nginx', 'linux',
]);

// Capitalised for grammar, not because they name anything.
const NOT_NAMES = new Set(['i', "i'm", "i've", "i'd", "i'll", 'ok', 'okay']);

function findNames(answer: string): Hit[] {
  const hits: Hit[] = [];
  for (const sentence of splitSentences(answer)) {
    const tokens = tokenize(sentence.text);
    let previousWasName = false;
    tokens.forEach((token, index) => {
      const raw = sentence.text.slice(token.start, token.end);
      const capitalised = /^\p{Lu}/u.test(raw) && index > 0;
      const acronym = /^\p{Lu}[\p{Lu}\d]+s?$/u.test(raw);
      const isName = !NOT_NAMES.has(token.word) && (capitalised || acronym || KNOWN_TERMS.has(token.word));
      // "Black Friday" is one name, not two.
      if (isName && !previousWasName) hits.push({ kind: 'name', text: raw, at: sentence.start + token.start });
      else if (isName) {
        const last = hits[hits.length - 1]!;
        last.text = answer.slice(last.at, sentence.start + token.end);
      }
      previousWasName = isName;
    });
  }
  return hits;
}

function findAll(answer: string, pattern: RegExp, kind: Kind): Hit[] {
  return [...answer.matchAll(pattern)].map((match) => ({ kind, text: match[0].trim(), at: match.index ?? 0 }));
}

/** How much more the answer says "we" than "I": a team story with no "I" in it hides the candidate. */
function voice(answer: string): { we: number; i: number } {
  let we = 0;
  let i = 0;
  for (const { word } of tokenize(answer)) {
    if (word === 'we' || word === "we're" || word === "we've" || word === "we'd" || word === 'our' || word === 'us') we += 1;
    if (word === 'i' || word === "i'm" || word === "i've" || word === "i'd" || word === 'my' || word === 'me') i += 1;
  }
  return { we, i };
}

const examples = (hits: readonly Hit[]): string => {
  const unique = [...new Set(hits.map((hit) => hit.text))];
  return `${unique.slice(0, 3).join(', ')}${unique.length > 3 ? ', …' : ''}`;
};

export function scoreSpecificity(answer: string, question?: PlannedQuestion): DimensionScore {
  const base = { key: 'specificity', label: 'Specificity' };
  if (countWords(answer) === 0) return { ...base, score: 1, reason: 'No answer, so nothing concrete to check.', evidence: [] };

  const numbers = findAll(answer, NUMBER, 'number');
  const names = findNames(answer);
  const hypothetical = question !== undefined && question.kind !== 'behavioural';
  const actions = [...findAll(answer, ACTION, 'action'), ...(hypothetical ? findAll(answer, CHOICE, 'action') : [])];
  const vague = findAll(answer, VAGUE, 'vague');
  const { we, i } = voice(answer);
  const mostlyWe = we >= 3 && we > 2 * i;

  const points =
    Math.min(numbers.length, 3) * 0.8 +
    Math.min(names.length, 4) * 0.5 +
    Math.min(actions.length, 4) * 0.5 -
    Math.min(vague.length, 4) * 0.5 -
    (mostlyWe ? 0.5 : 0);
  const score = Math.max(1, Math.min(5, Math.round(1 + points)));

  const found: string[] = [];
  if (numbers.length) found.push(`${plural(numbers.length, 'number')} (${examples(numbers)})`);
  if (names.length) found.push(`${plural(names.length, 'named tool, product or place', 'named tools, products or places')} (${examples(names)})`);
  const doing = hypothetical ? 'you did or would do yourself' : 'you did yourself';
  if (actions.length) found.push(`${plural(actions.length, 'thing', 'things')} ${doing} (${examples(actions)})`);
  let reason = found.length ? `Found ${listOf(found, 'and')}.` : 'No numbers, names or first-person actions.';
  if (vague.length) reason += ` Vague words: ${[...new Set(vague.map((hit) => hit.text.toLowerCase()))].join(', ')}.`;
  if (mostlyWe) reason += ` Mostly "we" (${we}) and hardly "I" (${i}): the interviewer is hiring you, so say which part was yours.`;
  if (score <= 3) {
    reason += hypothetical
      ? ' Swap the general for the specific: how many users or requests, which technology, and the choice you would make.'
      : ' Swap the general for the specific: how many, how long, which tool, and what you did yourself.';
  }

  return { ...base, score, reason, evidence: evidenceFor(answer, [...numbers, ...names, ...actions]) };
}

/** The (up to) three sentences richest in specifics, in the order they appear. */
function evidenceFor(answer: string, hits: readonly Hit[]): string[] {
  const ranked = splitSentences(answer)
    .map((sentence) => {
      const inside = hits.filter((hit) => hit.at >= sentence.start && hit.at < sentence.start + sentence.text.length);
      return { sentence, count: inside.length, first: Math.min(...inside.map((hit) => hit.at)) - sentence.start };
    })
    .filter((entry) => entry.count > 0)
    .sort((a, b) => b.count - a.count || a.sentence.start - b.sentence.start)
    .slice(0, 3)
    .sort((a, b) => a.sentence.start - b.sentence.start);
  return ranked.map((entry) => quoteAround(entry.sentence.text, entry.first));
}
