/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Browser } from 'playwright-core';
import request from 'supertest';
import { SEED_SLUG } from '../support/app';
import { bearer, createClaim, fileCheck, seedSentenceIds } from '../support/claims';
import { createApiToken, createUser } from '../support/factories';
import { startOrigin, type Origin } from '../support/origin';
import { launchBrowser, screenshot, startServer, type RunningServer } from './support/browser';

jest.setTimeout(60_000);

/**
 * A publisher's page on another origin (a second local server) frames the fact-check card and,
 * for comparison, the article page: Chromium shows the card and refuses the article.
 */
let server: RunningServer;
let origin: Origin;
let browser: Browser;
let claimId: number;

beforeAll(async () => {
  server = await startServer();
  origin = await startOrigin();
  browser = await launchBrowser();
  const reviewer = await createApiToken(server.app.db, await createUser(server.app.db, 'reviewer'));
  const editor = await createApiToken(server.app.db, await createUser(server.app.db, 'editor'));
  claimId = await createClaim(server.app.app, reviewer, { sentenceId: (await seedSentenceIds(server.app.app))[3] });
  await fileCheck(server.app.app, reviewer, claimId);
  await request(server.app.app)
    .post(`/api/v1/claims/${claimId}/decision`)
    .set(bearer(editor))
    .send({ verdict: 'mostly-true', summary: 'CBP counted about 24,000 encounters.', publish: true })
    .expect(200);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await origin?.close();
});

test('when another site frames the card and the article page, then the card shows and the article page is refused', async () => {
  // The page embeds what oEmbed gives it, as a CMS would.
  const oembed = (
    await request(server.app.app)
      .get('/oembed')
      .query({ url: `${server.app.config.publicBaseUrl}/claims/${claimId}`, format: 'json' })
      .expect(200)
  ).body;
  const html = oembed.html.replace(server.app.config.publicBaseUrl, server.baseUrl);
  origin.set(
    '/story',
    `<!doctype html><html lang="en"><head><title>Publisher</title></head><body><h1>A story</h1>${html}<iframe id="article" title="article" src="${server.baseUrl}/articles/${SEED_SLUG}"></iframe></body></html>`,
  );
  const page = await (await browser.newContext()).newPage();
  await page.goto(origin.url('/story'));
  await page.waitForLoadState('load');
  const card = page.frames().find((frame) => frame.url().includes(`/embed/claims/${claimId}`));
  expect(card).toBeDefined();
  expect(await card!.locator('.card-summary').textContent()).toBe('CBP counted about 24,000 encounters.');
  expect(await card!.locator('.card-badge').textContent()).toBe('Mostly true');
  const article = page.frames().find((frame) => frame !== page.mainFrame() && frame !== card);
  expect(await article!.locator('article.article').count()).toBe(0); // refused: frame-ancestors 'self'
  await screenshot(page, 'card-framed-on-another-site');
});
