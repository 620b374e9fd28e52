/**
 * A news page as publishers serve it: the article inside navigation, share bars, ads, a
 * newsletter box, related links, a cookie banner, scripts and styles, with its metadata in
 * JSON-LD, Open Graph and a canonical link. Used by the import tests, the browser test's local
 * origin and the extraction benchmark.
 */
export interface NewsPageOptions {
  headline: string;
  standfirst?: string;
  byline?: string;
  publishedAt?: string;
  canonical?: string;
  /** Body blocks: plain paragraphs, or `## ` headings, `> ` quotes, `- ` list items. */
  body: string[];
  caption?: { text: string; credit: string };
  /** Repeats the page furniture (menus, related links) this many times, to make a heavy page. */
  furniture?: number;
  /** Adds an inline JSON data script of about this many KB, as framework-rendered news sites carry. */
  inlineDataKb?: number;
}

const escapeHtml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function bodyHtml(blocks: string[]): string {
  const out: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (list.length) out.push(`<ul>${list.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`);
    list = [];
  };
  for (const block of blocks) {
    if (block.startsWith('- ')) {
      list.push(block.slice(2));
      continue;
    }
    flush();
    if (block.startsWith('## ')) out.push(`<h2>${escapeHtml(block.slice(3))}</h2>`);
    else if (block.startsWith('> ')) out.push(`<blockquote><p>${escapeHtml(block.slice(2))}</p></blockquote>`);
    else out.push(`<p>${escapeHtml(block).replace(/\b(Ecuador)\b/, '<a href="/tags/ecuador">$1</a>')}</p>`);
  }
  flush();
  return out.join('\n');
}

export function newsPage(options: NewsPageOptions): string {
  const furniture = Math.max(1, options.furniture ?? 1);
  const menu = Array.from({ length: 12 * furniture }, (_, i) => `<li><a href="/section/${i}">Section ${i}</a></li>`).join('');
  const related = Array.from({ length: 6 * furniture }, (_, i) => `<li><a href="/story/${i}">Related story number ${i} that readers also liked</a></li>`).join(
    '',
  );
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: options.headline,
    ...(options.byline ? { author: [{ '@type': 'Person', name: options.byline }] } : {}),
    ...(options.publishedAt ? { datePublished: options.publishedAt } : {}),
    publisher: { '@type': 'Organization', name: 'The Example Times' },
  };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(options.headline)} | The Example Times</title>
${options.canonical ? `<link rel="canonical" href="${escapeHtml(options.canonical)}">` : ''}
<meta property="og:title" content="${escapeHtml(options.headline)}">
<meta property="og:site_name" content="The Example Times">
${options.publishedAt ? `<meta property="article:published_time" content="${escapeHtml(options.publishedAt)}">` : ''}
<script type="application/ld+json">${JSON.stringify(jsonLd).replace(/</g, '\\u003c')}</script>
<style>body { font-family: serif } .ad-slot { min-height: 250px }</style>
<script>window.analytics = { track: function () { document.title = 'tracked'; } };</script>
</head>
<body>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept all</button></div>
<header class="site-header"><a href="/" class="logo">The Example Times</a><nav class="main-nav"><ul>${menu}</ul></nav></header>
<div class="ad-slot" id="ad-top">Advertisement: buy one, get one free</div>
<main>
<article class="story">
<header class="story-header">
<h1>${escapeHtml(options.headline)}</h1>
${options.standfirst ? `<p class="standfirst">${escapeHtml(options.standfirst)}</p>` : ''}
${options.byline ? `<p class="byline">By ${escapeHtml(options.byline)}</p>` : ''}
${options.publishedAt ? `<time datetime="${escapeHtml(options.publishedAt)}">${escapeHtml(options.publishedAt)}</time>` : ''}
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <button>Copy link</button></div>
</header>
${options.caption ? `<figure><img src="/photo.jpg" alt=""><figcaption>${escapeHtml(options.caption.text)} <span class="credit">${escapeHtml(options.caption.credit)}</span></figcaption></figure>` : ''}
<div class="story-body">
${bodyHtml(options.body)}
</div>
<div class="newsletter-signup"><h3>Get the morning briefing</h3><p>Sign up for our newsletter and never miss a story.</p><form><input type="email"><button>Sign up</button></form></div>
<div class="ad-slot" id="ad-bottom">Advertisement: the best mattress of the year</div>
</article>
<aside class="related-stories"><h2>More stories</h2><ul>${related}</ul></aside>
</main>
<footer class="site-footer"><p>Copyright The Example Times. All rights reserved.</p><nav><ul>${menu}</ul></nav></footer>
<script>window.analytics.track('page');</script>
${options.inlineDataKb ? `<script id="__NEXT_DATA__" type="application/json">${JSON.stringify({ props: { items: Array.from({ length: Math.ceil((options.inlineDataKb * 1024) / 64) }, (_, i) => ({ id: i, t: 'teaser text for a related item' })) } })}</script>` : ''}
</body>
</html>`;
}
