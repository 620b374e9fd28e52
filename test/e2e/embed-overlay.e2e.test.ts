/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page, Request as BrowserRequest } from 'playwright-core';
import request from 'supertest';
import { SEED_SLUG } from '../support/app';
import { bearer, createClaim, fileCheck } from '../support/claims';
import { createApiToken, createUser } from '../support/factories';
import { startOrigin, type Origin } from '../support/origin';
import { launchBrowser, screenshot, seriousAxeViolations, startServer, type RunningServer } from './support/browser';

jest.setTimeout(90_000);

/**
 * embed.js on a publisher's page served from another origin, with its own markup of the seed
 * article (text split across links and emphasis, extra white space, straight quotes where
 * Factline has curly ones, a footnote marker inside a quoted sentence), aggressive CSS for `mark`
 * and `div`, and a strict CSP that allows Factline only for scripts and connections.
 */
let server: RunningServer;
let origin: Origin;
let browser: Browser;
const contexts: BrowserContext[] = [];
const seed = JSON.parse(fs.readFileSync(path.join(__dirname, '../../content/articles', `${SEED_SLUG}.json`), 'utf8'));
const body: { kind: string; text: string }[] = seed.body;

const QUOTES = {
  whole: body[0].text, // crosses a link and an emphasis on the publisher's page
  part: 'a country that allows visa-free travel from the PRC',
  across: 'to be led or smuggled. Their trip usually starts',
  curly: body[8].text, // the publisher uses straight quotes and adds a footnote marker
};
const claimIds: Record<keyof typeof QUOTES, number> = { whole: 0, part: 0, across: 0, curly: 0 };

const esc = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The publisher's own HTML for the article; `without` leaves a paragraph out (a claim's text removed). */
function publisherPage(options: { canonical?: string; dataArticle?: string; without?: number; plainCss?: boolean; edit?: [string, string] }): string {
  const paragraphs = body.map((block, i) => {
    if (i === options.without) return '';
    let html = esc(options.edit ? block.text.replace(...options.edit) : block.text);
    if (i === 0)
      html = html
        .replace('mainland China', '<a href="/tags/china">mainland  China</a>')
        .replace('illegal', '<em>illegal</em>')
        .replace('Mexican border, ', 'Mexican\n      border, ');
    if (i === 2) html = html.replace('Ecuador', '<a href="/tags/ecuador">Ecuador</a>');
    if (i === 8) html = html.replace(/[“”]/g, '"').replace(/’/g, "'").replace('lockdowns,', 'lockdowns,<sup><a href="#fn1">1</a></sup>');
    return block.kind === 'heading' ? `<h2>${html}</h2>` : `<p>${html}</p>`;
  });
  const csp = `default-src 'none'; script-src ${server.baseUrl}; connect-src ${server.baseUrl}; style-src 'self'; img-src 'self'`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The Publisher</title>
<meta http-equiv="Content-Security-Policy" content="${csp}">
${options.canonical ? `<link rel="canonical" href="${options.canonical}">` : ''}
<link rel="stylesheet" href="${options.plainCss ? '/plain.css' : '/site.css'}">
</head><body><main><article><h1>${esc(seed.title)}</h1>${paragraphs.join('\n')}</article></main>
<script src="${server.baseUrl}/embed.js" async${options.dataArticle ? ` data-article="${options.dataArticle}"` : ''}></script></body></html>`;
}

const HOST_CSS = `* { font-family: "Comic Sans MS", cursive !important; }
mark { background: black !important; color: yellow !important; display: block; font-size: 40px; }
div { font-size: 30px !important; color: red !important; background: lime !important; padding: 50px !important; }
button, a { color: darkmagenta !important; }`;

beforeAll(async () => {
  server = await startServer();
  origin = await startOrigin();
  browser = await launchBrowser();
  const reviewer = await createApiToken(server.app.db, await createUser(server.app.db, 'reviewer'));
  const editor = await createApiToken(server.app.db, await createUser(server.app.db, 'editor'));
  for (const name of Object.keys(QUOTES) as (keyof typeof QUOTES)[]) {
    claimIds[name] = await createClaim(server.app.app, reviewer, { quote: { exact: QUOTES[name] } });
    await fileCheck(server.app.app, reviewer, claimIds[name]);
    await request(server.app.app)
      .post(`/api/v1/claims/${claimIds[name]}/decision`)
      .set(bearer(editor))
      .send({ verdict: 'mostly-true', summary: `Summary for ${name}.`, publish: true })
      .expect(200);
  }
  // The seed article's source is the publisher's page: an update whose text is the same saves only the address.
  const plain = body.map((block) => (block.kind === 'heading' ? `## ${block.text}` : block.text)).join('\n\n');
  const kept = await request(server.app.app)
    .put(`/api/v1/articles/${SEED_SLUG}`)
    .set(bearer(editor))
    .send({ text: plain, sourceUrl: origin.url('/story') });
  expect(kept.body.changed).toBe(false);
  origin.set('/site.css', HOST_CSS, { type: 'text/css' });
  origin.set('/story', publisherPage({ canonical: origin.url('/story?utm_source=x') }));
  origin.set('/amended', publisherPage({ dataArticle: SEED_SLUG, without: 2 }));
  // The publisher's page says the opposite in a few characters: close enough to be found, not the words checked.
  origin.set('/negated', publisherPage({ dataArticle: SEED_SLUG, edit: ['a country that allows visa-free', 'a country that allows no visa-free'] }));
  origin.set(
    '/plain.css',
    'body { font: 18px/1.5 Georgia, serif; color: #222; background: #fff; max-width: 40rem; margin: 2rem auto; } a { color: #0b4f9c; }',
    { type: 'text/css' },
  );
  origin.set('/plain', publisherPage({ dataArticle: SEED_SLUG, plainCss: true }));
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.close();
  await origin?.close();
});

