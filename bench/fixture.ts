/**
 * The benchmark's database: the seed article, a 5,000-word article with 300 claims (5 checks
 * each, 200 published), and 700 more claims (5 checks each) on the seed article: 1,000 in all.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import { migrateAndImportContent } from '../src/bootstrap';
import { openDb } from '../src/db/knex';

import { type Viewer } from '../src/modules/claims';
import type { Verdict } from '../src/modules/verdicts';
import { SYSTEM_ACTOR } from '../src/modules/audit';
import { createServices } from '../src/services';

export const BIG_SLUG = 'benchmark-article';
export const SEED_SLUG = 'chinese-nationals-arrested-at-us-southern-border';
const VERDICTS: Verdict[] = ['false', 'mostly-false', 'mixed', 'mostly-true', 'true'];

export interface BenchFixture {
  dir: string;
  dbFile: string;
  editorToken: string;
  writerTokens: string[];
  claimIds: number[];
  publishedClaimId: number;
  words: number;
}

export async function buildFixture(writers: number): Promise<BenchFixture> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-bench-'));
  const dbFile = path.join(dir, 'bench.sqlite');
  const db = openDb({ client: 'sqlite', filename: dbFile });
  try {
    await migrateAndImportContent(db);
    const { articles, accounts, claims, checks, review } = createServices(db, { minOrdinalChecks: 2 });
    const user = async (name: string, role: 'reviewer' | 'editor') =>
      accounts.createUser({ username: name, password: 'benchmark password', role, displayName: undefined }, SYSTEM_ACTOR);
    const editor = await user('bench-editor', 'editor');
    const reviewers: Viewer[] = [];
    for (let r = 0; r < 5; r++) reviewers.push(await user(`bench-reviewer-${r}`, 'reviewer'));
    const writerTokens: string[] = [];
    for (let w = 0; w < writers; w++)
      writerTokens.push((await accounts.createToken((await user(`bench-writer-${w}`, 'reviewer')).id, 'bench', SYSTEM_ACTOR)).token);

    const seed = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'content', 'articles', `${SEED_SLUG}.json`), 'utf8')) as {
      body: { kind: string; text: string }[];
    };
    const paragraphs: string[] = [];
    let words = 0;
    for (let round = 1; words < 5000; round++) {
      for (const block of seed.body) {
        const text = block.kind === 'heading' ? `## ${block.text} (part ${round})` : block.text;
        paragraphs.push(text);
        words += block.text.split(/\s+/).length;
        if (words >= 5000) break;
      }
    }
    const big = await articles.create(
      { title: 'Benchmark article', text: paragraphs.join('\n\n'), byline: 'Bench', publishedAt: '2024-01-01', sourceUrl: null, slug: BIG_SLUG },
      editor.id,
    );

    const editorViewer: Viewer = { id: editor.id, role: 'editor' };
    const claimIds: number[] = [];
    const spans = new Set<string>();
    const addClaim = async (slug: string, text: string, start: number, end: number) => {
      if (spans.has(`${slug}:${start}:${end}`)) return false;
      spans.add(`${slug}:${start}:${end}`);
      const { claim, created } = await claims.create(slug, { quote: { exact: text.slice(start, end), start, end }, statement: null }, reviewers[0]);
      if (!created) return false; // trimmed to a span that already has a claim
      for (const [r, reviewer] of reviewers.entries()) {
        await checks.file(
          claim.id,
          {
            verdict: VERDICTS[((claim.id + r) % 3) + 1],
            confidence: 'medium',
            rationale: 'Benchmark rationale with **Markdown**.',
            sources: [{ url: `https://example.org/${claim.id}/${r}`, title: 'Source', stance: 'supports', quote: null }],
          },
          reviewer,
        );
      }
      claimIds.push(claim.id);
      return true;
    };
    for (const sentence of big.sentences) if (claimIds.length < 300) await addClaim(BIG_SLUG, big.text, sentence.start, sentence.end);
    for (let i = 0; claimIds.length < 300; i++) await addClaim(BIG_SLUG, big.text, i * 11, i * 11 + 25 + (i % 7));
    for (const id of claimIds.slice(0, 200))
      await review.decide(id, { verdict: 'mixed', summary: 'Benchmark summary for readers.', note: 'Benchmark.', publish: true }, editorViewer, {
        actorId: editorViewer.id,
        ip: null,
      });
    const seedArticle = await articles.getBySlug(SEED_SLUG);
    for (let i = 0; claimIds.length < 1000; i++)
      await addClaim(SEED_SLUG, seedArticle.text, (i * 13) % (seedArticle.text.length - 60), ((i * 13) % (seedArticle.text.length - 60)) + 20 + (i % 17));
    const editorToken = (await accounts.createToken(editor.id, 'bench', SYSTEM_ACTOR)).token;
    return { dir, dbFile, editorToken, writerTokens, claimIds, publishedClaimId: claimIds[0], words };
  } finally {
    await db.destroy();
  }
}
