/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Browser, Page } from 'playwright-core';
import { createUser, type TestUser } from '../support/factories';
import { newsPage } from '../support/news-page';
import { startOrigin, type Origin } from '../support/origin';
import { contextsOf, launchBrowser, screenshot, seriousAxeViolations, signInPage, startServer, type RunningServer } from './support/browser';

jest.setTimeout(90_000);

/**
 * A living article end to end in Chromium: an editor imports a page from a publisher's server
 * (on 127.0.0.1, allowed by name), a reviewer checks a claim, the editor publishes, the publisher
 * corrects the figure, the editor updates the article from its source, the queue asks for a
 * recheck and the reader is told the verdict was checked against an earlier version.
 */
let server: RunningServer;
let browser: Browser;
let origin: Origin;
let rita: TestUser;
let edna: TestUser;
const contexts = contextsOf(() => browser);

const SENTENCE = 'The council counted 1,200 passengers a day in 2025.';
const page = (figure: string) =>
  newsPage({
    headline: 'Island ferry to cut its winter timetable',
    standfirst: 'Fewer crossings from January, the operator says.',
    byline: 'Ana Lima',
    publishedAt: '2026-11-20',
    body: [`The council counted ${figure} passengers a day in 2025. The operator wants to save fuel.`, 'Commuters said they would wait and see.'],
  });

beforeAll(async () => {
  origin = await startOrigin();
  origin.set('/ferry', page('1,200'));
  server = await startServer({ outboundAllowHosts: [origin.host] });
  browser = await launchBrowser();
  rita = await createUser(server.app.db, 'reviewer', 'rita');
  edna = await createUser(server.app.db, 'editor', 'edna');
});
afterAll(async () => {
  await contexts.closeAll();
  await browser?.close();
  await server?.close();
  await origin?.close();
});

const newContext = (options: Parameters<Browser['newContext']>[0] = {}) => contexts.create(options);

async function axe(p: Page) {
  const violations = await seriousAxeViolations(p);
  expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

test('when the publisher corrects an imported article, then the editor updates it from the source, the queue asks for a recheck and readers are told', async () => {
  // The editor imports the page by its address, previewing it first (the form works without JavaScript too).
  const ednaPage = await signInPage(await newContext({ bypassCSP: true }), server.baseUrl, edna.username, edna.password);
  await ednaPage.goto(`${server.baseUrl}/articles/new`);
  await ednaPage.check('input[name="mode"][value="url"]');
  await ednaPage.fill('#url', origin.url('/ferry'));
  await ednaPage.click('button[value="preview"]');
  await ednaPage.getByRole('heading', { name: 'Preview: what Factline found' }).waitFor();
  expect(await ednaPage.locator('.preview-blocks li').allTextContents()).toEqual([
    'headline Island ferry to cut its winter timetable',
    'standfirst Fewer crossings from January, the operator says.',
    `paragraph ${SENTENCE} The operator wants to save fuel.`,
    'paragraph Commuters said they would wait and see.',
  ]);
  expect(await ednaPage.inputValue('#byline')).toBe('Ana Lima');
  await screenshot(ednaPage, 'import-preview-desktop');
  await axe(ednaPage);
  await Promise.all([ednaPage.waitForURL(/\/articles\/island-ferry-to-cut-its-winter-timetable$/), ednaPage.click('button[value="save"]')]);
  const articleUrl = ednaPage.url();

  // A reviewer checks the figure and the editor publishes the verdict.
  const ritaPage = await signInPage(await newContext(), server.baseUrl, rita.username, rita.password);
  await ritaPage.goto(articleUrl);
  await ritaPage.locator('article.reviewing').waitFor();
  await ritaPage.locator('.sentence', { hasText: SENTENCE }).click();
  const panel = ritaPage.locator('.review-sheet');
  await panel.locator('blockquote.claim-quote').waitFor();
  await panel.locator('input[name="verdict"][value="true"]').check();
  await panel.locator('select[name="confidence"]').selectOption('high');
  await panel.locator('textarea[name="rationale"]').fill('The council’s ridership report gives 1,200 a day.');
  await panel.locator('input[name="url"]').first().fill('https://council.example/ridership-2025');
  await panel.locator('button[type="submit"]').click();
  await panel.getByText('Your check was filed').waitFor();

  await ednaPage.goto(`${server.baseUrl}/review`);
  await ednaPage.locator('table.queue a', { hasText: 'The council counted' }).click();
  await ednaPage.selectOption('#decision-verdict', 'true');
  await ednaPage.fill('#decision-summary', 'The council’s report gives 1,200 passengers a day.');
  await ednaPage.check('input[name="publish"][value="true"]');
  await ednaPage.click('.decision-form button[type="submit"]');
  await ednaPage.getByRole('heading', { name: 'Published verdict' }).waitFor();

  // The publisher corrects the figure; the editor updates the article from its source.
  origin.set('/ferry', page('1,300'));
  await ednaPage.goto(`${articleUrl}/edit`);
  await ednaPage.check('input[name="mode"][value="source"]');
  await Promise.all([ednaPage.waitForURL(/\/revisions#revision-2$/), ednaPage.click('form.stack-form button[type="submit"]')]);
  const revision = ednaPage.locator('#revision-2');
  expect(await revision.locator('del').textContent()).toBe('[deleted: 200]');
  expect(await revision.locator('ins').textContent()).toBe('[inserted: 300]');
  expect(await revision.textContent()).toContain('Claims: 0 unchanged, 0 moved, 1 changed a little, 0 no longer found.');
  await screenshot(ednaPage, 'revisions-desktop');
  await axe(ednaPage);

  // The queue puts the verdict to recheck first.
  await ednaPage.goto(`${server.baseUrl}/review`);
  const firstRow = ednaPage.locator('table.queue tbody tr').first();
  expect(await firstRow.locator('.status').textContent()).toBe('Needs recheck');
  expect(await firstRow.textContent()).toContain('1,300 passengers a day');

  // Readers, with and without JavaScript: the corrected figure (1,200 → 1,300) is not what was
  // checked, so the verdict is not drawn on it; the Fact-checks list gives it with the words as checked.
  for (const javaScriptEnabled of [true, false]) {
    const reader = await (await newContext({ javaScriptEnabled })).newPage();
    await reader.goto(articleUrl);
    const note = reader.locator('.factcheck .anchor-note');
    await note.waitFor();
    expect(await note.textContent()).toMatch(
      /^Checked against an earlier version of this article \([A-Z][a-z]+ \d+, \d{4}\)\. The passage as checked: “The council counted 1,200 passengers a day in 2025\.”$/,
    );
    expect(await reader.locator('mark.claim-mark', { hasText: '1,300 passengers a day' }).count()).toBe(0);
    expect(await reader.locator('article').textContent()).toContain('The council counted 1,300 passengers a day in 2025.');
    if (javaScriptEnabled) await screenshot(reader, 'reader-fuzzy-note-desktop');
  }
});
