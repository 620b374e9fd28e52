import type { Db } from '../../db/knex';
import { groupBy } from '../../lib/collections';
import { AppError, NotFoundError, PayloadTooLargeError } from '../../lib/errors';
import type { ArticlesService } from '../articles';
import { CheckInput, listChecks, listClaims, type Check, type ChecksService, type Claim, type ClaimsService, type Viewer } from '../claims';
import { hasRole } from '../../http/access';
import { findDecisions, type Decision } from '../verdicts';
import { annotationsIn, importItem } from './annotation-import';
import { checkAnnotation, decisionAnnotation } from './web-annotation';

export const MAX_IMPORT = 500;

export interface Publishing {
  baseUrl: string;
  publisherName: string;
}

export interface ImportResult {
  index: number;
  status: 'created' | 'existing-claim' | 'unanchored' | 'invalid' | 'conflict';
  claimId?: number;
  checkId?: number;
  message?: string;
}

export interface ArticleExport {
  article: { slug: string; title: string };
  claims: { claim: Claim; checks: Check[]; decision: Decision | null }[];
}

export type ExportsService = ReturnType<typeof createExportsService>;

export function createExportsService(db: Db, deps: { articles: ArticlesService; claims: ClaimsService; checks: ChecksService; publishing: Publishing }) {
  const { articles, publishing } = deps;

  /** Everything about an article's claims; callers filter by what the viewer may see. */
  async function articleData(slug: string): Promise<ArticleExport> {
    const article = await articles.getBySlug(slug);
    const claims = await listClaims(db, { articleId: article.id });
    const ids = claims.map((c) => c.id);
    const [checks, decisions] = await Promise.all([listChecks(db, ids), findDecisions(db, ids)]);
    const checksByClaim = groupBy(checks, (c) => c.claimId);
    return {
      article: { slug: article.slug, title: article.title },
      claims: claims.map((claim) => ({ claim, checks: checksByClaim.get(claim.id) ?? [], decision: decisions.get(claim.id) ?? null })),
    };
  }

  /** The same rule as the claim API: editors see every check, reviewers those of claims they checked, readers none. */
  function visibleChecks(checks: Check[], viewer: Viewer | null): Check[] {
    if (!viewer) return [];
    if (hasRole(viewer.role, 'editor') || checks.some((c) => c.reviewerId === viewer.id)) return checks;
    return [];
  }

  return {
    articleData,

    async annotations(slug: string, viewer: Viewer | null): Promise<Record<string, unknown>[]> {
      const data = await articleData(slug);
      const out: Record<string, unknown>[] = [];
      for (const { claim, checks, decision } of data.claims) {
        for (const check of visibleChecks(checks, viewer)) out.push(checkAnnotation(publishing.baseUrl, slug, claim, check));
        if (decision?.published) out.push(decisionAnnotation(publishing.baseUrl, publishing.publisherName, slug, claim, decision));
      }
      return out;
    },

    /** One annotation by its id (`check-12` or `decision-7`), as the viewer may see it. */
    async annotation(id: string, viewer: Viewer | null): Promise<Record<string, unknown>> {
      const match = /^(check|decision)-(\d+)$/.exec(id);
      if (!match) throw new NotFoundError('There is no such annotation.');
      const number = Number(match[2]);
      const claimId = match[1] === 'decision' ? number : (await deps.checks.get(number).catch(() => null))?.claimId;
      if (!claimId) throw new NotFoundError('There is no such annotation.');
      const [claim] = await listClaims(db, { claimIds: [claimId] });
      if (!claim) throw new NotFoundError('There is no such annotation.');
      const slug = (await articles.summaryById(claim.articleId)).slug;
      const found = (await this.annotations(slug, viewer)).find((a) => a.id === `${publishing.baseUrl}/api/v1/annotations/${id}`);
      if (!found) throw new NotFoundError('There is no such annotation.');
      return found;
    },

    /** Creates the claims and checks that annotations describe; reports each one it could not use. */
    async import(slug: string, payload: unknown, importer: Viewer): Promise<ImportResult[]> {
      const items = annotationsIn(payload);
      if (items.length === 0) throw new AppError(400, 'invalid_input', 'No annotations found: send an Annotation, an array, an AnnotationPage or AnnotationCollection, or a Hypothesis {rows} result.');
      if (items.length > MAX_IMPORT) throw new PayloadTooLargeError(`At most ${MAX_IMPORT} annotations per request.`);
      await articles.getBySlug(slug);
      const results: ImportResult[] = [];
      for (const [index, raw] of items.entries()) {
        const item = importItem(raw);
        if (!item.quote) {
          results.push({ index, status: 'unanchored', message: 'The annotation has no TextQuoteSelector to anchor by.' });
          continue;
        }
        const check = item.check ? CheckInput.safeParse(item.check) : null;
        if (check && !check.success) {
          results.push({ index, status: 'invalid', message: check.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
          continue;
        }
        let claimId: number;
        let createdClaim: boolean;
        try {
          const created = await deps.claims.create(slug, { quote: item.quote, statement: item.statement }, importer);
          claimId = created.claim.id;
          createdClaim = created.created;
        } catch (error) {
          if (error instanceof AppError && error.status === 422) {
            results.push({ index, status: 'unanchored', message: 'The quote was not found in the article’s text.' });
            continue;
          }
          throw error;
        }
        if (!check) {
          results.push({ index, status: createdClaim ? 'created' : 'existing-claim', claimId });
          continue;
        }
        try {
          const filed = await deps.checks.file(claimId, check.data, importer);
          results.push({ index, status: 'created', claimId, checkId: filed.id });
        } catch (error) {
          if (error instanceof AppError && error.status === 409) results.push({ index, status: 'conflict', claimId, message: error.message });
          else throw error;
        }
      }
      return results;
    },
  };
}
