/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { SEED_SLUG } from '../support/app';
import { createApiToken, createUser, type TestUser } from '../support/factories';
import { contextsOf, launchBrowser, screenshot, signInPage, startServer, type RunningServer } from './support/browser';

jest.setTimeout(60_000);

let server: RunningServer;
let browser: Browser;
let rita: TestUser;
let edna: TestUser;
let ritaToken: string;
let ednaToken: string;
const contexts = contextsOf(() => browser);

const SEED_SENTENCE = 'Their trip usually starts with a flight to Ecuador, a country that allows visa-free travel from the PRC.';
const PARAPHRASE = 'Chinese migrants typically fly first to Ecuador, which lets PRC citizens in visa-free.';

async function call(method: string, path: string, token: string, body?: unknown) {
  const res = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  rita = await createUser(server.app.db, 'reviewer', 'rita-matching');
  edna = await createUser(server.app.db, 'editor', 'edna-matching');
  ritaToken = await createApiToken(server.app.db, rita);
  ednaToken = await createApiToken(server.app.db, edna);
  // A published fact-check on the seed article, and a second article that says the same in other words.
  const claim = await call('POST', `/api/v1/articles/${SEED_SLUG}/claims`, ritaToken, { quote: { exact: SEED_SENTENCE } });
  await call('POST', `/api/v1/claims/${claim.id}/checks`, ritaToken, {
    verdict: 'true',
    confidence: 'high',
    rationale: 'Ecuador’s visa exemption is official policy.',
    sources: [{ url: 'https://www.cancilleria.gob.ec/visas', stance: 'supports' }],
  });
  await call('POST', `/api/v1/claims/${claim.id}/decision`, ednaToken, {
    verdict: 'true',
    summary: 'Ecuador did not require visas from Chinese citizens.',
    publish: true,
  });
  await call('POST', '/api/v1/articles', ednaToken, {
    title: 'A second story on the same route',
    slug: 'second-story',
    text: `${PARAPHRASE} Other reporting follows here.`,
  });
});
afterAll(async () => {
  await contexts.closeAll();
  await browser?.close();
  await server?.close();
});

const newContext = (options: Parameters<Browser['newContext']>[0] = {}) => contexts.create(options);

test('when a reviewer selects a sentence checked before elsewhere, then the panel shows that fact-check; an editor marks the same claim; a reader sees the verdict on the second article', async () => {
  const ritaPage = await signInPage(await newContext(), server.baseUrl, rita.username, rita.password);
  await ritaPage.goto(`${server.baseUrl}/articles/second-story`);
  await ritaPage.locator('article.reviewing').waitFor();
  await ritaPage.locator('.sentence', { hasText: PARAPHRASE }).click();
  const similar = ritaPage.locator('.review-sheet .similar-claims');
  const earlier = similar.locator('.similar-claim', { hasText: SEED_SENTENCE });
  await earlier.waitFor();
  expect(await earlier.locator('.verdict-badge').textContent()).toBe('True');
  expect(await earlier.locator('.similar-note').textContent()).toMatch(/^(The same claim|Similar)/);
  await screenshot(ritaPage, 'panel-checked-before');
  await earlier.getByRole('link', { name: 'Open the fact-check' }).click();
  await ritaPage.getByRole('heading', { name: 'Published verdict' }).waitFor();
  expect(await ritaPage.locator('blockquote.claim-quote').first().textContent()).toContain('Their trip usually starts');

  // The second appearance becomes a claim; the editor marks it the same claim from its page.
  const second = await call('POST', '/api/v1/articles/second-story/claims', ritaToken, { quote: { exact: PARAPHRASE } });
  const ednaPage = await signInPage(await newContext(), server.baseUrl, edna.username, edna.password);
  await ednaPage.goto(`${server.baseUrl}/claims/${second.id}`);
  await ednaPage
    .locator('.similar-claim', { hasText: SEED_SENTENCE })
    .getByRole('button', { name: /Mark as the same claim/ })
    .click();
  await ednaPage.getByRole('heading', { name: 'The same claim as an earlier fact-check' }).waitFor();

  const reader = await (await newContext()).newPage();
  await reader.goto(`${server.baseUrl}/articles/second-story`);
  const mark = reader.locator(`mark[data-claim-id="${second.id}"]`).first();
  await mark.waitFor();
  await mark.click();
  const popover = reader.locator('.popover[role="dialog"]');
  await popover.waitFor();
  expect(await popover.textContent()).toContain('Ecuador did not require visas from Chinese citizens.');
  await popover.getByRole('link', { name: 'Full fact-check' }).click(); // the original: the linked claim has no page of its own for readers
  await reader.getByRole('heading', { name: 'Published verdict' }).waitFor();
  expect(await reader.locator('blockquote.claim-quote').first().textContent()).toContain('Their trip usually starts');
  await reader.goBack();
  expect(await reader.locator('.factcheck-list .first-checked').textContent()).toMatch(/First checked in .+ on \d{4}-\d{2}-\d{2}\./);
});
