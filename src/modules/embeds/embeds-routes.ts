import { z } from 'zod';
import { allowFramingAnywhere } from '../../http/framing';
import { api, page, type RouteSpec } from '../../http/routes';
import { AppError, NotFoundError } from '../../lib/errors';
import { IdParam } from '../../lib/ids';
import { wordsAsChecked } from '../claims';
import { sourceJson } from '../checks';
import type { ReviewService } from '../review';
import { articlePage, SlugParam, type ArticlesService } from '../articles';
import { atLeast } from '../accounts';
import { VERDICT_LABEL, type Publishing } from '../verdicts';
import { claimIdFromUrl, OEmbedQuery, oembedResponse } from './oembed';
import { shared } from '../../http/route-sharing';

/** The oEmbed answer's shape: the spec's required fields for a `rich` type, and what we add. */
export const OEmbedJson = z.object({
  version: z.literal('1.0'),
  type: z.literal('rich'),
  html: z.string(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  title: z.string(),
  provider_name: z.string(),
  provider_url: z.string(),
  cache_age: z.number().int(),
});

/**
 * Fact-checks outside Factline's pages: the card (a compact page any site may frame) and oEmbed
 * for it. Both read as an anonymous reader: a published claim or a 404, never a check.
 */
export function embedsRoutes(review: ReviewService, articles: ArticlesService, publishing: Publishing): RouteSpec[] {
  const publishedClaim = async (id: number) => {
    const view = await review.view(id, null); // anonymous: an unpublished claim is a 404
    if (!view.decision?.published) throw new NotFoundError('There is no published fact-check here.');
    return view;
  };
  const titleOf = (statement: string | null, quote: string) => statement ?? `“${quote.length > 120 ? `${quote.slice(0, 119)}…` : quote}”`;

  return [
    // For editors: the one line a publisher adds, the address it will match, and the overlay on a plain copy of the article.
    page('get', '/articles/:slug/embed', atLeast('editor'), { params: SlugParam }, async ({ params }, _req, res) => {
      const article = await articles.getBySlug(params.slug);
      res.render('embed/configure', {
        title: `Embed: ${article.title}`,
        article: { slug: article.slug, title: article.title, sourceUrl: article.sourceUrl },
        snippet: `<script src="${publishing.baseUrl}/embed.js" async data-article="${article.slug}"></script>`,
        snippetByAddress: `<script src="${publishing.baseUrl}/embed.js" async></script>`,
      });
    }),
    page('get', '/articles/:slug/embed/preview', atLeast('editor'), { params: SlugParam }, async ({ params }, _req, res) => {
      const article = await articles.getBySlug(params.slug);
      res.render('embed/preview', { ...articlePage(article), slug: article.slug });
    }),
    shared(
      page('get', '/embed/claims/:id', 'anyone', { params: IdParam }, async ({ params }, _req, res) => {
        const view = await publishedClaim(params.id);
        const decision = view.decision!;
        allowFramingAnywhere(res);
        res.render('embed/claim-card', {
          title: titleOf(view.claim.statement, wordsAsChecked(view.claim)),
          claimUrl: `${publishing.baseUrl}/claims/${view.claim.id}`,
          articleUrl: `${publishing.baseUrl}/articles/${view.article.slug}`,
          article: view.article,
          quote: wordsAsChecked(view.claim),
          // The article changed here after the check: the card shows the words as checked and what the article says now.
          nowReads: view.claim.anchor.status === 'fuzzy' ? view.claim.exact : null,
          gone: view.claim.anchor.status === 'orphaned',
          statement: view.claim.statement,
          verdict: decision.verdict,
          label: VERDICT_LABEL[decision.verdict],
          summary: decision.summary,
          sources: view.publicSources.map(sourceJson),
          publisherName: publishing.publisherName,
        });
      }),
      { cache: 'no-store' },
    ),
    shared(
      api(
        'get',
        '/oembed',
        'anyone',
        {
          tag: 'Reader',
          summary: 'oEmbed for a published fact-check: `url` is its address (`/claims/N`); `format=json` only; `maxwidth`/`maxheight` are honoured.',
          query: OEmbedQuery,
          response: OEmbedJson,
        },
        async ({ query }, _req, res) => {
          if (query.format !== undefined && query.format !== 'json') throw new AppError(501, 'not_implemented', 'Only format=json is available.');
          const claimId = claimIdFromUrl(query.url, publishing.baseUrl);
          if (claimId === null) throw new NotFoundError(`${query.url.slice(0, 200)} is not the address of a fact-check on this site.`);
          const view = await publishedClaim(claimId);
          res.json(
            oembedResponse({
              baseUrl: publishing.baseUrl,
              providerName: publishing.publisherName,
              claimId,
              title: titleOf(view.claim.statement, wordsAsChecked(view.claim)),
              maxwidth: query.maxwidth,
              maxheight: query.maxheight,
            }),
          );
        },
      ),
      { cache: 'no-store' },
    ),
  ];
}
