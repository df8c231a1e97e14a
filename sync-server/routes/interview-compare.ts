// Comparing two to four interviews on the rubric, for GET /api/interviewer/compare?ids=a,b[,c,d]: per
// rubric dimension, each interview's average over its scored answers, with interviewers' score
// overrides applied (the latest override of an answer's dimension replaces the engine's score).
// Owns: the query's shape and the averaging. Must not import: Hono, a store, a database driver.
import { z } from 'zod';
import type { InterviewDetail } from '../protocol/index.ts';
import type { ScoreOverride } from '../protocol/score-override.ts';

export const compareQuery = z.object({
  ids: z
    .string({ error: 'ids is required: two to four interview ids separated by commas, such as ids=a,b' })
    .transform((value) => value.split(',').map((id) => id.trim()).filter(Boolean))
    .refine((ids) => ids.length >= 2 && ids.length <= 4, { error: 'ids must name two to four interviews, separated by commas' })
    .refine((ids) => new Set(ids).size === ids.length, { error: 'ids must not name the same interview twice' }),
});

export interface ComparedInterview {
  id: string;
  candidateName: string;
  role: string;
  startedAt: string;
  overall: number | null;
  /** Dimension key → average score (1–5) over the scored answers, overrides applied; null when none scored it. */
  dimensions: Record<string, number | null>;
  /** How many answers' scores an interviewer overrode. */
  overridden: number;
}

export interface Comparison {
  v: 1;
  /** Every dimension any of the interviews was scored on, in first-seen order. */
  dimensions: { key: string; label: string }[];
  interviews: ComparedInterview[];
}

export function compareInterviews(inputs: readonly { detail: InterviewDetail; overrides: readonly ScoreOverride[] }[]): Comparison {
  const labels = new Map<string, string>();
  const compared = inputs.map(({ detail, overrides }) => {
    // Overrides come oldest first: the last one per answer and dimension wins.
    const latest = new Map<string, number>();
    for (const override of overrides) latest.set(`${override.turnId}\u0000${override.dimensionKey}`, override.to);
    const sums = new Map<string, { total: number; count: number }>();
    const overriddenTurns = new Set<string>();
    for (const turn of detail.turns) {
      if (!turn.score) continue;
      for (const dimension of turn.score.dimensions) {
        if (!labels.has(dimension.key)) labels.set(dimension.key, dimension.label);
        const override = latest.get(`${turn.id}\u0000${dimension.key}`);
        if (override !== undefined) overriddenTurns.add(turn.id);
        const sum = sums.get(dimension.key) ?? { total: 0, count: 0 };
        sum.total += override ?? dimension.score;
        sum.count += 1;
        sums.set(dimension.key, sum);
      }
    }
    return { detail, sums, overridden: overriddenTurns.size };
  });
  const keys = [...labels.keys()];
  return {
    v: 1,
    dimensions: keys.map((key) => ({ key, label: labels.get(key)! })),
    interviews: compared.map(({ detail, sums, overridden }) => ({
      id: detail.interview.id,
      candidateName: detail.interview.candidateName,
      role: detail.interview.role,
      startedAt: detail.interview.startedAt,
      overall: detail.interview.overall,
      dimensions: Object.fromEntries(keys.map((key) => {
        const sum = sums.get(key);
        return [key, sum ? Math.round((sum.total / sum.count) * 100) / 100 : null];
      })),
      overridden,
    })),
  };
}
