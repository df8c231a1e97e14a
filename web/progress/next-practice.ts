// "Next practice": the weakest rubric dimension over the recent interviews, weighted toward the
// newest, so a dimension the candidate has already improved stops being suggested soon after. The
// suggestion carries the newest interview's setup (role, seniority, type, language) and a link to
// the setup screen with those and the dimension in its query.
// Ties are decided in the open: at the one decimal the screen shows, equal dimensions are separated
// first by how much each weighs in the overall score (improving it pays most), then by the lower
// score in the newest interview (the fresher weakness), then by the rubric's own order, and the
// suggestion says which rule decided.
// Owns: choosing the dimension and building the link. Must not import: Dexie, Solid, the DOM.
import type { InterviewSpec } from '../../sync-server/protocol/interview-spec.ts';
import { DIMENSION_WEIGHTS } from '../../workers/llm/basic/heuristic-scorer/score-answer.ts';
import { dimensionsOverTime } from './dimension-progress.ts';
import type { HistoryEntry } from './history-entry.ts';

/** How many of the newest scored interviews count. */
export const RECENT_INTERVIEWS = 5;
/** Each older interview counts this much as the one after it (1, 0.7, 0.49, …). */
export const RECENCY_DECAY = 0.7;

export interface DimensionStanding {
  key: string;
  label: string;
  /** Recency-weighted mean of the per-interview means, 1–5. */
  weighted: number;
  /** The mean in the newest interview scored on it. */
  latest: number;
  /** How many of the recent interviews were scored on it. */
  interviews: number;
  /** Its weight in the overall score, where the scorer weighs dimensions differently; else null. */
  overallWeight: number | null;
}

export type TieRule = 'weight' | 'latest' | 'order';

export interface NextPractice {
  dimension: DimensionStanding;
  /** Every dimension, weakest first. */
  standings: DimensionStanding[];
  /** Recent interviews that were looked at. */
  interviewsConsidered: number;
  /** Other dimensions that showed the same rounded score, and the rule that put this one first. */
  tie: { with: DimensionStanding[]; decidedBy: TieRule } | null;
  setup: Pick<InterviewSpec, 'role' | 'seniority' | 'type' | 'language'>;
  /** The setup screen with the role, seniority, type, language and `focus` (the dimension's key). */
  href: string;
}

const rounded = (value: number) => Math.round(value * 10) / 10;

const byWeight = (a: DimensionStanding, b: DimensionStanding) => (b.overallWeight ?? 0) - (a.overallWeight ?? 0);
const byLatest = (a: DimensionStanding, b: DimensionStanding) => a.latest - b.latest;

export function nextPractice(entries: readonly HistoryEntry[]): NextPractice | null {
  const recent = dimensionsOverTime(entries).slice(-RECENT_INTERVIEWS);
  const newest = recent.at(-1);
  if (!newest) return null;

  // Rubric order is the newest interview's, then dimensions only older ones had.
  const order: string[] = [];
  const sums = new Map<string, { label: string; weighted: number; weights: number; latest: number; interviews: number }>();
  for (let age = 0; age < recent.length; age++) {
    const item = recent[recent.length - 1 - age]!;
    const weight = RECENCY_DECAY ** age;
    for (const dimension of item.dimensions) {
      let sum = sums.get(dimension.key);
      if (!sum) {
        sum = { label: dimension.label, weighted: 0, weights: 0, latest: dimension.score, interviews: 0 };
        sums.set(dimension.key, sum);
        order.push(dimension.key);
      }
      sum.weighted += weight * dimension.score;
      sum.weights += weight;
      sum.interviews += 1;
    }
  }
  const standings: DimensionStanding[] = order.map((key) => {
    const sum = sums.get(key)!;
    return { key, label: sum.label, weighted: sum.weighted / sum.weights, latest: sum.latest, interviews: sum.interviews, overallWeight: DIMENSION_WEIGHTS[key] ?? null };
  });
  const rank = new Map(order.map((key, index) => [key, index]));
  const byOrder = (a: DimensionStanding, b: DimensionStanding) => rank.get(a.key)! - rank.get(b.key)!;
  standings.sort((a, b) => rounded(a.weighted) - rounded(b.weighted) || byWeight(a, b) || byLatest(a, b) || byOrder(a, b));

  const weakest = standings[0]!;
  const tied = standings.filter((standing) => standing !== weakest && rounded(standing.weighted) === rounded(weakest.weighted));
  let tie: NextPractice['tie'] = null;
  if (tied.length > 0) {
    const runnerUp = tied[0]!;
    const decidedBy: TieRule = byWeight(weakest, runnerUp) !== 0 ? 'weight' : byLatest(weakest, runnerUp) !== 0 ? 'latest' : 'order';
    tie = { with: tied, decidedBy };
  }

  const spec = completedSpec(entries, newest.interviewId);
  const setup = { role: spec.role, seniority: spec.seniority, type: spec.type, language: spec.language };
  const query = new URLSearchParams({ ...setup, focus: weakest.key });
  return { dimension: weakest, standings, interviewsConsidered: recent.length, tie, setup, href: `/new?${query.toString()}` };
}

function completedSpec(entries: readonly HistoryEntry[], interviewId: string): InterviewSpec {
  return entries.find((entry) => entry.interview.id === interviewId)!.interview.spec;
}
