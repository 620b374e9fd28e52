import type { Request, Response } from 'express';
import { auditContext } from '../audit';
import { renderForm } from '../../http/forms';
import { route, type RouteSpec, type SignedInRequest } from '../../http/routes';
import { parseInput } from '../../http/validate';
import type { ArticlesService } from '../articles';
import { SlugParam } from '../articles';
import { claimReviewJsonLd, CONFIDENCES, DecisionInput, jsonForScript, STANCES, VERDICT_LABEL, VERDICTS, type Publishing } from '../verdicts';
import { viewer, viewerOf } from './claims-api-routes';
import { claimPage, queuePage } from './claims-presenter';
import { CheckIdParam, CheckInput, CheckUpdateInput, ClaimIdParam, CreateClaimInput, QueueFilter, sourcesFromForm } from './claims-schemas';
import type { ChecksService } from './checks-service';
import type { ClaimsService } from './claims-service';
import { atLeast } from '../accounts';

const SCALE = {
  verdicts: VERDICTS.map((value) => ({ value, label: VERDICT_LABEL[value] })),
  confidences: CONFIDENCES,
  stances: STANCES,
};

function checkFromForm(body: Record<string, unknown>) {
  return { verdict: body.verdict, confidence: body.confidence, rationale: body.rationale, sources: sourcesFromForm(body) };
}

/** The claim, check, decision and review-queue pages: plain forms that work without JavaScript. */
export function claimsPageRoutes(claims: ClaimsService, checks: ChecksService, articles: ArticlesService, publishing: Publishing): RouteSpec[] {
  const newClaimLocals = async (req: SignedInRequest) => {
    const article = await articles.getBySlug(parseInput(SlugParam, req.params).slug);
    return {
      title: 'Check a claim',
      article: { slug: article.slug, title: article.title },
      sentences: article.sentences.map((s) => ({ id: s.id, text: s.text })),
    };
  };

  const newClaim = async (req: SignedInRequest, res: Response) => {
    res.render('claims/new', { ...(await newClaimLocals(req)), values: { sentenceId: req.query.sentence } });
  };

  const createClaim = renderForm<SignedInRequest>('claims/new', newClaimLocals, async (req, res) => {
    const body = req.body as Record<string, unknown>;
    const quote = typeof body.quote === 'string' && body.quote.trim() !== '' ? { exact: body.quote } : undefined;
    const input = parseInput(CreateClaimInput, { sentenceId: quote ? undefined : body.sentenceId || undefined, quote, statement: body.statement });
    const { claim } = await claims.create(parseInput(SlugParam, req.params).slug, input, viewer(req));
    res.redirect(303, `/claims/${claim.id}`);
  });

  const claimLocals = async (req: Request, claimId = parseInput(ClaimIdParam, req.params).id) => {
    const view = await claims.view(claimId, viewerOf(req));
    const page = claimPage(view, req.user ?? null);
    const article = view.decision?.published ? await articles.getBySlug(view.article.slug) : null;
    const claimReviewJson =
      article && view.decision ? jsonForScript(claimReviewJsonLd({ ...publishing, claim: view.claim, decision: view.decision, article })) : null;
    return { ...page, claimReviewJson, scale: SCALE, values: page.ownCheck ?? {}, decisionValues: page.claim.decision ?? {} };
  };

  const showClaim = async (req: Request, res: Response) => res.render('claims/show', await claimLocals(req));

  /** The check forms and the decision form share the claim page; each echoes its own values. */
  const echoCheck = (values: Record<string, unknown>) => ({ values: { ...values, sources: sourcesFromForm(values) } });
  const echoDecision = (values: Record<string, unknown>) => ({ decisionValues: { ...values, publish: values.publish === 'true' } });

  const fileCheck = renderForm<SignedInRequest>(
    'claims/show',
    (req) => claimLocals(req),
    async (req, res) => {
      const { id } = parseInput(ClaimIdParam, req.params);
      await checks.file(id, parseInput(CheckInput, checkFromForm(req.body)), viewer(req));
      res.redirect(303, `/claims/${id}`);
    },
    echoCheck,
  );

  const editCheck = renderForm<SignedInRequest>(
    'claims/show',
    async (req) => claimLocals(req, (await checks.get(parseInput(CheckIdParam, req.params).id)).claimId),
    async (req, res) => {
      const check = await checks.update(parseInput(CheckIdParam, req.params).id, parseInput(CheckUpdateInput, checkFromForm(req.body)), viewer(req));
      res.redirect(303, `/claims/${check.claimId}`);
    },
    echoCheck,
  );

  const decisionForm = renderForm<SignedInRequest>(
    'claims/show',
    (req) => claimLocals(req),
    async (req, res) => {
      const { id } = parseInput(ClaimIdParam, req.params);
      const input = parseInput(DecisionInput, req.body);
      await claims.decide(id, input, viewer(req), auditContext(req));
      res.redirect(303, `/claims/${id}`);
    },
    echoDecision,
  );

  const reviewQueue = async (req: SignedInRequest, res: Response) => {
    const filter = parseInput(QueueFilter, req.query);
    const items = await claims.queue({ articleSlug: filter.article, status: filter.status });
    const list = (await articles.list()).map((a) => ({ slug: a.slug, title: a.title }));
    res.render('review/index', queuePage(items, filter, list));
  };

  return [
    route('get', '/articles/:slug/claims/new', atLeast('reviewer'), newClaim),
    route('post', '/articles/:slug/claims', atLeast('reviewer'), createClaim),
    route('get', '/claims/:id', 'anyone', showClaim),
    route('post', '/claims/:id/checks', atLeast('reviewer'), fileCheck),
    route('post', '/checks/:id', atLeast('reviewer'), editCheck),
    route('post', '/claims/:id/decision', atLeast('editor'), decisionForm),
    route('get', '/review', atLeast('editor'), reviewQueue),
  ];
}
