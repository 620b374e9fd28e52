import type { Claim } from './claims-types';

/** The claim's anchor status; the quote as checked is given when the text has changed under it. */
export function anchorJson(claim: Claim) {
  const { status, revision, similarity, checked } = claim.anchor;
  return {
    status,
    revision,
    checkedRevision: checked.revision,
    ...(status === 'fuzzy' && similarity !== null ? { similarity } : {}),
    ...(status === 'fuzzy' || status === 'orphaned' ? { previousQuote: checked.exact } : {}),
  };
}

/**
 * The words a verdict is about: the quote as checked when the article changed under it (fuzzy) or
 * lost it (orphaned), else the quote as it stands. Every surface that shows a verdict with its
 * words (the reader's list, the card, oEmbed, the verdicts feed) shows these.
 */
export function wordsAsChecked(claim: Claim): string {
  return claim.anchor.status === 'fuzzy' || claim.anchor.status === 'orphaned' ? claim.anchor.checked.exact : claim.exact;
}

export function targetJson(claim: Claim) {
  return { exact: claim.exact, prefix: claim.prefix, suffix: claim.suffix, start: claim.start, end: claim.end, sentenceIds: claim.sentenceIds };
}
