import { AppError, NotFoundError, PayloadTooLargeError } from '../../lib/errors';
import type { ArticlesService } from '../articles';
import { readableChecks, type CreateClaimInput, type Claim, type ClaimsService, type Viewer } from '../claims';
import type { Check, CheckInput, ChecksService } from '../checks';
import type { ReviewService } from '../review';
import { CodePointIndex } from '../../lib/code-points';
import type { Decision, Publishing } from '../verdicts';
import { annotationsIn, importItem } from './annotation-import';
import { checkAnnotation, decisionAnnotation } from './web-annotation';

export const MAX_IMPORT = 500;
/** All quotes of one import together: a request's work is bounded by what it sends, not only by its count. */
export const MAX_IMPORT_QUOTE_CHARS = 200_000;

export interface ImportResult {
  index: number;
  status: 'created' | 'existing-claim' | 'unanchored' | 'invalid' | 'conflict';
  claimId?: number;
  checkId?: number;
  message?: string;
}

export interface ArticleExport {
  article: { slug: string; title: string; text: string };
  claims: { claim: Claim; checks: Check[]; decision: Decision | null }[];
  /** When each revision of the article was made (annotations say which revision they address). */
  revisionDates: Map<number, string>;
}

export type ExportsService = ReturnType<typeof createExportsService>;

/** How an item that a service refused is reported; anything else (a 5xx) stops the import. */
function importFailure(error: unknown): Pick<ImportResult, 'status' | 'message'> | null {
  if (!(error instanceof AppError)) return null;
  if (error.status === 422) return { status: 'unanchored', message: 'The quote was not found in the article’s text.' };
  if (error.status === 400 || error.status === 413) return { status: 'invalid', message: error.message };
  if (error.status === 409) return { status: 'conflict', message: error.message };
  return null;
}

