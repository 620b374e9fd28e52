/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Browser, Page } from 'playwright-core';
import { SEED_SLUG } from '../support/app';
import { createUser, type TestUser } from '../support/factories';
import { contextsOf, launchBrowser, screenshot, signInPage, startServer, type RunningServer } from './support/browser';

jest.setTimeout(60_000);

let server: RunningServer;
let browser: Browser;
let rita: TestUser;
let omar: TestUser;
let edna: TestUser;
const contexts = contextsOf(() => browser);

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  rita = await createUser(server.app.db, 'reviewer', 'rita');
  omar = await createUser(server.app.db, 'reviewer', 'omar');
  edna = await createUser(server.app.db, 'editor', 'edna');
});
afterAll(async () => {
  await contexts.closeAll();
  await browser?.close();
  await server?.close();
});

const newContext = (options: Parameters<Browser['newContext']>[0] = {}) => contexts.create(options);

const articleUrl = () => `${server.baseUrl}/articles/${SEED_SLUG}`;
const SENTENCE = 'Their trip usually starts with a flight to Ecuador, a country that allows visa-free travel from the PRC.';

async function fillCheck(page: Page, verdict: string, rationale: string, url: string) {
  const panel = page.locator('.review-sheet');
  await panel.locator(`input[name="verdict"][value="${verdict}"]`).check();
  await panel.locator('select[name="confidence"]').selectOption('high');
  await panel.locator('textarea[name="rationale"]').fill(rationale);
  await panel.locator('input[name="url"]').first().fill(url);
  await panel.locator('button[type="submit"]').click();
}

