/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { createUser, type TestUser } from '../support/factories';
import { newsPage } from '../support/news-page';
import { contextsOf, launchBrowser, screenshot, seriousAxeViolations, signInPage, startServer, type RunningServer } from './support/browser';

/**
 * The New article page in Chromium: one way in at a time (by CSS, so without JavaScript too),
 * the preview with its warnings and the date as it will be stored, and the confirmation on the
 * article's page after adding it; at 1280 and 375 px, with and without JavaScript, checked by axe.
 */
jest.setTimeout(60_000);

let server: RunningServer;
let browser: Browser;
let edna: TestUser;
const contexts = contextsOf(() => browser);

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  edna = await createUser(server.app.db, 'editor', 'edna');
});
afterAll(async () => {
  await contexts.closeAll();
  await browser?.close();
  await server?.close();
});

const comments = Array.from({ length: 150 }, (_, i) => `<li>Reader ${i} wrote a long comment about the ferry fares and the council.</li>`).join('');
const page = (headline: string) =>
  newsPage({
    headline,
    byline: 'Ana Lima',
    publishedAt: '2026-11-20T08:30:00+02:00',
    body: [
      'Fares on the island ferry will rise by 20 percent from April, the council decided on Tuesday.',
      'Councillors said fuel costs had doubled since 2022.',
    ],
  }).replace('</main>', `</main><section class="comments"><ol>${comments}</ol></section>`);

const visible = (p: Page, selector: string) => p.locator(selector).isVisible();
/** axe runs as a script in the page: with JavaScript off there is none to run (the page's HTML is the same, checked in the runs with it on). */
const axe = async (p: Page, javaScriptEnabled: boolean) => (javaScriptEnabled ? (await seriousAxeViolations(p)).map((v) => `${v.id}: ${v.help}`) : []);

describe.each([
  ['1280', 1280, true],
  ['375', 375, true],
  ['375-nojs', 375, false],
  ['1280-nojs', 1280, false],
] as const)('the New article page at %s', (label, width, javaScriptEnabled) => {
  test('when an editor chooses a way in, pastes a page and previews it, then only that way’s fields show, the preview says what to check, and adding confirms itself', async () => {
    const context = await contexts.create({ viewport: { width, height: 900 }, javaScriptEnabled, bypassCSP: true });
    const editor = await signInPage(context, server.baseUrl, edna.username, edna.password);
    await editor.goto(`${server.baseUrl}/articles/new`);
    expect([await visible(editor, '#url'), await visible(editor, '#html'), await visible(editor, '#text')]).toEqual([true, false, false]);
    await editor.check('input[name="mode"][value="html"]');
    expect([await visible(editor, '#url'), await visible(editor, '#html'), await visible(editor, '#text')]).toEqual([false, true, false]);
    expect(await visible(editor, '#sourceUrl')).toBe(true);
    expect(await axe(editor, javaScriptEnabled)).toEqual([]);
    await screenshot(editor, `article-new-${label}`);

    const headline = `Ferry fares rise at ${label}`;
    await editor.fill('#html', page(headline));
    await Promise.all([editor.waitForLoadState(), editor.click('button[value="preview"]')]);
    await editor.getByRole('heading', { name: 'Preview: what Factline found' }).waitFor();
    // After the round trip the chosen way is still the one shown.
    expect([await visible(editor, '#url'), await visible(editor, '#html')]).toEqual([false, true]);
    expect(await editor.locator('.import-warnings li').allTextContents()).toEqual([expect.stringMatching(/check that none of the article is missing/)]);
    expect(await editor.locator('#publishedAt-stored').textContent()).toContain('2026-11-20T06:30:00Z');
    expect(await axe(editor, javaScriptEnabled)).toEqual([]);
    await screenshot(editor, `article-preview-${label}`);

    await Promise.all([editor.waitForURL(/\/articles\/ferry-fares-rise-at-/), editor.click('button[value="save"]')]);
    const flash = editor.locator('.flash[role="status"]');
    expect(await flash.locator('p').textContent()).toBe(`Article added: “${headline}”. Check what was found:`);
    expect(await axe(editor, javaScriptEnabled)).toEqual([]);
    await screenshot(editor, `article-added-${label}`, { fullPage: false });
    await editor.reload();
    expect(await editor.locator('.flash').count()).toBe(0);
  });
});
