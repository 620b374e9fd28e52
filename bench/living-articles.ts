/**
 * Living articles (issue 13): re-anchoring 300 claims on a 5,000-word article after an edit, the
 * whole update through the services on SQLite (revision, sentences, claims, in one transaction),
 * and extraction of a heavy news page. Prints figures; asserts nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PROJECT_ROOT } from '../src/config';
import { migrateAndImportContent } from '../src/bootstrap';
import { openDb } from '../src/db/knex';
import { wordDiff } from '../src/lib/text-diff';
import { extractArticle } from '../src/extraction/html-article';

import { composeDocument, draftsFromPlainText } from '../src/modules/articles/article-document';
import { SYSTEM_ACTOR } from '../src/modules/audit';
import { createServices } from '../src/services';
import { anchorAt } from '../src/modules/anchoring/anchoring';
import { foldTypography, PositionMap, reanchor, type CurrentAnchor } from '../src/modules/anchoring/reanchoring';

import { newsPage } from '../test/support/news-page';

export interface LivingArticleFigures {
  words: number;
  claims: number;
  reanchorMedianMs: number;
  reanchorOutcome: Record<string, number>;
  updateMedianMs: number;
  extraction: { pageKb: number; medianMs: number; blocks: number };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The seed's paragraphs repeated to 5,000 words, as the main benchmark's article. */
function bigBody(): { paragraphs: string[]; words: number } {
  const seed = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'content', 'articles', 'chinese-nationals-arrested-at-us-southern-border.json'), 'utf8')) as {
    body: { kind: string; text: string }[];
  };
  const paragraphs: string[] = [];
  let words = 0;
  for (let round = 1; words < 5000; round++) {
    for (const block of seed.body) {
      paragraphs.push(block.kind === 'heading' ? `## ${block.text} (part ${round})` : `${block.text} (Part ${round}.)`);
      words += block.text.split(/\s+/).length;
      if (words >= 5000) break;
    }
  }
  return { paragraphs, words };
}

/** A correction as newsrooms make them: an editor's note on top, a figure fixed, a sentence cut. */
function corrected(paragraphs: string[], round: number): string {
  const copy = [...paragraphs];
  copy[0] = copy[0].replace(/over \d+,\d+ arrested/, `over 2${round},500 arrested`);
  copy[2] = copy[2].replace('tens of thousands', 'many tens of thousands');
  copy[10] = copy[10].replace(/^[^.]*\.\s*/, '');
  return [`Editor’s note (${round}): this article was corrected.`, ...copy].join('\n\n');
}

/** Claims on 300 spans: whole sentences first, then quotes inside sentences. */
function claimSpans(text: string, sentences: { start: number; end: number }[]): { start: number; end: number }[] {
  const spans = sentences.slice(0, 300).map((s) => ({ start: s.start, end: s.end }));
  for (let i = 0; spans.length < 300; i++) {
    const s = sentences[i % sentences.length];
    const start = s.start + Math.min(10, Math.floor((s.end - s.start) / 4));
    spans.push({ start, end: Math.min(s.end, start + 30 + (i % 20)) });
  }
  return spans.filter((span) => text.slice(span.start, span.end).trim() !== '');
}

function measureReanchoring(paragraphs: string[]) {
  const before = composeDocument('bench', draftsFromPlainText('Benchmark article', paragraphs.join('\n\n')));
  const after = composeDocument('bench', draftsFromPlainText('Benchmark article', corrected(paragraphs, 1))).text;
  const claims: CurrentAnchor[] = claimSpans(before.text, before.sentences).map((span) => {
    const anchor = anchorAt(before.text, span.start, span.end);
    return { ...anchor, status: 'exact', checkedExact: anchor.exact };
  });
  const times: number[] = [];
  const outcome: Record<string, number> = {};
  for (let run = 0; run < 7; run++) {
    const started = performance.now();
    const map = new PositionMap(wordDiff(before.text, after));
    const folded = foldTypography(after);
    const results = claims.map((claim) => reanchor(claim, after, folded, map));
    times.push(performance.now() - started);
    if (run === 0) for (const r of results) outcome[r.status] = (outcome[r.status] ?? 0) + 1;
  }
  return { claims: claims.length, medianMs: Number(median(times).toFixed(1)), outcome };
}

async function measureUpdate(paragraphs: string[]): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-bench-living-'));
  const db = openDb({ client: 'sqlite', filename: path.join(dir, 'living.sqlite') });
  try {
    await migrateAndImportContent(db);
    const accounts = createServices(db, { minOrdinalChecks: 2 }).accounts;
    const editor = await accounts.createUser(
      { username: 'living-editor', password: 'benchmark password', role: 'editor', displayName: undefined },
      SYSTEM_ACTOR,
    );
    const articles = createServices(db, { minOrdinalChecks: 2 }).articles;
    const { claims, revisions } = createServices(db, { minOrdinalChecks: 2 });
    const article = await articles.create({ title: 'Benchmark article', text: paragraphs.join('\n\n'), slug: 'living-bench' } as never, editor.id);
    const author = { id: editor.id, role: 'editor' as const };
    for (const span of claimSpans(article.text, article.sentences))
      await claims.create(
        'living-bench',
        { quote: { exact: article.text.slice(span.start, span.end), start: span.start, end: span.end }, statement: null },
        author,
      );
    const times: number[] = [];
    for (let round = 1; round <= 5; round++) {
      const started = performance.now();
      await revisions.update('living-bench', { text: corrected(paragraphs, round) } as never, editor.id);
      times.push(performance.now() - started);
    }
    return Number(median(times).toFixed(1));
  } finally {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function measureExtraction(paragraphs: string[]) {
  const html = newsPage({
    headline: 'Benchmark article',
    standfirst: 'A heavy page: the article inside menus, ads, related links and scripts.',
    byline: 'Bench',
    publishedAt: '2024-01-01',
    canonical: 'https://news.example/bench',
    caption: { text: 'A photo.', credit: 'Photo: Bench' },
    body: paragraphs,
    furniture: 100,
    inlineDataKb: 400,
  });
  const times: number[] = [];
  let blocks = 0;
  for (let run = 0; run < 7; run++) {
    const started = performance.now();
    blocks = extractArticle(html).blocks.length;
    times.push(performance.now() - started);
  }
  return { pageKb: Math.round(Buffer.byteLength(html) / 1024), medianMs: Number(median(times).toFixed(1)), blocks };
}

export async function measureLivingArticles(): Promise<LivingArticleFigures> {
  const { paragraphs, words } = bigBody();
  const reanchoring = measureReanchoring(paragraphs);
  return {
    words,
    claims: reanchoring.claims,
    reanchorMedianMs: reanchoring.medianMs,
    reanchorOutcome: reanchoring.outcome,
    updateMedianMs: await measureUpdate(paragraphs),
    extraction: measureExtraction(paragraphs),
  };
}

if (require.main === module) {
  measureLivingArticles().then((figures) => console.log(JSON.stringify(figures, null, 2)));
}