describe('reviewing in the browser', () => {
  test('when two reviewers check the same sentence, then the second sees the first only after filing; an editor publishes and a reader opens the popover', async () => {
    const ritaPage = await signInPage(await newContext(), server.baseUrl, rita.username, rita.password);
    await ritaPage.goto(articleUrl());
    await ritaPage.locator('article.reviewing').waitFor(); // the review client is wired (a click before that does nothing)
    await ritaPage.locator('.sentence', { hasText: SENTENCE }).click();
    const panel = ritaPage.locator('.review-sheet');
    await panel.locator('blockquote.claim-quote').waitFor();
    expect(await panel.locator('blockquote.claim-quote').textContent()).toBe(`“${SENTENCE}”`);
    await panel.locator('#panel-statement').fill('Ecuador lets PRC citizens enter without a visa.');
    await fillCheck(ritaPage, 'true', 'Ecuador’s visa exemption for Chinese citizens is official policy.', 'https://www.cancilleria.gob.ec/visas');
    await panel.getByText('Your check was filed').waitFor();
    await panel.getByRole('heading', { name: 'Your check' }).waitFor();
    await ritaPage.locator('.review-marker-checked').first().waitFor();
    await screenshot(ritaPage, 'reviewer-panel-desktop');

    const omarPage = await signInPage(await newContext(), server.baseUrl, omar.username, omar.password);
    await omarPage.goto(articleUrl());
    await omarPage.locator('.review-marker-to-check').first().waitFor();
    await omarPage.locator('.sentence', { hasText: SENTENCE }).click();
    const omarPanel = omarPage.locator('.review-sheet');
    await omarPanel.getByText('You will see the other reviewers’ checks, if there are any, after you file yours.').waitFor();
    expect(await omarPanel.textContent()).not.toContain('rita');
    expect(await omarPanel.textContent()).not.toMatch(/has checked|have checked|\d+ checks?\b/); // not even that someone filed
    expect(await omarPanel.locator('.check-card').count()).toBe(0);
    await fillCheck(omarPage, 'mostly-true', 'Visa-free entry was suspended for a time in 2024.', 'https://example.org/ecuador-visa');
    await omarPanel.getByRole('heading', { name: 'rita' }).waitFor();
    expect(await omarPanel.locator('.check-card').count()).toBe(2);
    expect(await omarPanel.locator('.panel-aggregate').textContent()).toContain('Consensus');

    const ednaPage = await signInPage(await newContext(), server.baseUrl, edna.username, edna.password);
    await ednaPage.goto(`${server.baseUrl}/review`);
    await ednaPage.locator('table.queue a', { hasText: 'Their trip usually starts' }).click();
    await ednaPage.selectOption('#decision-verdict', 'true');
    await ednaPage.fill('#decision-summary', 'Ecuador did not require visas from Chinese citizens in 2023.');
    await ednaPage.fill('#decision-note', 'The 2024 suspension came after the article.');
    await ednaPage.check('input[name="publish"][value="true"]');
    await ednaPage.click('.decision-form button[type="submit"]');
    await ednaPage.getByRole('heading', { name: 'Published verdict' }).waitFor();
    await screenshot(ednaPage, 'claim-page-editor-desktop');

    const reader = await (await newContext()).newPage();
    await reader.goto(articleUrl());
    const highlighted = reader.locator('mark.claim-mark.verdict-true', { hasText: SENTENCE });
    await highlighted.waitFor();
    await highlighted.click();
    const popover = reader.locator('.popover[role="dialog"]');
    await popover.waitFor();
    expect(await popover.textContent()).toContain('Ecuador did not require visas from Chinese citizens in 2023.');
    expect(await popover.locator('.verdict-badge').first().textContent()).toBe('True');
    await popover.locator('a[rel="noopener noreferrer nofollow ugc"]').first().waitFor(); // the sources, loaded when the popover opened
    expect(await reader.locator('#fact-checks a[rel="noopener noreferrer nofollow ugc"]').count()).toBe(0); // not in the page itself
    await screenshot(reader, 'article-overlay-popover-desktop');
    await reader.evaluate(() => window.scrollBy(0, document.querySelector('.popover')!.getBoundingClientRect().bottom - window.innerHeight + 24));
    await screenshot(reader, 'readme-article-overlay', { fullPage: false });
    await reader.keyboard.press('Escape');
    await popover.waitFor({ state: 'detached' });
    expect(await reader.evaluate(() => document.activeElement?.classList.contains('claim-mark'))).toBe(true);
  });

  test('when a reader hides the highlights, then the choice is remembered on the next visit', async () => {
    const page = await (await newContext()).newPage();
    await page.goto(articleUrl());
    const toggle = page.locator('[data-overlay-toggle]');
    if ((await toggle.count()) === 0) throw new Error('no published fact-check yet: this test runs after the publishing flow');
    await toggle.click();
    expect(await page.locator('article.article').getAttribute('class')).toContain('overlay-hidden');
    expect(await toggle.textContent()).toBe('Show highlights');
    await page.reload();
    expect(await page.locator('article.article').getAttribute('class')).toContain('overlay-hidden');
    expect(await page.locator('[data-overlay="badge"]').first().isVisible()).toBe(false);
    await page.locator('[data-overlay-toggle]').click();
    expect(await page.locator('[data-overlay="badge"]').first().isVisible()).toBe(true);
  });

  test('when a reviewer selects a quote across two sentences, then the floating button opens the panel with that exact quote', async () => {
    const page = await signInPage(await newContext(), server.baseUrl, rita.username, rita.password);
    await page.goto(articleUrl());
    await page.locator('article.reviewing').waitFor();
    await page.evaluate(() => {
      const sentences = [...document.querySelectorAll('.sentence')].filter(
        (s) => s.textContent!.startsWith('That’s a 1300-percent') || s.textContent!.startsWith('By contrast'),
      );
      const range = document.createRange();
      range.setStart(sentences[0].firstChild!, 9);
      range.setEnd(sentences[1].firstChild!, 11);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
    });
    const button = page.locator('button.check-this');
    await button.waitFor({ state: 'visible' });
    await button.click();
    const quote = page.locator('.review-sheet blockquote.claim-quote');
    await quote.waitFor();
    const text = (await quote.textContent())!;
    expect(text.startsWith('“1300-percent increase from 2022')).toBe(true);
    expect(text.endsWith('By contrast”')).toBe(true);
    await fillCheck(page, 'mostly-false', 'Compares a fiscal year with a calendar year.', 'https://www.cbp.gov/newsroom/stats');
    await page.locator('.review-sheet').getByText('Your check was filed').waitFor();
    const claims = await server.app.db('claims').where('exact', 'like', '1300-percent increase%');
    expect(claims).toHaveLength(1);
    expect((await server.app.db('claim_sentences').where({ claim_id: claims[0].id })).length).toBe(2);
    // The reviewer's own marker underlines exactly the quote, in each sentence it crosses, not the sentences.
    const marked = page.locator(`mark.review-range[data-review-claim="${claims[0].id}"]`);
    await marked.first().waitFor();
    expect(await marked.allTextContents()).toEqual([claims[0].exact.slice(0, claims[0].exact.indexOf('By contrast')).trimEnd(), 'By contrast']);
  });

  test('when a check is invalid, then the panel shows the server’s message and keeps the typed values', async () => {
    const page = await signInPage(await newContext(), server.baseUrl, omar.username, omar.password);
    await page.goto(articleUrl());
    await page.locator('article.reviewing').waitFor();
    await page.locator('.sentence', { hasText: 'Millions of people cross America’s southern border' }).click();
    const panel = page.locator('.review-sheet');
    await panel.locator('input[name="verdict"][value="false"]').check();
    await panel.locator('textarea[name="rationale"]').fill('Some reasoning.');
    await panel.locator('input[name="url"]').first().fill('javascript:alert(1)');
    await panel.locator('button[type="submit"]').click();
    await panel.locator('.panel-status.alert-error').waitFor();
    expect(await panel.locator('.panel-status').textContent()).toMatch(/sources\.0\.url: must be an http/);
    expect(await panel.locator('textarea[name="rationale"]').inputValue()).toBe('Some reasoning.');
    await panel.locator('button.add-source').click();
    expect(await panel.locator('.panel-source').count()).toBe(2);
    await panel.locator('.remove-source').first().click();
    expect(await panel.locator('.panel-source').count()).toBe(1);
  });
});
