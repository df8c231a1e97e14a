import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunOutcome } from '../../workers/code-runner/run-outcome.ts';
import { challengeStandings, getChallengeDraft, listChallengeAttempts, saveChallengeAttempt, saveChallengeDraft, type ChallengeAttemptInput } from './challenge-attempts.ts';
import { closeDb, DB_NAME, getDb, InterviewBuddyDb, SCHEMA_V1, SCHEMA_V2 } from './db.ts';

const at = (minute: number) => new Date(Date.UTC(2025, 2, 1, 10, minute));
const run: RunOutcome = { status: 'failed', results: [], problem: null, timedOut: null, passed: 3, total: 4 };

function attempt(challengeId: string, codeScore: number, explanation: number | null): ChallengeAttemptInput {
  return {
    source: 'bank',
    challengeId,
    language: 'typescript',
    code: 'export function twoSum() { return []; }',
    run,
    codeScore,
    explanation: 'I used a map of complements.',
    explanationSpoken: false,
    explanationScore: explanation === null ? null : { engine: 'basic', overall: explanation, dimensions: [{ key: 'coverage', label: 'Talking points', score: 3, reason: 'Some.', evidence: [] }], flags: [] },
    engine: { kind: 'basic', label: 'basic scoring', reason: 'test' },
    hintsRevealed: 1,
    hintsAvailable: 3,
    startedAt: at(0).toISOString(),
  };
}

beforeEach(async () => {
  closeDb();
  await new Promise((resolve) => setTimeout(resolve));
  await Dexie.delete(DB_NAME);
});
afterEach(() => closeDb());

describe('challenge drafts and attempts', () => {
  it('keeps a draft across a reopened database', async () => {
    expect(await getChallengeDraft('bank', 'two-sum')).toBeNull();
    await saveChallengeDraft({ source: 'bank', challengeId: 'two-sum', language: 'javascript', code: 'function twoSum() {}', explanation: 'half done', hintsRevealed: 2, startedAt: at(0).toISOString() }, at(3));
    closeDb();
    expect(await getChallengeDraft('bank', 'two-sum')).toEqual({
      key: 'bank:two-sum',
      source: 'bank',
      challengeId: 'two-sum',
      language: 'javascript',
      code: 'function twoSum() {}',
      explanation: 'half done',
      hintsRevealed: 2,
      startedAt: at(0).toISOString(),
      updatedAt: at(3).toISOString(),
    });
  });

  it('stores attempts with their time taken, lists one challenge newest first, and restarts the draft clock', async () => {
    await saveChallengeDraft({ source: 'bank', challengeId: 'two-sum', language: 'typescript', code: 'x', explanation: 'y', hintsRevealed: 1, startedAt: at(0).toISOString() }, at(1));
    const first = await saveChallengeAttempt(attempt('two-sum', 50, 40), at(5));
    expect(first.durationMs).toBe(5 * 60_000);
    const draft = await getChallengeDraft('bank', 'two-sum');
    expect(draft).toMatchObject({ code: 'x', explanation: 'y', hintsRevealed: 1, startedAt: at(5).toISOString() });
    const second = await saveChallengeAttempt({ ...attempt('two-sum', 100, null), startedAt: draft!.startedAt }, at(9));
    expect(second.durationMs).toBe(4 * 60_000);
    await saveChallengeAttempt(attempt('lru-cache', 20, 70), at(10));

    const listed = await listChallengeAttempts('bank', 'two-sum');
    expect(listed.map((row) => row.id)).toEqual([second.id, first.id]);
    expect(listed[1]).toEqual(first);
    expect(await listChallengeAttempts('org-template:abc', 'two-sum')).toEqual([]);

    const standings = await challengeStandings();
    expect(standings.get('bank:two-sum')).toEqual({ attempts: 2, bestCodeScore: 100, bestExplanationScore: 40, lastSubmittedAt: at(9).toISOString() });
    expect(standings.get('bank:lru-cache')).toMatchObject({ attempts: 1, bestCodeScore: 20, bestExplanationScore: 70 });
  });

  it('adds its tables to a database from version 2 and keeps what was there', async () => {
    const old = new Dexie(DB_NAME);
    old.version(1).stores(SCHEMA_V1);
    old.version(2).stores(SCHEMA_V2);
    await old.table('settings').put({ key: 'cameraOn', value: true });
    old.close();

    const db = getDb();
    await db.open();
    expect(db.tables.map((table) => table.name)).toEqual(expect.arrayContaining(['challengeAttempts', 'challengeDrafts', 'interviews', 'settings']));
    expect(await db.settings.get('cameraOn')).toEqual({ key: 'cameraOn', value: true });
    await saveChallengeAttempt(attempt('two-sum', 75, 60), at(2));
    expect(await listChallengeAttempts('bank', 'two-sum')).toHaveLength(1);
    expect(new InterviewBuddyDb('unused').verno).toBeGreaterThanOrEqual(3);
  });
});
