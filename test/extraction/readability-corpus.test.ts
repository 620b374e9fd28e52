/**
 * Mozilla Readability's own test pages (test/fixtures/readability: the 77 pages of its corpus that
 * are news articles and blog posts from real sites) imported through the API as an editor would,
 * each scored against what Readability keeps and the metadata it finds. The report is written to
 * test-output/readability-corpus.json; the README carries the table.
 */
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { createApiToken, createUser } from '../support/factories';
import { createTestApp, type TestApp } from '../support/app';
import { corpusPageNames, expectedText, readCorpusPage, sameByline, sameTitle, wordScore, wordsOf, type WordScore } from '../support/readability-corpus';

interface PageReport {
  page: string;
  status: number;
  message?: string;
  warnings?: string[];
  words?: WordScore & { ours: number; expected: number };
  title?: { ours: string; expected: string | null; right: boolean };
  byline?: { ours: string | null; expected: string | null; right: boolean };
}

let t: TestApp;
let token: string;
const reports: PageReport[] = [];

beforeAll(async () => {
  t = await createTestApp();
  token = await createApiToken(t.db, await createUser(t.db, 'editor'));
  for (const name of corpusPageNames()) {
    const page = readCorpusPage(name);
    const res = await request(t.app).post('/api/v1/articles').set('Authorization', `Bearer ${token}`).send({ html: page.source });
    const report: PageReport = { page: name, status: res.status };
    if (res.status !== 201) report.message = res.body?.error?.message;
    else {
      const article = res.body as {
        title: string;
        byline: string | null;
        text: string;
        blocks: { kind: string; start: number; end: number }[];
        warnings?: string[];
      };
      const body = article.blocks
        .filter((block) => block.kind !== 'headline')
        .map((block) => article.text.slice(block.start, block.end))
        .join('\n');
      const ours = wordsOf(body);
      const expected = wordsOf(expectedText(page.expectedHtml));
      report.words = { ...wordScore(ours, expected), ours: ours.length, expected: expected.length };
      report.title = { ours: article.title, expected: page.expected.title, right: sameTitle(article.title, page.expected.title) };
      report.byline = { ours: article.byline, expected: page.expected.byline, right: sameByline(article.byline, page.expected.byline) };
      if (article.warnings?.length) report.warnings = article.warnings;
    }
    reports.push(report);
  }
  const out = path.resolve(__dirname, '../../test-output');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'readability-corpus.json'), JSON.stringify(reports, null, 2));
}, 300_000);
afterAll(() => t.close());

const imported = () => reports.filter((report) => report.status === 201);

describe("Readability's test pages, imported", () => {
  test('when every news and blog page of the corpus is imported, then all but at most one are stored', () => {
    const refused = reports.filter((report) => report.status !== 201).map((report) => `${report.page}: ${report.status} ${report.message}`);
    expect(reports).toHaveLength(77);
    expect(refused.length).toBeLessThanOrEqual(1);
  });

  test('when the stored text is compared with what Readability keeps, then word F1 is at least 0.99 on at least 72 pages', () => {
    const faithful = imported().filter((report) => report.words!.f1 >= 0.99);
    expect(faithful.length).toBeGreaterThanOrEqual(72);
  });

  test('when titles and bylines are compared with the metadata Readability finds, then each is right on at least 70 pages', () => {
    expect(imported().filter((report) => report.title!.right).length).toBeGreaterThanOrEqual(70);
    expect(imported().filter((report) => report.byline!.right).length).toBeGreaterThanOrEqual(70);
  });

  test('when a page is stored, then it is never only site chrome: it keeps most of what Readability keeps', () => {
    const chrome = imported().filter((report) => report.words!.recall < 0.5);
    expect(chrome.map((report) => report.page)).toEqual([]);
  });
});