export function createExportsService(deps: {
  articles: ArticlesService;
  claims: ClaimsService;
  checks: ChecksService;
  review: ReviewService;
  publishing: Publishing;
}) {
  const { articles, publishing } = deps;

  /** Everything about an article's claims (or only some); callers filter by what the viewer may see. */
  async function articleData(slug: string, onlyClaimIds?: number[]): Promise<ArticleExport> {
    const article = await articles.getBySlug(slug);
    return {
      article: { slug: article.slug, title: article.title, text: article.text },
      claims: await deps.review.records(article.id, onlyClaimIds),
      revisionDates: await articles.revisionDates(article.id),
    };
  }

  /** An article and its claims' records a batch at a time (streamed exports). */
  async function articleBatches(slug: string) {
    const article = await articles.getBySlug(slug);
    return { article: { slug: article.slug, title: article.title }, batches: deps.review.recordBatches(article.id) };
  }

  /** The slug of each batch's articles (the export of every claim names them). */
  async function articleSlugsOf(records: ArticleExport['claims']): Promise<Map<number, string>> {
    const summaries = await articles.summariesOf(records.map((r) => r.claim.articleId));
    return new Map([...summaries].map(([id, summary]) => [id, summary.slug]));
  }

  /** The Web Annotations of the given claims, as the viewer may see them. */
  function annotationsOf(
    data: ArticleExport,
    viewer: Viewer | null,
    // The W3C model counts TextPositionSelector offsets in code points; Factline stores UTF-16 units.
    positions = new CodePointIndex(data.article.text),
  ): Record<string, unknown>[] {
    const { slug } = data.article;
    const out: Record<string, unknown>[] = [];
    for (const { claim: stored, checks, decision } of data.claims) {
      const { anchor } = stored;
      // An orphaned claim's quote is no longer in the text: it is addressed as checked, in the revision it was checked in.
      const claim =
        anchor.status === 'orphaned'
          ? { id: stored.id, ...anchor.checked, start: undefined, end: undefined, revision: { number: anchor.checked.revision, date: null as string | null } }
          : {
              ...stored,
              start: positions.toCodePoints(stored.start),
              end: positions.toCodePoints(stored.end),
              revision: { number: anchor.revision, date: null as string | null },
            };
      claim.revision.date = data.revisionDates.get(claim.revision.number) ?? null;
      for (const check of visibleChecks(checks, viewer)) out.push(checkAnnotation(publishing.baseUrl, slug, claim, check));
      if (decision?.published) out.push(decisionAnnotation(publishing.baseUrl, publishing.publisherName, slug, claim, decision));
    }
    return out;
  }

  /** The claims module's read policy, not a copy: a reviewer sees others' checks only after filing their own. */
  function visibleChecks(checks: Check[], viewer: Viewer | null): Check[] {
    return readableChecks(viewer, checks).checks;
  }

  return {
    articleData,
    articleBatches,
    articleSlugsOf,
    /** Every claim of the site, a batch at a time. */
    allBatches: () => deps.review.recordBatches(null),

    /**
     * The article's annotations from `start`, at most `count` of them, as the viewer may see them,
     * and how many there are in all: the claims are read a batch at a time, so memory stays at
     * one batch and one page however many claims the article has.
     */
    async annotationWindow(slug: string, viewer: Viewer | null, start: number, count: number): Promise<{ items: Record<string, unknown>[]; total: number }> {
      const article = await articles.getBySlug(slug);
      const header = { article: { slug: article.slug, title: article.title, text: article.text }, revisionDates: await articles.revisionDates(article.id) };
      const positions = new CodePointIndex(article.text);
      const items: Record<string, unknown>[] = [];
      let total = 0;
      for await (const claims of deps.review.recordBatches(article.id)) {
        for (const annotation of annotationsOf({ ...header, claims }, viewer, positions)) {
          if (total >= start && items.length < count) items.push(annotation);
          total += 1;
        }
      }
      return { items, total };
    },

    /** One annotation by its id (`check-12` or `decision-7`), as the viewer may see it. */
    async annotation(id: string, viewer: Viewer | null): Promise<Record<string, unknown>> {
      const match = /^(check|decision)-(\d+)$/.exec(id);
      if (!match) throw new NotFoundError('There is no such annotation.');
      const number = Number(match[2]);
      const claimId = match[1] === 'decision' ? number : (await deps.checks.get(number).catch(() => null))?.claimId;
      if (!claimId) throw new NotFoundError('There is no such annotation.');
      const [claim] = await deps.claims.byIds([claimId]);
      if (!claim) throw new NotFoundError('There is no such annotation.');
      const slug = (await articles.summaryById(claim.articleId)).slug;
      const found = annotationsOf(await articleData(slug, [claimId]), viewer).find((a) => a.id === `${publishing.baseUrl}/api/v1/annotations/${id}`);
      if (!found) throw new NotFoundError('There is no such annotation.');
      return found;
    },

    /** Creates the claims and checks that annotations describe; reports each one it could not use. */
    async import(slug: string, payload: unknown, importer: Viewer): Promise<ImportResult[]> {
      const items = annotationsIn(payload);
      if (items.length === 0)
        throw new AppError(
          400,
          'invalid_input',
          'No annotations found: send an Annotation, an array, an AnnotationPage or AnnotationCollection, or a Hypothesis {rows} result.',
        );
      if (items.length > MAX_IMPORT) throw new PayloadTooLargeError(`At most ${MAX_IMPORT} annotations per request.`);
      const parsed = items.map(importItem);
      const quoteChars = parsed.reduce(
        (sum, item) => sum + (item.quote?.exact.length ?? 0) + (item.quote?.prefix?.length ?? 0) + (item.quote?.suffix?.length ?? 0),
        0,
      );
      if (quoteChars > MAX_IMPORT_QUOTE_CHARS) {
        throw new PayloadTooLargeError(
          `The quotes of one import may hold at most ${MAX_IMPORT_QUOTE_CHARS.toLocaleString('en-US')} characters in all; split it into several requests.`,
        );
      }
      const target = await deps.claims.inArticle(slug);
      const positions = new CodePointIndex(target.article.text);
      const results: ImportResult[] = [];
      for (const [index, item] of parsed.entries()) {
        if (!item.quote) {
          results.push({ index, status: 'unanchored', message: 'The annotation has no TextQuoteSelector to anchor by.' });
          continue;
        }
        const { start, end, ...quote } = item.quote;
        const position = start !== undefined && end !== undefined ? { start: positions.toUtf16(start), end: positions.toUtf16(end) } : {};
        let claimId: number;
        let createdClaim: boolean;
        try {
          // The claims service validates the quote and statement as it does for the API (a blank or overlong quote is invalid).
          const created = await target.create({ quote: { ...quote, ...position }, statement: item.statement } as CreateClaimInput, importer);
          claimId = created.claim.id;
          createdClaim = created.created;
        } catch (error) {
          const outcome = importFailure(error);
          if (!outcome) throw error;
          results.push({ index, ...outcome });
          continue;
        }
        if (!item.check) {
          results.push({ index, status: createdClaim ? 'created' : 'existing-claim', claimId });
          continue;
        }
        try {
          const filed = await deps.checks.file(claimId, item.check as CheckInput, importer);
          results.push({ index, status: 'created', claimId, checkId: filed.id });
        } catch (error) {
          const outcome = importFailure(error);
          if (!outcome) throw error;
          results.push({ index, claimId, ...outcome });
        }
      }
      return results;
    },
  };
}
