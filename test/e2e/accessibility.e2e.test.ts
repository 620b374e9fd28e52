/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SEED_SLUG } from '../support/app';
import { bearer, createClaim, fileCheck, seedSentenceIds } from '../support/claims';
import { createApiToken, createUser, type TestUser } from '../support/factories';
import request from 'supertest';
import { launchBrowser, screenshot, seriousAxeViolations, signInPage, startServer, type RunningServer } from './support/browser';

jest.setTimeout(60_000);

let server: RunningServer;
let browser: Browser;
let rita: TestUser;
let edna: TestUser;
let admin: TestUser;
let publishedClaim: number;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  rita = await createUser(server.app.db, 'reviewer', 'rita');
  edna = await createUser(server.app.db, 'editor', 'edna');
  admin = await createUser(server.app.db, 'admin', 'ada');
  const ritaToken = await createApiToken(server.app.db, rita);
  const ednaToken = await createApiToken(server.app.db, edna);
  const sentences = await seedSentenceIds(server.app.app);
  publishedClaim = await createClaim(server.app.app, ritaToken, { sentenceId: sentences[3] });
  await fileCheck(server.app.app, ritaToken, publishedClaim, { verdict: 'mostly-true' });
  await fileCheck(server.app.app, ednaToken, publishedClaim, { verdict: 'true' });
  await request(server.app.app)
    .post(`/api/v1/claims/${publishedClaim}/decision`)
    .set(bearer(ednaToken))
    .send({ verdict: 'mostly-true', summary: 'CBP counted about 24,000 encounters in fiscal 2023.', publish: true })
    .expect(200);
  // A discussion on the published claim (both have filed), for the claim pages' thread.
  const comment = await request(server.app.app)
    .post(`/api/v1/claims/${publishedClaim}/comments`)
    .set(bearer(ritaToken))
    .send({ body: 'The CBP table says **24,000**.' })
    .expect(201);
  await request(server.app.app)
    .post(`/api/v1/claims/${publishedClaim}/comments`)
    .set(bearer(ednaToken))
    .send({ body: 'Agreed, @' + rita.username + '.', parentId: comment.body.comment.id })
    .expect(201);
  // A webhook with a delivery in its log, for the admin page (nothing is sent: no worker runs here).
  const adminToken = await createApiToken(server.app.db, admin);
  await request(server.app.app)
    .post('/api/v1/webhooks')
    .set(bearer(adminToken))
    .send({ url: 'https://93.184.216.34/hook', events: ['claim.created'], secret: 'a secret of sixteen+' })
    .expect(201);
  // Work for rita: one overdue-to-be and one undated assignment (My work, the queue's Assigned column).
  const assigned = await createClaim(server.app.app, ritaToken, { sentenceId: sentences[5] });
  await request(server.app.app)
    .post('/api/v1/assignments')
    .set(bearer(ednaToken))
    .send({ claimIds: [assigned], username: rita.username, due: new Date().toISOString().slice(0, 10) })
    .expect(201);
  const disputed = await createClaim(server.app.app, ritaToken, { sentenceId: sentences[4] });
  await fileCheck(server.app.app, ritaToken, disputed, { verdict: 'false' });
  await fileCheck(server.app.app, ednaToken, disputed, { verdict: 'true' });
  // An article with a second revision, for the revisions page and its word diff.
  await request(server.app.app)
    .post('/api/v1/articles')
    .set(bearer(ednaToken))
    .send({ slug: 'ferry-fares', title: 'Ferry fares rise', text: 'Fares rise by 20 percent in April.\n\nCommuters object.' })
    .expect(201);
  await request(server.app.app)
    .put('/api/v1/articles/ferry-fares')
    .set(bearer(ednaToken))
    .send({ text: 'Fares rise by 25 percent in April.\n\nCommuters object. The council will vote again.' })
    .expect(200);
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.close();
});

async function context(options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  const created = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  contexts.push(created);
  return created;
}

const activeDescription = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    return active ? `${active.tagName.toLowerCase()}.${active.className}|${active.textContent?.slice(0, 40)}` : '';
  });

