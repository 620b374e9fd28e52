import type { Request, Response } from 'express';
import { z } from 'zod';
import { form } from '../../http/forms';
import { page, route, type RouteSpec, type SignedInRequest } from '../../http/routes';
import { CACHE_VARIANTS, shared } from '../../http/route-sharing';
import { parseInput } from '../../http/validate';
import { atLeast } from '../accounts';
import { SlugParam, type ArticlesService } from '../articles';
import { auditContext } from '../audit';
import { ClaimIdParam, CreateClaimInput, readableAssignees, SameAsInput, viewer, viewerOf, type ClaimsService } from '../claims';
import { CheckIdParam, CheckInput, CheckUpdateInput, sourcesFromForm, type ChecksService } from '../checks';
import { claimReviewJsonLd, CONFIDENCES, DecisionInput, jsonForScript, STANCES, VERDICT_LABEL, VERDICTS, type Publishing } from '../verdicts';
import { claimPage, queuePage, queueQuery } from './review-presenter';
import { QueueFilter } from './review-schemas';
import type { ReviewDesk } from './review-desk';
import type { ReviewService } from './review-service';

const SCALE = {
  verdicts: VERDICTS.map((value) => ({ value, label: VERDICT_LABEL[value] })),
  confidences: CONFIDENCES,
  stances: STANCES,
};

function checkFromForm(body: Record<string, unknown>) {
  return { verdict: body.verdict, confidence: body.confidence, rationale: body.rationale, sources: sourcesFromForm(body) };
}

/** The no-JavaScript forms' fields, read into the API's shapes before the API's schemas check them. */
const CheckForm = z.preprocess((body) => checkFromForm((body ?? {}) as Record<string, unknown>), CheckInput);
const CheckUpdateForm = z.preprocess((body) => checkFromForm((body ?? {}) as Record<string, unknown>), CheckUpdateInput);
const ClaimForm = z.preprocess((raw) => {
  const body = (raw ?? {}) as Record<string, unknown>;
  const quote = typeof body.quote === 'string' && body.quote.trim() !== '' ? { exact: body.quote } : undefined;
  return { sentenceId: quote ? undefined : body.sentenceId || undefined, quote, statement: body.statement };
}, CreateClaimInput);

/** Claims per page of the review queue. */
const PAGE_SIZE = 50;
/** Articles offered in the queue's article filter: the newest ones. */
const ARTICLE_CHOICES = 50;

