/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import path from 'node:path';
import { buildSync } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import type * as TextAnchor from '../../src/embed/text-anchor';

jest.setTimeout(60_000);

/**
 * embed.js's anchoring (src/embed/text-anchor.ts) as unit tests in Chromium: the module is
 * bundled on the fly and run against small publisher markups.
 */
const bundle = buildSync({
  entryPoints: [path.join(__dirname, '../../src/embed/text-anchor.ts')],
  bundle: true,
  write: false,
  format: 'iife',
  globalName: 'anchoring',
  target: 'es2020',
}).outputFiles[0].text;

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.setContent('<!doctype html><html><body></body></html>');
  await page.addScriptTag({ content: bundle });
});
afterAll(() => browser?.close());

/** Anchors `selector` in `html` and wraps it; returns the marks' texts, or null when the quote is not drawn. */
function anchor(html: string, selector: { exact: string; prefix?: string; suffix?: string }): Promise<{ marks: string[]; body: string } | null> {
  return page.evaluate(
    ({ html, selector }) => {
      document.body.innerHTML = html;
      const a = (window as unknown as { anchoring: typeof TextAnchor }).anchoring;
      const span = a.findQuote(
        a.readText(document.body, () => false),
        selector,
      );
      if (!span) return null;
      const marks = a.wrapSpan(
        a.readText(document.body, () => false),
        span,
        () => document.createElement('mark'),
      );
      return { marks: marks.map((m) => m.textContent ?? ''), body: document.body.innerHTML };
    },
    { html, selector },
  );
}

describe('anchoring a quote in foreign markup', () => {
  test('when the quote crosses a link and an emphasis, then each text node gets its own mark and the markup stays', async () => {
    const result = await anchor('<p>They go <a href="/x">to <em>Ecuador</em>, a country</a> without visas.</p>', { exact: 'to Ecuador, a country without' });
    expect(result!.marks).toEqual(['to ', 'Ecuador', ', a country', ' without']);
    expect(result!.body).toBe(
      '<p>They go <a href="/x"><mark>to </mark><em><mark>Ecuador</mark></em><mark>, a country</mark></a><mark> without</mark> visas.</p>',
    );
  });

  test('when the page spaces and quotes differently, then the quote is found all the same', async () => {
    const result = await anchor('<p>He said   "the idea took\n   off" last year.</p>', { exact: 'said “the idea took off” last' });
    expect(result!.marks.join('')).toBe('said   "the idea took\n   off" last');
  });

  test('when a footnote marker sits inside the quoted sentence, then the approximate match still finds it', async () => {
    const result = await anchor('<p>Intro. The lockdowns,<sup>1</sup> camps and testing ended. Outro.</p>', {
      exact: 'The lockdowns, camps and testing ended.',
    });
    expect(result!.marks.join('')).toBe('The lockdowns,1 camps and testing ended.');
  });

  test('when the quote repeats, then its prefix and suffix choose the place; with no context to tell them apart it is not drawn', async () => {
    const html = '<p>In May prices rose. Then wages fell.</p><p>In June prices rose. Then rents fell.</p>';
    const chosen = await anchor(html, { exact: 'prices rose', prefix: 'In June ', suffix: '. Then rents' });
    expect(chosen!.body).toContain('In June <mark>prices rose</mark>');
    expect(await anchor(html, { exact: 'prices rose' })).toBeNull();
  });

  test('when a quote crosses two paragraphs, then the block boundary counts as a space', async () => {
    const result = await anchor('<p>End of one.</p><p>Start of two.</p>', { exact: 'one.\n\nStart' });
    expect(result!.marks).toEqual(['one.', 'Start']);
  });

  test('when the quote is not on the page, then nothing is drawn', async () => {
    expect(await anchor('<p>Something else entirely, about other matters.</p>', { exact: 'a country that allows visa-free travel' })).toBeNull();
  });
});
