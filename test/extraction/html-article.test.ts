import { extractArticle } from '../../src/extraction/html-article';
import { normaliseDate } from '../../src/lib/dates';
import { pageMetadata } from '../../src/extraction/page-metadata';
import { parseHTML } from 'linkedom';
import { newsPage } from '../support/news-page';

const metaOf = (head: string, body = '', url?: string) =>
  pageMetadata(parseHTML(`<html><head>${head}</head><body>${body}</body></html>`).document as unknown as Document, url);

describe('page metadata', () => {
  test('when JSON-LD sits in a @graph with several authors, then the NewsArticle gives headline, byline and date', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Site' },
        { '@type': ['NewsArticle'], headline: 'From the graph', author: [{ name: 'A. One' }, { name: 'B. Two' }], datePublished: '2026-01-02T03:04:05+01:00' },
      ],
    };
    expect(metaOf(`<script type="application/ld+json">${JSON.stringify(ld)}</script>`)).toMatchObject({
      title: 'From the graph',
      byline: 'A. One and B. Two',
      publishedAt: '2026-01-02T02:04:05Z',
    });
  });

  test('when JSON-LD is broken, then Open Graph and article properties are used instead', () => {
    const head =
      '<script type="application/ld+json">{not json</script><meta property="og:title" content="OG title"><meta property="article:published_time" content="2026-03-04"><meta property="article:author" content="https://facebook.com/someone"><meta property="og:site_name" content="Paper">';
    expect(metaOf(head)).toEqual({ title: 'OG title', byline: null, publishedAt: '2026-03-04', canonicalUrl: null, siteName: 'Paper' });
  });

  test('when the canonical link is relative or not http, then it is resolved against the page address or skipped', () => {
    expect(metaOf('<link rel="canonical" href="/story/1">', '', 'https://paper.example/amp/story/1').canonicalUrl).toBe('https://paper.example/story/1');
    expect(metaOf('<link rel="canonical" href="javascript:alert(1)">', '', 'https://paper.example/x').canonicalUrl).toBe('https://paper.example/x');
    expect(metaOf('<meta property="og:url" content="https://paper.example/og">').canonicalUrl).toBe('https://paper.example/og');
    expect(metaOf(`<link rel="canonical" href="https://paper.example/${'x'.repeat(3000)}">`).canonicalUrl).toBeNull();
    expect(metaOf('<link rel="canonical" href="https://user:secret@paper.example/x">').canonicalUrl).toBeNull();
  });

  test.each([
    ['2026-11-20', '2026-11-20'],
    ['2026-11-20T08:30:00Z', '2026-11-20T08:30:00Z'],
    ['2026-11-20T08:30:00.123+02:00', '2026-11-20T06:30:00.123Z'],
    ['not a date', null],
    ['', null],
  ])('when a page gives the date %j, then it is stored as %j', (given, stored) => {
    expect(normaliseDate(given)).toBe(stored);
  });
});

describe('article extraction', () => {
  const page = newsPage({
    headline: 'Harbour to close for repairs',
    standfirst: 'Works start in March.',
    byline: 'Ana Lima',
    publishedAt: '2026-11-20',
    canonical: 'https://news.example/harbour',
    caption: { text: 'The old quay.', credit: 'Photo: J. Doe' },
    body: [
      'The harbour will close for six weeks from March 3, the port authority said.',
      '## Why',
      '- The quay is cracked.',
      '> It is overdue, a fisherman said.',
    ],
  });

  test('when a news page is extracted, then its blocks come in reading order with their kinds and nothing of the page furniture', () => {
    const article = extractArticle(page);
    // What Readability keeps: the standfirst it keeps is marked as one; the lead photo, which it leaves out, goes with its caption.
    expect(article.blocks).toEqual([
      { kind: 'standfirst', text: 'Works start in March.' },
      { kind: 'paragraph', text: 'The harbour will close for six weeks from March 3, the port authority said.' },
      { kind: 'heading', text: 'Why' },
      { kind: 'list-item', text: 'The quay is cracked.' },
      { kind: 'quote', text: 'It is overdue, a fisherman said.' },
    ]);
    expect(article).toMatchObject({
      title: 'Harbour to close for repairs',
      byline: 'Ana Lima',
      publishedAt: '2026-11-20',
      canonicalUrl: 'https://news.example/harbour',
    });
  });

  test('when the markup of a paragraph spreads over lines and inline elements, then its text is what a reader sees', () => {
    const html = `<html><body><article><h1>T</h1><p>One <a href="/x">linked
      phrase</a>, <em>emphasis</em>  and<sup>1</sup> a footnote mark, in a paragraph long enough to be the article’s body text.</p></article></body></html>`;
    expect(extractArticle(html).blocks).toEqual([
      { kind: 'paragraph', text: 'One linked phrase, emphasis and1 a footnote mark, in a paragraph long enough to be the article’s body text.' },
    ]);
  });

  test('when a page has no body or no article, then there are no blocks rather than an error', () => {
    expect(extractArticle('').blocks).toEqual([]);
    expect(extractArticle('<nav>Only a menu</nav>').blocks).toEqual([]);
  });
});
