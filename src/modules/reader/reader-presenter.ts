import { articlePage, dateLabel, type Article, type BodyItem, type BlockView } from '../articles';
import { anchorJson, sourceJson, targetJson, type Claim } from '../claims';
import { claimReviewJsonLd, jsonForScript, VERDICT_LABEL, VERDICT_VALUE, VERDICTS, type Publishing, type Verdict } from '../verdicts';

/** schema.org ClaimReview objects for an article's published fact-checks. */
export function claimReviews(article: Article, factChecks: PublishedFactCheck[], publishing: Publishing) {
  return factChecks.map(({ claim, decision }) => claimReviewJsonLd({ ...publishing, claim, decision, article }));
}
import type { PublishedFactCheck } from './reader-service';

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
    verdicts: factChecks.map(({ claim, decision, sources }) => ({
      claimId: claim.id,
      url: `/claims/${claim.id}`,
      statement: claim.statement,
      target: targetJson(claim),
      anchor: anchorJson(claim),
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

function decorate<B extends BlockView | null>(block: B, bySentence: Map<string, SentenceVerdict[]>): B {
  if (!block) return block;
  return { ...block, parts: block.parts.map((part) => (part.id ? { ...part, verdicts: bySentence.get(part.id) ?? [] } : part)) };
}

function decorateBody(item: BodyItem, bySentence: Map<string, SentenceVerdict[]>): BodyItem {
  return item.kind === 'list' ? { ...item, items: item.items.map((block) => decorate(block, bySentence)) } : decorate(item, bySentence);
}

/**
 * What readers are told when the article changed under a fact-check: a fuzzy claim was checked
 * against an earlier version (its quote as checked is shown); an orphaned claim's passage is no
 * longer in the article (it is listed, never highlighted).
 */
function anchorNote(claim: Claim, revisionDates: Map<number, string>): string | null {
  const { status, checked } = claim.anchor;
  if (status !== 'fuzzy' && status !== 'orphaned') return null;
  const date = dateLabel(revisionDates.get(checked.revision) ?? null);
  const version = date ? `an earlier version of this article (${date})` : 'an earlier version of this article';
  return status === 'fuzzy' ? `Checked against ${version}.` : `This passage is no longer in the article; it was checked against ${version}.`;
}

/** The article page with the fact-check overlay: highlighted sentences, a summary and a Fact-checks section. */
export function readerArticlePage(
  article: Article,
  factChecks: PublishedFactCheck[],
  options: { overlay: boolean; publishing: Publishing; revisionDates: Map<number, string> },
) {
  const page = articlePage(article);
  const bySentence = new Map<string, SentenceVerdict[]>();
  if (options.overlay) {
    for (const { claim, decision } of factChecks) {
      for (const sentenceId of claim.sentenceIds) {
        const list = bySentence.get(sentenceId) ?? [];
        list.push({ claimId: claim.id, verdict: decision.verdict, label: VERDICT_LABEL[decision.verdict] });
        bySentence.set(sentenceId, list);
      }
    }
  }
  const counts = summaryCounts(factChecks);
  return {
    ...page,
    article: {
      ...page.article,
      headline: decorate(page.article.headline, bySentence),
      standfirst: decorate(page.article.standfirst, bySentence),
      caption: decorate(page.article.caption, bySentence),
      body: page.article.body.map((item) => decorateBody(item, bySentence)),
    },
    claimReviewJson: factChecks.length > 0 ? jsonForScript(claimReviews(article, factChecks, options.publishing)) : null,
    overlay: {
      on: options.overlay,
      total: factChecks.length,
      summary: VERDICTS.filter((v) => counts[v] > 0).map((v) => ({ verdict: v, label: VERDICT_LABEL[v], count: counts[v] })),
      factChecks: factChecks.map(({ claim, decision, sources }) => ({
        id: claim.id,
        quote: claim.anchor.status === 'orphaned' ? claim.anchor.checked.exact : claim.exact,
        quoteAsChecked: claim.anchor.status === 'fuzzy' ? claim.anchor.checked.exact : null,
        anchorNote: anchorNote(claim, options.revisionDates),
        anchorStatus: claim.anchor.status,
        statement: claim.statement,
        verdict: decision.verdict,
        label: VERDICT_LABEL[decision.verdict],
        summary: decision.summary,
        sources: sources.map(sourceJson),
        sentenceId: claim.sentenceIds[0] ?? null,
      })),
    },
  };
}
