// The shape of a coding challenge (coding-challenges.json). The catalogue is data written by us and,
// later, by organisations (templates); this schema is what keeps it honest, and catalogue.test.ts runs
// it, and every challenge's tests against its reference solution, so a broken challenge cannot ship.
// Owns: the challenge format. Must not import: DOM, Dexie, Solid, the runner's worker.
import { z } from 'zod';
import { comparison, functionName, jsonValue } from '../../../workers/code-runner/api.ts';
import { talkingPoint } from '../../../sync-server/protocol/question.ts';

/** Text in every interface language. */
export const localisedText = z.object({ en: z.string().trim().min(1).max(4_000), es: z.string().trim().min(1).max(4_000) });
export type LocalisedText = z.infer<typeof localisedText>;

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export const difficulty = z.enum(DIFFICULTIES);
export type Difficulty = z.infer<typeof difficulty>;

export const CHALLENGE_TOPICS = ['arrays', 'hashing', 'strings', 'stacks', 'searching', 'sorting', 'intervals', 'sliding-window', 'two-pointers', 'design'] as const;
export const challengeTopic = z.enum(CHALLENGE_TOPICS);
export type ChallengeTopic = z.infer<typeof challengeTopic>;

export const DEFAULT_TIME_LIMIT_MS = 2_000;

export const challengeTest = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/).max(60),
  args: z.array(jsonValue).max(10),
  expected: jsonValue,
  compare: comparison.default('exact'),
  /** An edge case (empty input, duplicates, bounds…): every challenge needs some. */
  edge: z.boolean().default(false),
});
export type ChallengeTest = z.infer<typeof challengeTest>;

export const codingChallenge = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/).max(60),
  difficulty,
  topics: z.array(challengeTopic).min(1).max(4),
  title: localisedText,
  /** Paragraphs separated by blank lines; `backticks` mark code. */
  prompt: localisedText,
  functionName,
  starter: z.object({ typescript: z.string().min(1).max(4_000), javascript: z.string().min(1).max(4_000) }),
  /** For the code's top level and all tests together. */
  timeLimitMs: z.number().int().min(200).max(10_000).default(DEFAULT_TIME_LIMIT_MS),
  tests: z.array(challengeTest).min(4).max(30),
  /** Revealed one at a time, in this order: a nudge first, the approach last. */
  hints: z.array(localisedText).min(1).max(5),
  /** What the spoken or written explanation of a solution is scored on. Cues are English (the basic scorer's language). */
  explanation: z.object({
    talkingPoints: z.array(talkingPoint).min(3).max(6),
    rubricHint: z.string().min(20).max(600),
    expectedSeconds: z.number().int().min(30).max(300),
  }),
});
export type CodingChallenge = z.infer<typeof codingChallenge>;

export const challengeCatalogueFile = z.object({ challenges: z.array(codingChallenge).min(1) });
