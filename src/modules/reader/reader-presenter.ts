import { sameNumbersAndNegations } from '../../lib/claim-words';
import { articlePage, dateLabel, type Article, type BodyItem, type BlockView } from '../articles';
import { anchorJson, targetJson, type Claim } from '../claims';
import { sourceJson } from '../checks';
import { claimReviewJsonLd, VERDICT_LABEL, VERDICT_VALUE, VERDICTS, type Decision, type Publishing, type Verdict } from '../verdicts';
import type { PublishedFactCheck } from './reader-service';
import { byPosition, segmentRun } from './claim-marks';

/**
 * schema.org ClaimReview objects for an article's published fact-checks, one per fact-check. A claim shown with an earlier fact-check's verdict ("the same
 * claim as") gets that fact-check's review (its address, every appearance), not one of its own.
 */
export function claimReviews(article: Article, factChecks: PublishedFactCheck[], publishing: Publishing) {
  return factChecks.map(({ claim, decision, firstChecked, appearances }) =>
    claimReviewJsonLd({ ...publishing, claim: firstChecked ? { ...claim, id: firstChecked.claimId } : claim, decision, article, appearances }),
  );
}

export interface SentenceVerdict {
  claimId: number;
  verdict: Verdict;
  label: string;
}

/** GET /api/v1/articles/:slug/verdicts: the published decisions with their targets, for the overlay. */
export function verdictsJson(article: Article, factChecks: PublishedFactCheck[]) {
  return {
    article: { slug: article.slug, title: article.title },
    summary: summaryCounts(factChecks),
    verdicts: factChecks.map(({ claim, decision, sources, firstChecked }) => ({
      claimId: claim.id,
      url: `/claims/${firstChecked?.claimId ?? claim.id}`,
      firstChecked,
      statement: claim.statement,
      target: targetJson(claim),
      anchor: anchorJson(claim),
      note: anchorNote(claim, decision, new Map()),
      quoteAsChecked: claim.anchor.status === 'fuzzy' ? claim.anchor.checked.exact : null,
      verdict: decision.verdict,
      label: VERDICT_LABEL[decision.verdict],
      ratingValue: VERDICT_VALUE[decision.verdict],
      summary: decision.summary,
      sources: sources.map(sourceJson),
      publishedAt: decision.firstPublishedAt,
      updatedAt: decision.decidedAt,
    })),
  };
}

function summaryCounts(factChecks: PublishedFactCheck[]): Record<Verdict, number> {
  const counts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const { decision } of factChecks) counts[decision.verdict] += 1;
  return counts;
}

/** A published claim as the page draws it: its span and its verdict. */
export interface DrawnClaim extends SentenceVerdict {
  start: number;
  end: number;
}

/**
 * Each run of a block (a sentence or the spacing between sentences) cut into segments at the
 * claims' boundaries (claim-marks.ts); a run also lists the claims that end in it, whose verdict
 * badges (links to the fact-check, reachable by keyboard and without JavaScript) follow it.
 */
function decorate<B extends BlockView | null>(block: B, claims: DrawnClaim[], text: string): B {
  if (!block) return block;
  return {
    ...block,
    parts: block.parts.map((part) => {
      const here = claims.filter((claim) => claim.start < part.end && claim.end > part.start);
      if (here.length === 0) return part;
      return {
        ...part,
        segments: segmentRun(text, part.start, part.end, here),
        verdicts: here.filter((claim) => claim.end > part.start && claim.end <= part.end),
      };
    }),
  };
}

function decorateBody(item: BodyItem, claims: DrawnClaim[], text: string): BodyItem {
  return item.kind === 'list' ? { ...item, items: item.items.map((block) => decorate(block, claims, text)) } : decorate(item, claims, text);
}

/**
 * What readers are told when the article changed under a fact-check: a fuzzy claim was checked
 * against an earlier version (its quote as checked is shown); an orphaned claim's passage is no
 * longer in the article (it is listed, never highlighted).
 */
function anchorNote(claim: Claim, decision: Decision, revisionDates: Map<number, string>): string | null {
  const { status, checked } = claim.anchor;
  // The quote's own words are as checked, but the words around it changed (reanchoring.ts contextChanged).
  if ((status === 'exact' || status === 'moved') && decision.needsRecheckAt)
    return 'The article changed around this passage after it was checked; the desk is checking the verdict again.';
  if (status !== 'fuzzy' && status !== 'orphaned') return null;
  const date = dateLabel(revisionDates.get(checked.revision) ?? null);
  const version = date ? `an earlier version of this article (${date})` : 'an earlier version of this article';
  return status === 'fuzzy' ? `Checked against ${version}.` : `This passage is no longer in the article; it was checked against ${version}.`;
}

/** Whether a published claim's verdict may be drawn on the article's words as they are now. */
function drawable(claim: Claim): boolean {
  if (claim.anchor.status === 'orphaned') return false;
  return claim.anchor.status !== 'fuzzy' || sameNumbersAndNegations(claim.exact, claim.anchor.checked.exact);
}

/** The article page with the fact-check overlay: each claim's exact quote highlighted, a summary and a Fact-checks section. */
export function readerArticlePage(
  article: Article,
  factChecks: PublishedFactCheck[],
  options: { overlay: boolean; publishing: Publishing; revisionDates: Map<number, string> },
) {
  const page = articlePage(article);
  // Orphaned claims are never drawn on text (their words are gone), nor fuzzy claims whose words now
  // say something else (another figure, a negation: lib/claim-words.ts, the rule embed.js follows);
  // both stay in the Fact-checks list with the words as checked.
  const drawn: DrawnClaim[] = options.overlay
    ? byPosition(
        factChecks
          .filter(({ claim }) => drawable(claim))
          .map(({ claim, decision }) => ({
            claimId: claim.id,
            start: claim.start,
            end: claim.end,
            verdict: decision.verdict,
            label: VERDICT_LABEL[decision.verdict],
          })),
      )
    : [];
  const counts = summaryCounts(factChecks);
  return {
    ...page,
    article: {
      ...page.article,
      headline: decorate(page.article.headline, drawn, article.text),
      standfirst: decorate(page.article.standfirst, drawn, article.text),
      caption: decorate(page.article.caption, drawn, article.text),
      body: page.article.body.map((item) => decorateBody(item, drawn, article.text)),
    },
    overlay: {
      on: options.overlay,
      total: factChecks.length,
      summary: VERDICTS.filter((v) => counts[v] > 0).map((v) => ({ verdict: v, label: VERDICT_LABEL[v], count: counts[v] })),
      factChecks: factChecks.map(({ claim, decision, sources, firstChecked }) => ({
        id: claim.id,
        url: `/claims/${firstChecked?.claimId ?? claim.id}`,
        firstChecked,
        quote: claim.anchor.status === 'orphaned' ? claim.anchor.checked.exact : claim.exact,
        quoteAsChecked: claim.anchor.status === 'fuzzy' ? claim.anchor.checked.exact : null,
        anchorNote: anchorNote(claim, decision, options.revisionDates),
        anchorStatus: claim.anchor.status,
        statement: claim.statement,
        verdict: decision.verdict,
        label: VERDICT_LABEL[decision.verdict],
        summary: decision.summary,
        // The sources themselves are one link away (the claim page) and, with scripting, loaded into the popover on demand.
        sourceCount: sources.length,
        sentenceId: claim.sentenceIds[0] ?? null,
      })),
    },
  };
}
