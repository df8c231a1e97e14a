// The coding challenges that ship with the app: loads coding-challenges.json, checks it against the
// schema once (on first use), and hands out challenges. Only the challenge screens import this,
// through lazy routes, so the catalogue is not in the first screen's bundle. Reference solutions live
// in solutions/ and are read only by catalogue.test.ts: nothing here imports them.
// Owns: catalogue access and the checks the schema cannot express. Must not import: DOM, Dexie, Solid.
import { z } from 'zod';
import type { JudgedTestCase } from '../../../workers/code-runner/judge.ts';
import data from './coding-challenges.json';
import { challengeCatalogueFile, type CodingChallenge } from './challenge-schema.ts';

export class ChallengeCatalogueError extends Error {
  override name = 'ChallengeCatalogueError';
}

/** Validates catalogue data; throws ChallengeCatalogueError naming the challenge and the problem. */
export function parseCatalogue(raw: unknown, source = 'coding-challenges.json'): CodingChallenge[] {
  const parsed = challengeCatalogueFile.safeParse(raw);
  if (!parsed.success) throw new ChallengeCatalogueError(`${source} is invalid:\n${z.prettifyError(parsed.error)}`);
  const ids = new Set<string>();
  for (const challenge of parsed.data.challenges) {
    const where = `${source}: challenge "${challenge.id}"`;
    if (ids.has(challenge.id)) throw new ChallengeCatalogueError(`${where} appears more than once; give each challenge its own id.`);
    ids.add(challenge.id);
    const testIds = new Set<string>();
    for (const test of challenge.tests) {
      if (testIds.has(test.id)) throw new ChallengeCatalogueError(`${where} has two tests named "${test.id}"; rename one.`);
      testIds.add(test.id);
    }
    if (!challenge.tests.some((test) => test.edge)) throw new ChallengeCatalogueError(`${where} has no edge-case test; mark at least one test with "edge": true.`);
    for (const language of ['typescript', 'javascript'] as const) {
      if (!new RegExp(`\\b${challenge.functionName}\\b`).test(challenge.starter[language])) {
        throw new ChallengeCatalogueError(`${where}: its ${language} starter code does not mention ${challenge.functionName}, the function the tests call.`);
      }
    }
  }
  return parsed.data.challenges;
}

let cached: CodingChallenge[] | null = null;

/** Every bundled challenge, validated. */
export function codingChallenges(): CodingChallenge[] {
  cached ??= parseCatalogue(data);
  return cached;
}

export function findCodingChallenge(id: string): CodingChallenge | null {
  return codingChallenges().find((challenge) => challenge.id === id) ?? null;
}

/** The tests as the runner takes them. */
export function judgedTests(challenge: CodingChallenge): JudgedTestCase[] {
  return challenge.tests.map((test) => ({ id: test.id, args: test.args, expected: test.expected, compare: test.compare }));
}
