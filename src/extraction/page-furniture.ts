import type { DomElement } from './dom';

/**
 * Page furniture that Readability sometimes keeps inside an article (share bars, newsletter
 * boxes, ad slots, "related" lists, comment counters), removed from its result, never from the
 * page before it runs: there a class list cannot tell a share bar from the `<main>` or `<body>`
 * that holds the article (publishers put words like "share" or "paywall" on those too), while
 * Readability judges the whole page. An element goes only when it is small beside the article.
 */

/** Elements that are never article text. */
const FURNITURE_ELEMENTS = 'form,button,input,select,textarea,nav,dialog,[hidden],[aria-hidden="true"],[role="navigation"],[role="dialog"]';

/**
 * Words that name furniture, matched against whole parts of class names and ids split at `-` and
 * `_` ("share-bar", "c-newsletter__box", "ad"), never inside other words ("shareholders",
 * "leaderboard", "loaded").
 */
const FURNITURE_WORDS = new Set([
  'ad',
  'ads',
  'advert',
  'advertisement',
  'adslot',
  'comments',
  'cookie',
  'cookies',
  'newsletter',
  'paywall',
  'promo',
  'related',
  'share',
  'sharing',
  'social',
  'sponsored',
  'subscribe',
  'subscription',
]);

/** An element holding more than this share of the article's text is the article, whatever its name. */
const MAX_SHARE = 0.2;

const textLength = (element: DomElement) => (element.textContent ?? '').replace(/\s+/g, ' ').trim().length;

function namedAsFurniture(element: DomElement): boolean {
  const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`.toLowerCase();
  return names.split(/[\s_-]+/).some((part) => FURNITURE_WORDS.has(part));
}

/** Removes the furniture inside an article's content, in place. */
export function removeFurniture(content: DomElement): void {
  const total = Math.max(1, textLength(content));
  const small = (element: DomElement) => textLength(element) <= total * MAX_SHARE;
  for (const element of Array.from(content.querySelectorAll(FURNITURE_ELEMENTS))) if (small(element)) element.remove();
  for (const element of Array.from(content.querySelectorAll('[class],[id]'))) if (namedAsFurniture(element) && small(element)) element.remove();
}
