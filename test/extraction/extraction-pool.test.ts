import { createExtractor, type Extractor } from '../../src/extraction/extraction-pool';
import { extractArticle } from '../../src/extraction/html-article';
import { AppError } from '../../src/lib/errors';
import { newsPage } from '../support/news-page';

/** A page inside the bounds that still costs Readability a few hundred milliseconds: 150 levels of sections around many paragraphs. */
const slowPage = () =>
  `<html><head><title>Slow</title></head><body>${'<section>'.repeat(150)}${Array.from({ length: 60 }, (_, i) => `<p>Paragraph ${i} of a long article, with enough words to count as text.</p>`).join('')}${'</section>'.repeat(150)}</body></html>`;

const story = (paragraphs: number) =>
  newsPage({
    headline: 'Ferry fares rise',
    byline: 'Ana Lima',
    publishedAt: '2026-11-20T08:30:00Z',
    body: Array.from({ length: paragraphs }, (_, i) => `Paragraph ${i + 1} says the ferry fare rose by ${i + 2} per cent this year.`),
  });

let extractor: Extractor;
afterEach(() => extractor.close());

describe('extraction in a worker thread', () => {
  test('when a news page is read in the worker, then the article is the one extraction gives in the server thread', async () => {
    extractor = createExtractor();
    const html = story(12);
    expect(await extractor.extract(html, 'https://news.example/story')).toEqual(extractArticle(html, 'https://news.example/story'));
  });

  test('when the worker refuses a page, then the caller gets the same error, with its status and message', async () => {
    extractor = createExtractor();
    const deep = `<html><body>${'<div>'.repeat(1000)}<p>x</p>${'</div>'.repeat(1000)}</body></html>`;
    const error = await extractor.extract(deep).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 422, message: expect.stringMatching(/more than 160 levels deep/) });
  });

  test('when a page takes longer than the deadline, then it is refused, its worker ended, and the next page is read by a new one', async () => {
    extractor = createExtractor({ deadlineMs: 40 });
    const error = await extractor.extract(slowPage()).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 422, message: expect.stringMatching(/^This page took more than 0 s to read, so Factline stopped/) });
    await extractor.close();
    extractor = createExtractor();
    expect((await extractor.extract(story(3))).blocks.length).toBeGreaterThan(2);
  });

  test('when a page needs more memory than a page is given, then it is refused with a clear 422, and the next page is read by a new worker', async () => {
    extractor = createExtractor({ heapMb: 16 });
    const paragraphs = Array.from({ length: 30_000 }, (_, i) => `<p>Paragraph ${i} of a long article, with enough words to count as text.</p>`);
    const error = await extractor.extract(`<html><body><article>${paragraphs.join('')}</article></body></html>`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      status: 422,
      message: "Reading this page needed more than the 16 MB Factline gives one page, so it stopped; paste the article's text instead.",
    });
    expect((await extractor.extract(story(3))).blocks.length).toBeGreaterThan(2);
  });

  test('when a page is being read, then the server thread goes on with its own work meanwhile', async () => {
    extractor = createExtractor();
    await extractor.extract(story(2)); // the worker has started
    const order: string[] = [];
    const reading = extractor.extract(slowPage()).then(() => order.push('page read'));
    await new Promise((resolve) => setTimeout(resolve, 5)).then(() => order.push('timer'));
    await reading;
    expect(order).toEqual(['timer', 'page read']);
  });
});

describe('an idle reader', () => {
  test('when no page has come for a while, then the worker is ended, and the next page starts a new one', async () => {
    extractor = createExtractor({ idleMs: 50 });
    await extractor.extract(story(2));
    expect(extractor.alive()).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(extractor.alive()).toBe(false);
    expect((await extractor.extract(story(3))).blocks.length).toBeGreaterThan(2);
    expect(extractor.alive()).toBe(true);
  });
});