async function publisherContext(): Promise<{ page: Page; toFactline: BrowserRequest[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  // A Factline session cookie in the browser: the script must never send it.
  await context.addCookies([{ name: 'factline.sid', value: 'a-session', url: server.baseUrl }]);
  const page = await context.newPage();
  const toFactline: BrowserRequest[] = [];
  page.on('request', (req) => {
    if (req.url().startsWith(server.baseUrl)) toFactline.push(req);
  });
  return { page, toFactline };
}

const normalised = (text: string) => text.replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/\s+/g, ' ').trim();

test('when a publisher’s page carries embed.js, then every published claim is highlighted on exactly its quote and opens a popover the page’s CSS cannot touch', async () => {
  const { page, toFactline } = await publisherContext();
  const csp: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused/.test(message.text())) csp.push(message.text());
  });
  await page.goto(origin.url('/story'));
  await page.locator('mark[data-factline-claim]').first().waitFor();

  const marked = await page.evaluate(() => {
    const byClaim: Record<string, string> = {};
    for (const mark of document.querySelectorAll<HTMLElement>('mark[data-factline-claim]'))
      byClaim[mark.dataset.factlineClaim!] = (byClaim[mark.dataset.factlineClaim!] ?? '') + mark.textContent;
    return byClaim;
  });
  for (const name of ['whole', 'part', 'across'] as const) expect([name, normalised(marked[claimIds[name]])]).toEqual([name, normalised(QUOTES[name])]);
  // The footnote marker sits inside the quoted sentence on the publisher's page: it is inside the highlight, the rest is the quote.
  expect(normalised(marked[claimIds.curly]).replace('lockdowns,1', 'lockdowns,')).toBe(normalised(QUOTES.curly));

  // Mouse: a highlight opens the popover; the host's aggressive CSS does not reach it.
  await page.locator(`mark[data-factline-claim="${claimIds.part}"]`).click();
  const popover = page.locator('[data-factline-root] >> .popover');
  await popover.waitFor();
  expect(await popover.textContent()).toContain('Summary for part.');
  expect(await popover.textContent()).toContain('Mostly true');
  const style = await popover.evaluate((node) => {
    const computed = getComputedStyle(node);
    return {
      fontSize: computed.fontSize,
      background: computed.backgroundColor,
      color: computed.color,
      font: computed.fontFamily,
      padding: computed.paddingTop,
    };
  });
  expect(style).toEqual({
    fontSize: '15px',
    background: 'rgb(255, 255, 255)',
    color: 'rgb(29, 28, 26)',
    font: expect.not.stringContaining('Comic'),
    padding: '8px',
  });
  await screenshot(page, 'embed-popover-on-publisher-page', { fullPage: false });
  await page.keyboard.press('Escape');
  await popover.waitFor({ state: 'detached' });
  expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.factlineClaim)).toBe(String(claimIds.part));

  // Keyboard: Tab reaches a highlight, Enter opens, Escape closes and returns focus.
  await page.locator(`mark[data-factline-claim="${claimIds.whole}"]`).first().focus();
  await page.keyboard.press('Enter');
  await popover.waitFor();
  expect(await popover.textContent()).toContain('Summary for whole.');
  await page.keyboard.press('Escape');
  expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.factlineClaim)).toBe(String(claimIds.whole));

  // The badge counts the claims; the toggle hides and shows the highlights.
  const badge = page.locator('[data-factline-root] >> .summary-badge');
  expect(await badge.textContent()).toContain('Fact-checked: 4 claims');
  await badge.getByRole('button', { name: 'Hide highlights' }).click();
  expect(
    await page
      .locator('mark[data-factline-claim]')
      .first()
      .evaluate((m) => getComputedStyle(m).backgroundColor),
  ).toBe('rgb(0, 0, 0)'); // the host's own mark style again
  await badge.getByRole('button', { name: 'Show highlights' }).click();

  // No request the script made carried a cookie (the page's own <script> tag is the page's request), and the strict CSP refused nothing.
  const fetches = toFactline.filter((req) => req.resourceType() === 'fetch');
  expect(fetches.length).toBe(2); // the look-up and the verdicts
  for (const req of fetches) expect([req.url(), (await req.allHeaders()).cookie]).toEqual([req.url(), undefined]);
  expect(toFactline.map((r) => new URL(r.url()).pathname)).toEqual(
    expect.arrayContaining(['/embed.js', '/api/v1/lookup', `/api/v1/articles/${SEED_SLUG}/verdicts`]),
  );
  expect(csp).toEqual([]);
});

