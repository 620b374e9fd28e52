import { VERDICTS, VERDICT_VALUE, verdictForValue, type Verdict } from './verdict-scale';

export const CLAIM_STATUSES = ['disputed', 'needs-recheck', 'needs-review', 'consensus', 'published'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export interface Aggregate {
  /** The consensus verdict, or null while there are no ordinal ratings. */
  verdict: Verdict | null;
  ratingValue: number | null;
  distribution: Record<Verdict, number>;
  reviewers: number;
  ordinalRatings: number;
  /** 1 when every ordinal rating is the same, 0 at the widest possible spread; null with fewer than two. */
  agreement: number | null;
  status: ClaimStatus;
}

const MIXED = 3;
const SCALE_SPAN = 4;

/**
 * The median of the ordinal ratings. Tie rule: with an even count whose two middle ratings
 * differ, take their midpoint and, when that falls between two verdicts, round it toward
 * `mixed` (3): the consensus is never more extreme than the two middle reviewers.
 * [2, 4] → 3; [1, 2] → 2; [4, 5] → 4; [1, 4] → 3 (2.5 rounded toward 3).
 */
export function medianRating(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[middle];
  const midpoint = (sorted[middle - 1] + sorted[middle]) / 2;
  if (Number.isInteger(midpoint)) return midpoint;
  return midpoint < MIXED ? Math.ceil(midpoint) : Math.floor(midpoint);
}

/** 1 − mean absolute difference over all pairs of ratings ÷ the scale's span (4). */
export function pairwiseAgreement(values: number[]): number | null {
  if (values.length < 2) return null;
  let total = 0;
  let pairs = 0;
  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      total += Math.abs(values[i] - values[j]);
      pairs++;
    }
  }
  return Number((1 - total / pairs / SCALE_SPAN).toFixed(4));
}

export interface AggregateOptions {
  /** Ordinal checks needed before a claim can reach consensus. */
  minOrdinalChecks: number;
  published: boolean;
  /** The published verdict's claim changed or vanished in a newer revision of the article. */
  needsRecheck?: boolean;
}

/**
 * Status, in order of precedence: `needs-recheck` (published, but the article changed under the
 * claim's quote: an editor must confirm, revise or unpublish); `published` (an editor published a decision); `disputed`
 * (ordinal ratings two or more steps apart, or `unverifiable` beside a `true` or `false`);
 * `needs-review` (fewer ordinal checks than the minimum); otherwise `consensus`.
 */
export function aggregateVerdicts(verdicts: Verdict[], options: AggregateOptions): Aggregate {
  const distribution = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const verdict of verdicts) distribution[verdict] += 1;
  const values = verdicts.map((v) => VERDICT_VALUE[v]).filter((v): v is number => v !== null);
  const ratingValue = medianRating(values);
  const spread = values.length > 0 ? Math.max(...values) - Math.min(...values) : 0;
  const unverifiableBesideStrong = distribution.unverifiable > 0 && (distribution.true > 0 || distribution.false > 0);

  let status: ClaimStatus;
  if (options.published && options.needsRecheck) status = 'needs-recheck';
  else if (options.published) status = 'published';
  else if (spread >= 2 || unverifiableBesideStrong) status = 'disputed';
  else if (values.length < options.minOrdinalChecks) status = 'needs-review';
  else status = 'consensus';

  return {
    verdict: ratingValue === null ? null : verdictForValue(ratingValue),
    ratingValue,
    distribution,
    reviewers: verdicts.length,
    ordinalRatings: values.length,
    agreement: pairwiseAgreement(values),
    status,
  };
}

/** What a claim's aggregate depends on besides its verdicts: its decision (published, needing a recheck). */
export type DecisionState = { published: boolean; needsRecheckAt: string | null } | null | undefined;

/**
 * The one way a claim's aggregate is computed: from its checks' independent verdicts and its
 * decision. The stored aggregates, the exports and the decision's consensus rule all call this.
 */
export function claimAggregate(independentVerdicts: Verdict[], decision: DecisionState, minOrdinalChecks: number): Aggregate {
  return aggregateVerdicts(independentVerdicts, { minOrdinalChecks, published: decision?.published ?? false, needsRecheck: Boolean(decision?.needsRecheckAt) });
}
