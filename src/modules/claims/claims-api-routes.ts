import type { Request, Response } from 'express';
import { api, type RouteSpec, type SignedInRequest } from '../../http/routes';
import { parseInput } from '../../http/validate';
import { SlugParam } from '../articles';
import { DecisionInput } from '../verdicts';
import { auditContext } from '../audit';
import type { ArticlesService } from '../articles';
import { checkJson, claimJson, queueJson, targetJson } from './claims-presenter';
import { CheckIdParam, CheckInput, CheckUpdateInput, ClaimIdParam, CreateClaimInput, QueueFilter } from './claims-schemas';
import type { ChecksService } from './checks-service';
import type { ClaimsService } from './claims-service';
import type { Viewer } from './read-policy';
import { atLeast } from '../accounts';

export const viewerOf = (req: Request): Viewer | null => (req.user ? viewer(req as SignedInRequest) : null);

/** The signed-in user as the claims module knows them. */
export const viewer = (req: SignedInRequest): Viewer => ({ id: req.user.id, role: req.user.role });

/** The claims, checks and decisions API. */
export function claimsApiRoutes(claims: ClaimsService, checks: ChecksService, articles: ArticlesService): RouteSpec[] {
  const createClaim = async (req: SignedInRequest, res: Response) => {
    const { slug } = parseInput(SlugParam, req.params);
    const { claim, created } = await claims.create(slug, parseInput(CreateClaimInput, req.body), viewer(req));
    const view = await claims.view(claim.id, viewerOf(req));
    res
      .status(created ? 201 : 200)
      .location(`/api/v1/claims/${claim.id}`)
      .json(claimJson(view));
  };

  const articleClaims = async (req: SignedInRequest, res: Response) => {
    const { slug } = parseInput(SlugParam, req.params);
    const article = await articles.getBySlug(slug);
    const list = await claims.forReviewer(article.id, viewer(req));
    res.json({
      claims: list.map(({ claim, checkedByMe, checks: count, status }) => ({
        id: claim.id,
        statement: claim.statement,
        target: targetJson(claim),
        checkedByMe,
        checks: count,
        status,
      })),
    });
  };

  const showClaim = async (req: Request, res: Response) => {
    res.json(claimJson(await claims.view(parseInput(ClaimIdParam, req.params).id, viewerOf(req))));
  };

  const fileCheck = async (req: SignedInRequest, res: Response) => {
    const check = await checks.file(parseInput(ClaimIdParam, req.params).id, parseInput(CheckInput, req.body), viewer(req));
    res.status(201).location(`/api/v1/checks/${check.id}`).json(checkJson(check));
  };

  const updateCheck = async (req: SignedInRequest, res: Response) => {
    res.json(checkJson(await checks.update(parseInput(CheckIdParam, req.params).id, parseInput(CheckUpdateInput, req.body), viewer(req))));
  };

  const postDecision = async (req: SignedInRequest, res: Response) => {
    const { id } = parseInput(ClaimIdParam, req.params);
    const input = parseInput(DecisionInput, req.body);
    await claims.decide(id, input, viewer(req), auditContext(req));
    res.json(claimJson(await claims.view(id, viewerOf(req))));
  };

  const agreement = async (req: SignedInRequest, res: Response) => {
    const result = await claims.agreement(parseInput(SlugParam, req.params).slug);
    res.json({
      alpha: { nominal: result.nominal, ordinal: result.ordinal, interval: result.interval },
      claims: result.claims,
      ratings: result.ratings,
      pairableClaims: result.units,
    });
  };

  const queue = async (req: SignedInRequest, res: Response) => {
    const filter = parseInput(QueueFilter, req.query);
    res.json({ claims: queueJson(await claims.queue({ articleSlug: filter.article, status: filter.status })) });
  };

  return [
    api(
      'post',
      '/api/v1/articles/:slug/claims',
      atLeast('reviewer'),
      {
        tag: 'Claims',
        summary: 'Create a claim on a sentence or an exact quote (200 with the existing claim for the same span).',
        body: CreateClaimInput,
        success: 201,
      },
      createClaim,
    ),
    api(
      'get',
      '/api/v1/articles/:slug/claims',
      atLeast('reviewer'),
      { tag: 'Claims', summary: 'The article’s claims for a signed-in reviewer: checked by you, and the status where you may see it.' },
      articleClaims,
    ),
    api('get', '/api/v1/claims/:id', 'anyone', { tag: 'Claims', summary: 'A claim with the checks, aggregate and decision the caller may see.' }, showClaim),
    api(
      'post',
      '/api/v1/claims/:id/checks',
      atLeast('reviewer'),
      { tag: 'Checks', summary: 'File your check of a claim (one per reviewer).', body: CheckInput, success: 201 },
      fileCheck,
    ),
    api(
      'patch',
      '/api/v1/checks/:id',
      atLeast('reviewer'),
      { tag: 'Checks', summary: 'Edit your own check; every change is kept.', body: CheckUpdateInput },
      updateCheck,
    ),
    api(
      'post',
      '/api/v1/claims/:id/decision',
      atLeast('editor'),
      { tag: 'Decisions', summary: 'Decide the final verdict, write the public summary, publish or unpublish.', body: DecisionInput },
      postDecision,
    ),
    api(
      'get',
      '/api/v1/articles/:slug/agreement',
      atLeast('editor'),
      { tag: 'Decisions', summary: 'Krippendorff’s alpha (nominal, ordinal, interval) over the article’s ratings.' },
      agreement,
    ),
    api('get', '/api/v1/review', atLeast('editor'), { tag: 'Decisions', summary: 'The review queue, disputed first.', query: QueueFilter }, queue),
  ];
}
