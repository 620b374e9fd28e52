import { z } from 'zod';
import { isoDate } from '../../lib/response-schemas';
import { CLAIM_STATUSES, VERDICTS } from '../verdicts';
import { AnchorJson, TargetJson } from '../claims';
import { CheckJson, SourceJson } from '../checks';

/** The API's claim view, queue and agreement shapes (what review-presenter.ts produces). */
const verdict = z.enum(VERDICTS);
const ratingValue = z.number().int().min(1).max(5).nullable();

export const AggregateJson = z.object({
  verdict: verdict.nullable(),
  label: z.string().nullable(),
  ratingValue: z.number().nullable(),
  distribution: z.record(verdict, z.number().int()),
  reviewers: z.number().int(),
  agreement: z.number().nullable(),
  status: z.enum(CLAIM_STATUSES),
});

export const DecisionJson = z.object({
  verdict,
  label: z.string(),
  ratingValue,
  summary: z.string(),
  published: z.boolean(),
  publishedAt: isoDate.nullable(),
  updatedAt: isoDate,
  // Only for those the read policy lets see decision internals:
  note: z.string().nullable().optional(),
  decidedBy: z.string().nullable().optional(),
  newEvidenceAt: isoDate.nullable().optional(),
  needsRecheckAt: isoDate.nullable().optional(),
});

export const SimilarClaimJson = z.object({
  claimId: z.number().int(),
  quote: z.string(),
  statement: z.string().nullable(),
  article: z.object({ slug: z.string(), title: z.string() }),
  url: z.string(),
  published: z.boolean(),
  verdict: z.enum(VERDICTS).nullable(),
  verdictLabel: z.string().nullable(),
  score: z.number().min(0).max(1),
  relation: z.enum(['same', 'similar', 'numbers-differ', 'year-differs', 'negated', 'direction-differs', 'subject-differs']),
  note: z.string(),
});

/** The published fact-check a claim is marked as the same as (its verdict is what readers see on this claim). */
export const SameAsJson = z.object({
  claimId: z.number().int(),
  article: z.object({ slug: z.string(), title: z.string() }),
  verdict: z.enum(VERDICTS),
  label: z.string(),
  summary: z.string(),
  firstPublishedAt: isoDate.nullable(),
});

export const ClaimJson = z.object({
  id: z.number().int(),
  article: z.object({ slug: z.string(), title: z.string() }),
  statement: z.string().nullable(),
  target: TargetJson,
  anchor: AnchorJson,
  createdAt: isoDate,
  visibility: z.enum(['all', 'own', 'none']),
  checks: z.array(CheckJson),
  aggregate: AggregateJson.nullable(),
  decision: DecisionJson.nullable(),
  sources: z.array(SourceJson),
  sameAs: SameAsJson.nullable(),
});

/** A new claim, with the claims on record that are like it ("has this been checked before?"). */
export const CreatedClaimJson = ClaimJson.extend({ similar: z.array(SimilarClaimJson) });

export const ArticleClaimsResponse = z.object({
  claims: z.array(
    z.object({
      id: z.number().int(),
      statement: z.string().nullable(),
      target: TargetJson,
      anchor: AnchorJson,
      checkedByMe: z.boolean(),
      checks: z.number().int().nullable(),
      status: z.enum(CLAIM_STATUSES).nullable(),
    }),
  ),
});

export const AssigneeJson = z.object({ username: z.string(), displayName: z.string(), due: z.string().nullable(), done: z.boolean(), overdue: z.boolean() });

export const QueueResponse = z.object({
  claims: z.array(
    z.object({
      assignees: z.array(AssigneeJson),
      id: z.number().int(),
      article: z.object({ slug: z.string(), title: z.string() }),
      statement: z.string().nullable(),
      target: TargetJson,
      anchor: AnchorJson,
      aggregate: AggregateJson,
      decision: DecisionJson.nullable(),
    }),
  ),
  /** Claims per status under the article and assignee filters (not the status filter). */
  counts: z.object({
    disputed: z.number().int(),
    'needs-recheck': z.number().int(),
    'needs-review': z.number().int(),
    consensus: z.number().int(),
    published: z.number().int(),
  }),
  /** Pass as `after` for the next page; null on the last page. */
  next: z.string().nullable(),
});

export const AgreementResponse = z.object({
  alpha: z.object({ nominal: z.number().nullable(), ordinal: z.number().nullable(), interval: z.number().nullable() }),
  claims: z.number().int(),
  ratings: z.number().int(),
  pairableClaims: z.number().int(),
});