test.each([
  ['with its aggressive styles', '/story'],
  ['with ordinary styles', '/plain'],
])('when a publisher’s page %s is checked by axe with the overlay open, then it has no serious or critical violation', async (_name, pagePath) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(origin.url(pagePath));
  await page.locator('mark[data-factline-claim]').first().waitFor();
  await page.locator(`mark[data-factline-claim="${claimIds.part}"]`).click();
  await page.locator('[data-factline-root] >> .popover').waitFor();
  const violations = await seriousAxeViolations(page);
  expect(violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('when a claim’s text is not on the publisher’s page, then it is not drawn and the badge lists it as not shown', async () => {
  const { page } = await publisherContext();
  await page.goto(origin.url('/amended'));
  const badge = page.locator('[data-factline-root] >> .summary-badge');
  await badge.waitFor();
  expect(await page.locator(`mark[data-factline-claim="${claimIds.part}"]`).count()).toBe(0);
  expect(await page.locator(`mark[data-factline-claim="${claimIds.whole}"]`).count()).toBeGreaterThan(0);
  expect(await badge.textContent()).toContain('Not shown on this page (the text differs): 2');
  const listed = await badge.locator('.unanchored li').allTextContents();
  expect(listed.map((t) => t.slice(0, 20))).toEqual(expect.arrayContaining([`“${QUOTES.part.slice(0, 19)}`, `“${QUOTES.across.slice(0, 19)}`]));
});

test('when the publisher’s page differs from the quote as checked by a negation, then the verdict is not drawn there, though the words are nearly the same', async () => {
  const { page } = await publisherContext();
  await page.goto(origin.url('/negated'));
  const badge = page.locator('[data-factline-root] >> .summary-badge');
  await badge.waitFor();
  expect(await page.locator('article').textContent()).toContain('a country that allows no visa-free travel');
  expect(await page.locator(`mark[data-factline-claim="${claimIds.part}"]`).count()).toBe(0);
  expect(await page.locator(`mark[data-factline-claim="${claimIds.whole}"]`).count()).toBeGreaterThan(0);
  expect(await badge.textContent()).toContain('Not shown on this page (the text differs): 1');
});
