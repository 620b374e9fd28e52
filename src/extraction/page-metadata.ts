import { normaliseDate } from '../lib/dates';
import { isSafeHttpUrl } from '../lib/urls';
import type { DomDocument } from './dom';

/**
 * A news page's metadata, read from where publishers put it, most explicit first: JSON-LD
 * (`NewsArticle` and its kin, schema.org), then Open Graph and `article:` properties, then
 * `<link rel="canonical">`, `<meta name="author">` and the first `<time datetime>`. The title is
 * the declared headline only (null when the page declares none).
 */
export interface PageMetadata {
  title: string | null;
  byline: string | null;
  /** A calendar date (YYYY-MM-DD) or an ISO-8601 date-time in UTC. */
  publishedAt: string | null;
  /** The page's canonical address (absolute http or https), else the address it was fetched from. */
  canonicalUrl: string | null;
  siteName: string | null;
}

const ARTICLE_TYPES = new Set(['NewsArticle', 'Article', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'OpinionNewsArticle', 'BlogPosting', 'Report']);
const MAX_FIELD = 300;

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const clean = (value: unknown): string | null => {
  if (typeof value !== 'string') return null;
  const text = value.replace(/\s+/g, ' ').trim();
  return text === '' ? null : text.slice(0, MAX_FIELD);
};

/** Every object in a JSON-LD document, looking inside arrays and `@graph`. */
function* jsonLdObjects(value: unknown, depth = 0): Generator<JsonObject> {
  if (depth > 4) return;
  if (Array.isArray(value)) for (const item of value) yield* jsonLdObjects(item, depth + 1);
  else if (isObject(value)) {
    yield value;
    if (value['@graph']) yield* jsonLdObjects(value['@graph'], depth + 1);
  }
}

function typesOf(object: JsonObject): string[] {
  const type = object['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
}

function newsArticleJsonLd(document: DomDocument): JsonObject | null {
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // a broken JSON-LD block is the publisher's problem, not a reason to refuse the page
    }
    for (const object of jsonLdObjects(parsed)) if (typesOf(object).some((t) => ARTICLE_TYPES.has(t))) return object;
  }
  return null;
}

/** Bylines are stored up to 200 characters. */
const MAX_BYLINE = 200;

function authorNames(author: unknown): string | null {
  const list = Array.isArray(author) ? author : [author];
  const names = list.map((a) => (isObject(a) ? clean(a.name) : clean(a))).filter((n): n is string => n !== null);
  return names.length ? names.join(' and ') : null;
}

/** An absolute http(s) address Factline would accept as an article's source (no credentials, at most 2,048 characters). */
function absoluteHttpUrl(value: string | null, base: string | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value, base).toString();
    return isSafeHttpUrl(url) ? url : null;
  } catch {
    return null;
  }
}

/** `article:author` is often a profile's address, which is not a byline. */
const notAnAddress = (value: string | null) => (value && !/^https?:/i.test(value) ? value : null);

export function pageMetadata(document: DomDocument, pageUrl?: string): PageMetadata {
  const meta = (selector: string) => clean(document.querySelector(selector)?.getAttribute('content'));
  const ld = newsArticleJsonLd(document);
  const whole = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);
  const ldUrl = ld ? (whole(ld.url) ?? (isObject(ld.mainEntityOfPage) ? whole(ld.mainEntityOfPage['@id']) : whole(ld.mainEntityOfPage))) : null;
  // Addresses are read whole (never cut to a field's length: a cut address is another address).
  const raw = (selector: string, attribute: string) => document.querySelector(selector)?.getAttribute(attribute)?.trim() || null;
  const canonical =
    absoluteHttpUrl(raw('link[rel~="canonical"]', 'href'), pageUrl) ??
    absoluteHttpUrl(raw('meta[property="og:url"]', 'content'), pageUrl) ??
    absoluteHttpUrl(ldUrl, pageUrl) ??
    absoluteHttpUrl(pageUrl ?? null, undefined);
  return {
    // The headline the publisher declares; without one, html-article.ts reads <title> (the site's name taken off) before any <h1>.
    title: (ld && clean(ld.headline)) ?? meta('meta[property="og:title"]') ?? meta('meta[name="twitter:title"]'),
    byline:
      ((ld && authorNames(ld.author)) ?? meta('meta[name="author"]') ?? notAnAddress(meta('meta[property="article:author"]')))?.slice(0, MAX_BYLINE) ?? null,
    publishedAt:
      normaliseDate(ld ? clean(ld.datePublished) : null) ??
      normaliseDate(meta('meta[property="article:published_time"]')) ??
      normaliseDate(clean(document.querySelector('time[datetime]')?.getAttribute('datetime'))),
    canonicalUrl: canonical,
    siteName: meta('meta[property="og:site_name"]') ?? (ld && isObject(ld.publisher) ? clean(ld.publisher.name) : null),
  };
}
