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
const claimIds: number[] = [];
const contexts = contextsOf(() => browser);

const QUOTES = ['Their trip usually starts with a flight to Ecuador', 'a country that allows visa-free travel from the PRC'];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  rita = await createUser(server.app.db, 'reviewer', 'rita-desk');
  edna = await createUser(server.app.db, 'editor', 'edna-desk');
  const token = await createApiToken(server.app.db, rita);
  for (const exact of QUOTES) {
    const res = await fetch(`${server.baseUrl}/api/v1/articles/${SEED_SLUG}/claims`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ quote: { exact } }),
    });
    claimIds.push((await res.json()).id);
  }
});
afterAll(async () => {
  await contexts.closeAll();
  await browser?.close();
  await server?.close();
});

const newContext = (options: Parameters<Browser['newContext']>[0] = {}) => contexts.create(options);

test('when an editor assigns two claims, then the reviewer finds them in My work, files a check, joins the discussion and mentions the editor, who sees the notification', async () => {
  const ednaPage = await signInPage(await newContext(), server.baseUrl, edna.username, edna.password);
  await ednaPage.goto(`${server.baseUrl}/review`);
  for (const id of claimIds) await ednaPage.check(`#pick-${id}`);
  await ednaPage.getByRole('button', { name: 'Assign the selected claims…' }).click();
  await ednaPage.selectOption('#assign-username', rita.username);
  await ednaPage.getByRole('button', { name: 'Assign', exact: true }).click();
  await ednaPage.waitForURL(/\/review$/);
  expect(await ednaPage.locator('.assignee-cell', { hasText: `@${rita.username}` }).count()).toBe(2);

  const ritaPage = await signInPage(await newContext(), server.baseUrl, rita.username, rita.password);
  await ritaPage.goto(`${server.baseUrl}/me/work`);
  const work = ritaPage.locator('.work-item');
  expect(await work.count()).toBe(2);
  expect(await ritaPage.locator('.count-badge').textContent()).toContain('2');
  await work.first().getByRole('link').first().click();
  expect(await ritaPage.locator('#discussion-heading').count()).toBe(0); // closed until her own check
  await ritaPage.locator('input[name="verdict"][value="mostly-true"]').check();
  await ritaPage.selectOption('select[name="confidence"]', 'high');
  await ritaPage.fill('textarea[name="rationale"]', 'Ecuador’s visa exemption is official policy.');
  await ritaPage.fill('input[name="source_url"] >> nth=0', 'https://www.cancilleria.gob.ec/visas');
  await ritaPage
    .getByRole('button', { name: /File my check|Save/ })
    .first()
    .click();
  await ritaPage.locator('#discussion-heading').waitFor();
  await ritaPage.fill('#new-comment', `The policy page is clear; @${edna.username}, can you confirm the date?`);
  await ritaPage.getByRole('button', { name: 'Comment', exact: true }).click();
  await ritaPage.locator('.comment-body', { hasText: 'The policy page is clear' }).waitFor();
  await ritaPage.goto(`${server.baseUrl}/me/work`);
  expect(await ritaPage.locator('.work-item').count()).toBe(1);

  await ednaPage.goto(`${server.baseUrl}/`);
  expect(await ednaPage.locator('.count-badge').textContent()).toContain('1');
  await ednaPage.getByRole('link', { name: /Notifications/ }).click();
  const mention = ednaPage.locator('.notification.unread', { hasText: 'You were mentioned in the discussion' });
  await mention.waitFor();
  await screenshot(ednaPage, 'notifications-desktop');
  await mention.getByRole('link').click();
  await ednaPage.locator('.comment-body', { hasText: 'can you confirm the date?' }).waitFor();
});
