import { api, type RouteSpec } from '../../http/routes';
import { shared } from '../../http/route-sharing';
import { atLeast } from '../accounts';
import { SlugParam, type ArticlesService } from '../articles';
import { auditContext } from '../audit';
import { anchorJson, ClaimIdParam, CreateClaimInput, SameAsInput, targetJson, viewer, viewerOf, type ClaimsService } from '../claims';
import { CheckIdParam, CheckInput, CheckJson, checkJson, CheckUpdateInput, type ChecksService } from '../checks';
import { DecisionInput } from '../verdicts';
import { claimJson, queueJson, queueQuery } from './review-presenter';
import { QueueFilter } from './review-schemas';
import type { ReviewDesk } from './review-desk';
import { AgreementResponse, ArticleClaimsResponse, ClaimJson, CreatedClaimJson, QueueResponse } from './review-responses';
import type { ReviewService } from './review-service';

const API_PAGE = 50;

/** The claims, checks and decisions API: each route declares its input schemas, and its handler receives them parsed. */
export function reviewApiRoutes(review: ReviewService, claims: ClaimsService, checks: ChecksService, articles: ArticlesService, desk: ReviewDesk): RouteSpec[] {
  return [
    api(
      'post',
      '/api/v1/articles/:slug/claims',
      atLeast('reviewer'),
      {
        tag: 'Claims',
        summary:
          'Create a claim on a sentence or an exact quote (200 with the existing claim for the same span). `similar`: up to five claims on record in any article like it, published fact-checks first.',
        params: SlugParam,
        body: CreateClaimInput,
        success: 201,
        response: CreatedClaimJson,
      },
      async ({ params, body }, req, res) => {
        const { claim, created } = await claims.create(params.slug, body, viewer(req));
        const view = await review.view(claim.id, viewer(req));
        const similar = await desk.search.similar(claim.statement ?? claim.exact, { exclude: claim.id });
        res
          .status(created ? 201 : 200)
          .location(`/api/v1/claims/${claim.id}`)
          .json({ ...claimJson(view), similar });
      },
    ),
    api(
      'get',
      '/api/v1/articles/:slug/claims',
      atLeast('reviewer'),
      {
        tag: 'Claims',
        summary: 'The article’s claims for a signed-in reviewer: checked by you, and the status where you may see it.',
        params: SlugParam,
        response: ArticleClaimsResponse,
      },
      async ({ params }, req, res) => {
        const article = await articles.getBySlug(params.slug);
        const list = await review.forReviewer(article.id, viewer(req));
        res.json({
          claims: list.map(({ claim, checkedByMe, checks: count, status }) => ({
            id: claim.id,
            statement: claim.statement,
            target: targetJson(claim),
            anchor: anchorJson(claim),
            checkedByMe,
            checks: count,
            status,
          })),
        });
      },
    ),
    shared(
      api(
        'get',
        '/api/v1/claims/:id',
        'anyone',
        { tag: 'Claims', summary: 'A claim with the checks, aggregate and decision the caller may see.', params: ClaimIdParam, response: ClaimJson },
        async ({ params }, req, res) => {
          res.json(claimJson(await review.view(params.id, viewerOf(req))));
        },
      ),
      { cache: 'no-store' },
    ),
    api(
      'post',
      '/api/v1/claims/:id/checks',
      atLeast('reviewer'),
      { tag: 'Checks', summary: 'File your check of a claim (one per reviewer).', params: ClaimIdParam, body: CheckInput, success: 201, response: CheckJson },
      async ({ params, body }, req, res) => {
        const check = await checks.file(params.id, body, viewer(req));
        res.status(201).location(`/api/v1/checks/${check.id}`).json(checkJson(check));
      },
    ),
    api(
      'patch',
      '/api/v1/checks/:id',
      atLeast('reviewer'),
      { tag: 'Checks', summary: 'Edit your own check; every change is kept.', params: CheckIdParam, body: CheckUpdateInput, response: CheckJson },
      async ({ params, body }, req, res) => {
        res.json(checkJson(await checks.update(params.id, body, viewer(req))));
      },
    ),
    api(
      'post',
      '/api/v1/claims/:id/decision',
      atLeast('editor'),
      {
        tag: 'Decisions',
        summary: 'Decide the final verdict, write the public summary, publish or unpublish.',
        params: ClaimIdParam,
        body: DecisionInput,
        response: ClaimJson,
      },
      async ({ params, body }, req, res) => {
        await review.decide(params.id, body, viewer(req), auditContext(req));
        res.json(claimJson(await review.view(params.id, viewer(req))));
      },
    ),
    api(
      'post',
      '/api/v1/claims/:id/same-as',
      atLeast('editor'),
      {
        tag: 'Decisions',
        summary: 'Mark the claim as the same claim as an earlier published fact-check: it then shows that verdict (readers see where it was first checked).',
        params: ClaimIdParam,
        body: SameAsInput,
        response: ClaimJson,
      },
      async ({ params, body }, req, res) => {
        await claims.markSameAs(params.id, body.claimId, viewer(req), auditContext(req));
        res.json(claimJson(await review.view(params.id, viewer(req))));
      },
    ),
    api(
      'delete',
      '/api/v1/claims/:id/same-as',
      atLeast('editor'),
      { tag: 'Decisions', summary: 'Undo “the same claim as”: the claim no longer shows the earlier verdict.', params: ClaimIdParam, response: ClaimJson },
      async ({ params }, req, res) => {
        await claims.unmarkSameAs(params.id, viewer(req), auditContext(req));
        res.json(claimJson(await review.view(params.id, viewer(req))));
      },
    ),
    api(
      'get',
      '/api/v1/articles/:slug/agreement',
      atLeast('editor'),
      {
        tag: 'Decisions',
        summary: 'Krippendorff’s alpha (nominal, ordinal, interval) over the article’s ratings.',
        params: SlugParam,
        response: AgreementResponse,
      },
      async ({ params }, _req, res) => {
        const result = await review.agreement(params.slug);
        res.json({
          alpha: { nominal: result.nominal, ordinal: result.ordinal, interval: result.interval },
          claims: result.claims,
          ratings: result.ratings,
          pairableClaims: result.units,
        });
      },
    ),
    api(
      'get',
      '/api/v1/review',
      atLeast('editor'),
      {
        tag: 'Decisions',
        summary:
          'The review queue, disputed first (or by `sort`), optionally only one article, status or assignee; each claim with its assignees. Pages of `limit` (default 50, at most 200) claims: pass `next` as `after` for the following page.',
        query: QueueFilter,
        response: QueueResponse,
      },
      async ({ query }, _req, res) => {
        const { items, next, counts } = await review.queue(await queueQuery(query, desk.assignments, API_PAGE));
        const assignees = await desk.assignments.assigneesOf(items.map((item) => item.claim.id));
        res.json({ claims: queueJson(items, assignees), counts, next });
      },
    ),
  ];
}
