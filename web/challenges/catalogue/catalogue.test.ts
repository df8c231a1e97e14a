// Every bundled challenge is valid, and its tests pass with its reference solution, run through the
// same compile-evaluate-judge path as a candidate's code; its starter code does not pass them, so
// the tests can fail. The reference solutions are read here as text and never reach the app.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../../../workers/code-runner/test-support/run-in-process.ts';
import data from './coding-challenges.json';
import { DIFFICULTIES } from './challenge-schema.ts';
import { ChallengeCatalogueError, codingChallenges, judgedTests, parseCatalogue } from './catalogue.ts';

const SOLUTIONS = resolve(import.meta.dirname, 'solutions');
const WEB = resolve(import.meta.dirname, '../..');
const WORKERS = resolve(WEB, '../workers');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : [];
  });
}

describe('the coding challenge catalogue', () => {
  const challenges = codingChallenges();

  it('has at least six challenges across easy, medium and hard, each with four or more tests and an edge case', () => {
    expect(challenges.length).toBeGreaterThanOrEqual(6);
    for (const level of DIFFICULTIES) expect(challenges.filter((challenge) => challenge.difficulty === level).length, level).toBeGreaterThanOrEqual(2);
    for (const challenge of challenges) {
      expect(challenge.tests.length, challenge.id).toBeGreaterThanOrEqual(4);
      expect(challenge.tests.some((test) => test.edge), challenge.id).toBe(true);
    }
  });

  it('has one reference solution per challenge, and no other', () => {
    const files = readdirSync(SOLUTIONS).map((file) => file.replace(/\.ts$/, '')).sort();
    expect(files).toEqual(challenges.map((challenge) => challenge.id).sort());
  });

  for (const challenge of codingChallenges()) {
    it(`${challenge.id}: the reference solution passes every test, the starter code does not`, async () => {
      const solution = readFileSync(join(SOLUTIONS, `${challenge.id}.ts`), 'utf8');
      const { outcome } = await runInProcess({ code: solution, language: 'typescript', functionName: challenge.functionName, tests: judgedTests(challenge) });
      expect(outcome.results.filter((result) => result.status !== 'passed').map((result) => `${result.id}: expected ${result.expected}, got ${result.got ?? result.error?.message}`)).toEqual([]);
      expect(outcome.status).toBe('passed');

      for (const language of ['typescript', 'javascript'] as const) {
        const starter = await runInProcess({ code: challenge.starter[language], language, functionName: challenge.functionName, tests: judgedTests(challenge) });
        expect(starter.outcome.problem, `${language} starter compiles and defines ${challenge.functionName}`).toBeNull();
        expect(starter.outcome.status, `${language} starter`).toBe('failed');
      }
    });
  }

  it('keeps the reference solutions out of the app: no app module imports them', () => {
    const importers = [...sourceFiles(WEB), ...sourceFiles(WORKERS)].filter((file) => /catalogue\/solutions|from '\.\/solutions|from "\.\/solutions/.test(readFileSync(file, 'utf8')));
    expect(importers.map((file) => relative(WEB, file))).toEqual([]);
  });

  it('rejects a broken catalogue with a message naming the challenge and what to fix', () => {
    const first = (data as { challenges: Record<string, unknown>[] }).challenges[0]!;
    expect(() => parseCatalogue({ challenges: [first, first] })).toThrow(/"two-sum" appears more than once/);
    expect(() => parseCatalogue({ challenges: [{ ...first, tests: (first.tests as object[]).slice(0, 3) }] })).toThrow(ChallengeCatalogueError);
    expect(() => parseCatalogue({ challenges: [{ ...first, tests: (first.tests as { edge?: boolean }[]).map((test) => ({ ...test, edge: false })) }] })).toThrow(/no edge-case test/);
    expect(() => parseCatalogue({ challenges: [{ ...first, functionName: 'pairSum' }] })).toThrow(/does not mention pairSum/);
    expect(() => parseCatalogue({ challenges: [{ ...first, title: { en: 'Two sum' } }] })).toThrow(/title/);
  });
});