describe('without JavaScript', () => {
  test('when JavaScript is off, then a reviewer checks through the forms and a reader reaches the verdict through the Fact-checks links', async () => {
    const reviewer = await signInPage(await context({ javaScriptEnabled: false }), server.baseUrl, rita.username, rita.password);
    await reviewer.goto(`${server.baseUrl}/articles/${SEED_SLUG}`);
    await reviewer.click('text=Check a claim');
    await reviewer.selectOption('#sentenceId', {
      label: 'Their trip usually starts with a flight to Ecuador, a country that allows visa-free travel from the PRC.',
    });
    await Promise.all([reviewer.waitForURL(/\/claims\/\d+$/), reviewer.click('button:has-text("Continue to the check")')]);
    await reviewer.check('input[name="verdict"][value="true"]');
    await reviewer.fill('#rationale', 'Official visa policy.');
    await reviewer.fill('#source-url-0', 'https://www.cancilleria.gob.ec/visas');
    await reviewer.click('button:has-text("File my check")');
    await reviewer.locator('h2#checks-heading').waitFor();
    expect(await reviewer.locator('h2#checks-heading').textContent()).toBe('Checks');

    const reader = await (await context({ javaScriptEnabled: false })).newPage();
    await reader.goto(`${server.baseUrl}/articles/${SEED_SLUG}`);
    await reader.click('a.verdict-badge >> nth=0');
    expect(reader.url()).toMatch(/#fc-\d+$/);
    expect(await reader.locator('.factcheck').first().textContent()).toContain('CBP counted about 24,000 encounters');
    await reader.click('text=Full fact-check >> nth=0');
    expect(await reader.locator('#decision-heading').textContent()).toBe('Published verdict');
  });
});

describe('keyboard only', () => {
  test('when a reviewer uses only the keyboard, then they open a sentence, file a check, and Escape returns focus to the sentence', async () => {
    const page = await signInPage(await context(), server.baseUrl, rita.username, rita.password);
    await page.goto(`${server.baseUrl}/articles/${SEED_SLUG}`);
    await page.locator('article.reviewing').waitFor();
    let found = false;
    for (let i = 0; i < 80 && !found; i++) {
      await page.keyboard.press('Tab');
      found = (await activeDescription(page)).includes('Chinese who opt to enter');
    }
    expect(found).toBe(true);
    await page.keyboard.press('Enter');
    await page.locator('.review-sheet textarea[name="rationale"]').waitFor();
    expect(await activeDescription(page)).toContain('Check this claim');
    await page.keyboard.press('Tab'); // close button
    await page.keyboard.press('Tab'); // statement
    await page.keyboard.type('Smuggling costs tens of thousands of dollars.');
    await page.keyboard.press('Tab'); // first verdict radio
    await page.keyboard.press('ArrowRight'); // mostly-false
    await page.keyboard.press('Tab'); // confidence
    await page.keyboard.press('Tab'); // rationale
    await page.keyboard.type('Reported fees range from 5,000 to 35,000 dollars.');
    await page.keyboard.press('Tab'); // source url
    await page.keyboard.type('https://thediplomat.com/2023/06/');
    await page.locator('.review-sheet button[type="submit"]').focus();
    await page.keyboard.press('Enter');
    await page.locator('.review-sheet').getByText('Your check was filed').waitFor();
    const check = await server.app
      .db('checks')
      .join('claims', 'claims.id', 'checks.claim_id')
      .where('claims.exact', 'like', 'Chinese who opt to enter%')
      .first('checks.verdict');
    expect(check.verdict).toBe('mostly-false');
    await page.keyboard.press('Escape');
    await page.locator('.review-sheet').waitFor({ state: 'hidden' });
    expect(await activeDescription(page)).toContain('Chinese who opt to enter');
  });

  test('when a reader uses only the keyboard, then a verdict badge opens the popover and Escape returns focus to it', async () => {
    const page = await (await context()).newPage();
    await page.goto(`${server.baseUrl}/articles/${SEED_SLUG}`);
    let found = false;
    for (let i = 0; i < 40 && !found; i++) {
      await page.keyboard.press('Tab');
      found = (await activeDescription(page)).startsWith('a.verdict-badge');
    }
    expect(found).toBe(true);
    await page.keyboard.press('Enter');
    await page.locator('.popover[role="dialog"]').waitFor();
    expect(await activeDescription(page)).toContain('Fact-check');
    await page.keyboard.press('Escape');
    await page.locator('.popover').waitFor({ state: 'detached' });
    expect(await activeDescription(page)).toMatch(/^a\.verdict-badge/);
  });
});

describe('small screens', () => {
  test('when the window is 375 px wide, then the review panel is a bottom sheet across the full width', async () => {
    const page = await signInPage(await context({ viewport: { width: 375, height: 740 } }), server.baseUrl, rita.username, rita.password);
    await page.goto(`${server.baseUrl}/articles/${SEED_SLUG}`);
    await page.locator('article.reviewing').waitFor();
    await page.locator('.sentence', { hasText: 'Illegal immigrants from China have cited' }).click();
    const sheet = page.locator('.review-sheet');
    await sheet.locator('textarea').waitFor();
    const box = (await sheet.boundingBox())!;
    expect(box.width).toBe(375);
    expect(Math.round(box.y + box.height)).toBe(740);
    await screenshot(page, 'reviewer-sheet-375');
  });
});

describe('accessibility (axe-core) and screenshots', () => {
  const pages: [string, string][] = [
    ['article-overlay', `/articles/${SEED_SLUG}`],
    ['claim', '/claims/PUBLISHED'],
    ['claim-editor', '/claims/PUBLISHED'],
    ['review-queue', '/review'],
    ['login', '/login'],
    ['account', '/account'],
    ['admin-users', '/admin/users'],
    ['home', '/'],
    ['api-docs', '/api/docs'],
    ['new-article', '/articles/new'],
    ['article-edit', '/articles/ferry-fares/edit'],
    ['revisions', '/articles/ferry-fares/revisions'],
    ['claim-card', '/embed/claims/PUBLISHED'],
    ['embed-configure', `/articles/${SEED_SLUG}/embed`],
    ['search', '/search?q=Ecuador'],
    ['my-work', '/me/work'],
    ['assign', '/review/assign?claimIds=PUBLISHED'],
    ['claim-reviewer-discussion', '/claims/PUBLISHED'],
    ['notifications', '/notifications'],
    ['admin-webhooks', '/admin/webhooks'],
  ];

  /** One page per viewer and width, signed in once and reused. */
  const viewers = new Map<string, Page>();
  async function pageFor(who: TestUser | null, width: number, height: number): Promise<Page> {
    const key = `${who?.username ?? 'reader'}-${width}`;
    if (!viewers.has(key)) {
      const ctx = await context({ viewport: { width, height }, bypassCSP: true });
      viewers.set(key, who ? await signInPage(ctx, server.baseUrl, who.username, who.password) : await ctx.newPage());
    }
    return viewers.get(key)!;
  }

  test.each(pages.map(([name, path]) => [name, path] as const))(
    'when %s (%s) is checked by axe, then it has no serious or critical violations',
    async (name, path) => {
      const who = ['claim-editor', 'review-queue', 'new-article', 'article-edit', 'assign'].includes(name)
        ? edna
        : ['account', 'my-work', 'claim-reviewer-discussion', 'notifications'].includes(name)
          ? rita
          : name === 'admin-users' || name === 'admin-webhooks'
            ? admin
            : null;
      for (const [width, height, suffix] of [
        [1280, 900, 'desktop'],
        [375, 740, '375'],
      ] as const) {
        const page = await pageFor(who, width, height);
        await page.goto(`${server.baseUrl}${path.replace('PUBLISHED', String(publishedClaim))}`);
        await page.waitForLoadState('networkidle');
        await screenshot(page, `${name}-${suffix}`);
        const violations = await seriousAxeViolations(page);
        expect(violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      }
    },
  );
});
