import { displayDomain } from '../../lib/urls';
import { VERDICT_LABEL, VERDICT_VALUE } from '../verdicts';
import type { Check, Source } from './checks-types';

export function sourceJson(source: Source) {
  return { url: source.url, domain: displayDomain(source.url), title: source.title, stance: source.stance, quote: source.quote };
}

export function checkJson(check: Check) {
  return {
    id: check.id,
    claimId: check.claimId,
    reviewer: { id: check.reviewerId, name: check.reviewerName, username: check.reviewerUsername },
    verdict: check.verdict,
    label: VERDICT_LABEL[check.verdict],
    ratingValue: VERDICT_VALUE[check.verdict],
    independentVerdict: check.independentVerdict,
    revisedAfterOthersAt: check.revisedAfterOthersAt,
    confidence: check.confidence,
    rationale: check.rationale,
    sources: check.sources.map(sourceJson),
    createdAt: check.createdAt,
    revision: check.revision,
    updatedAt: check.updatedAt,
  };
}