/** The claim, check, decision and review-queue pages: plain forms that work without JavaScript. */
export function reviewPageRoutes(
  review: ReviewService,
  claims: ClaimsService,
  checks: ChecksService,
  articles: ArticlesService,
  publishing: Publishing,
  desk: ReviewDesk,
): RouteSpec[] {
  const newClaimLocals = async (req: SignedInRequest) => {
    const article = await articles.getBySlug(parseInput(SlugParam, req.params).slug);
    return {
      title: 'Check a claim',
      article: { slug: article.slug, title: article.title },
      sentences: article.sentences.map((s) => ({ id: s.id, text: s.text })),
    };
  };

  /** With a sentence chosen (`?sentence=`), the claims on record like it: "has this been checked before?" without JavaScript. */
  const newClaim = async (req: SignedInRequest, res: Response) => {
    const locals = await newClaimLocals(req);
    const chosen = locals.sentences.find((s) => s.id === req.query.sentence);
    const similar = chosen ? await desk.search.similar(chosen.text, {}) : [];
    res.render('claims/new', { ...locals, similar, values: { sentenceId: req.query.sentence } });
  };

  const createClaim = form({ params: SlugParam, body: ClaimForm }, 'claims/new', newClaimLocals, async ({ params, body }, req: SignedInRequest, res) => {
    const { claim } = await claims.create(params.slug, body, viewer(req));
    res.redirect(303, `/claims/${claim.id}`);
  });

  const claimLocals = async (req: Request, claimId = parseInput(ClaimIdParam, req.params).id) => {
    const view = await review.view(claimId, viewerOf(req));
    const page = claimPage(view, req.user ?? null);
    const article = view.decision?.published ? await articles.getBySlug(view.article.slug) : null;
    const claimReviewJson =
      article && view.decision ? jsonForScript(claimReviewJsonLd({ ...publishing, claim: view.claim, decision: view.decision, article })) : null;
    // oEmbed discovery (embeds module): a CMS given this page's address finds the card to embed.
    const oembedUrl = article ? `/oembed?url=${encodeURIComponent(`${publishing.baseUrl}/claims/${claimId}`)}&format=json` : null;
    // Signed-in people see the claims on record like this one (anonymous pages are cached and public).
    const similar = req.user
      ? (await desk.search.similar(view.claim.statement ?? view.claim.exact, { exclude: claimId })).filter((c) => c.claimId !== view.claim.sameAs)
      : [];
    const canMarkSameAs = page.can.decide && !view.decision?.published && !(await claims.linkedTo([claimId])).length;
    // Who is assigned, for signed-in people; editors also get the people they may assign.
    const assignees = req.user ? readableAssignees(view.policy, req.user.username, (await desk.assignments.assigneesOf([claimId])).get(claimId) ?? []) : [];
    const assignable = page.can.decide ? await desk.assignments.assignableUsers() : [];
    const thread = await desk.discussion.threadFor(claimId, viewerOf(req));
    return {
      ...page,
      similar,
      canMarkSameAs,
      assignees,
      assignable,
      thread,
      claimReviewJson,
      oembedUrl,
      scale: SCALE,
      values: page.ownCheck ?? {},
      decisionValues: page.claim.decision ?? {},
    };
  };

  const showClaim = async ({ params }: { params: { id: number } }, req: Request, res: Response) => res.render('claims/show', await claimLocals(req, params.id));

  /** The check forms and the decision form share the claim page; each echoes its own values. */
  const echoCheck = (values: Record<string, unknown>) => ({ values: { ...values, sources: sourcesFromForm(values) } });
  const echoDecision = (values: Record<string, unknown>) => ({ decisionValues: { ...values, publish: values.publish === 'true' } });

  const fileCheck = form(
    { params: ClaimIdParam, body: CheckForm },
    'claims/show',
    (req: SignedInRequest) => claimLocals(req),
    async ({ params, body }, req, res) => {
      await checks.file(params.id, body, viewer(req));
      res.redirect(303, `/claims/${params.id}`);
    },
    echoCheck,
  );

  const editCheck = form(
    { params: CheckIdParam, body: CheckUpdateForm },
    'claims/show',
    async (req: SignedInRequest) => claimLocals(req, (await checks.get(parseInput(CheckIdParam, req.params).id)).claimId),
    async ({ params, body }, req, res) => {
      const check = await checks.update(params.id, body, viewer(req));
      res.redirect(303, `/claims/${check.claimId}`);
    },
    echoCheck,
  );

  const decisionForm = form(
    { params: ClaimIdParam, body: DecisionInput },
    'claims/show',
    (req: SignedInRequest) => claimLocals(req),
    async ({ params, body }, req, res) => {
      await review.decide(params.id, body, viewer(req), auditContext(req));
      res.redirect(303, `/claims/${params.id}`);
    },
    echoDecision,
  );

  const markSameAs = form(
    { params: ClaimIdParam, body: SameAsInput },
    'claims/show',
    (req: SignedInRequest) => claimLocals(req),
    async ({ params, body }, req, res) => {
      await claims.markSameAs(params.id, body.claimId, viewer(req), auditContext(req));
      res.redirect(303, `/claims/${params.id}`);
    },
  );

  const unmarkSameAs = form(
    { params: ClaimIdParam },
    'claims/show',
    (req: SignedInRequest) => claimLocals(req),
    async ({ params }, req, res) => {
      await claims.unmarkSameAs(params.id, viewer(req), auditContext(req));
      res.redirect(303, `/claims/${params.id}`);
    },
  );

  const reviewQueue = async ({ query: filter }: { query: QueueFilter }, _req: SignedInRequest, res: Response) => {
    const { items, next, counts } = await review.queue(await queueQuery(filter, desk.assignments, PAGE_SIZE));
    // The filter offers the newest articles (and the one chosen): never the whole archive. Older
    // ones are reached from their article page's "Its claims in the review queue".
    const [newest, chosen, assignees, people] = await Promise.all([
      articles.listPage(undefined, ARTICLE_CHOICES),
      filter.article ? articles.summaryBySlug(filter.article) : null,
      desk.assignments.assigneesOf(items.map((item) => item.claim.id)),
      desk.assignments.assignableUsers(),
    ]);
    const choices = chosen && !newest.articles.some((a) => a.id === chosen.id) ? [chosen, ...newest.articles] : newest.articles;
    const articlesList = choices.map((a) => ({ slug: a.slug, title: a.title }));
    res.render('review/index', { ...queuePage(items, filter, articlesList, assignees, counts, next), people });
  };

  return [
    route('get', '/articles/:slug/claims/new', atLeast('reviewer'), newClaim),
    route('post', '/articles/:slug/claims', atLeast('reviewer'), createClaim),
    shared(page('get', '/claims/:id', 'anyone', { params: ClaimIdParam }, showClaim), { cache: CACHE_VARIANTS.noParameters }),
    route('post', '/claims/:id/checks', atLeast('reviewer'), fileCheck),
    route('post', '/checks/:id', atLeast('reviewer'), editCheck),
    route('post', '/claims/:id/decision', atLeast('editor'), decisionForm),
    route('post', '/claims/:id/same-as', atLeast('editor'), markSameAs),
    route('post', '/claims/:id/same-as/remove', atLeast('editor'), unmarkSameAs),
    page('get', '/review', atLeast('editor'), { query: QueueFilter }, reviewQueue),
  ];
}
