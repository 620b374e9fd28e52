/**
 * Search and claim matching (issue 15) over 10,000 claims in 100 articles on SQLite, built
 * straight through SQL (the index triggers fill the FTS5 table as rows go in). The claim-matching
 * test set's claims are among them, so its recall is measured at this size too. Prints figures;
 * asserts nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { migrate, openDb } from '../src/db/knex';
import { insertQuotedArticle } from './sql-fixture';

import { SYSTEM_ACTOR } from '../src/modules/audit';
import { createServices } from '../src/services';

import { MATCHING_PAIRS, RECORDED_CLAIMS } from '../test/modules/search/claim-matching-pairs';

export interface SearchFigures {
  claims: number;
  articles: number;
  buildSeconds: number;
  search: { anonymous: Percentiles; reviewer: Percentiles };
  similar: Percentiles;
  matching: { pairs: number; recallAt5: number; nearMissesShownSame: number; nearMisses: number };
}
interface Percentiles {
  queries: number;
  p50: number;
  p95: number;
}

const ARTICLES = 100;
const CLAIMS_PER_ARTICLE = 100;
const SUBJECTS = [
  'Border Patrol agents',
  'The city council',
  'The health ministry',
  'Researchers',
  'The central bank',
  'Police',
  'The school board',
  'Farmers',
];
const VERBS = ['arrested', 'spent', 'reported', 'counted', 'approved', 'lost', 'built', 'tested'];
const OBJECTS = ['migrants', 'euros on roads', 'new cases', 'volunteers', 'homes', 'jobs', 'trees', 'schools', 'buses', 'patients'];
const PLACES = ['in Texas', 'in Ecuador', 'in France', 'in Germany', 'in India', 'in Arizona', 'in Panama', 'in Europe'];

const percentiles = (values: number[]): Percentiles => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] * 10) / 10;
  return { queries: values.length, p50: at(0.5), p95: at(0.95) };
};

/** A deterministic pseudo-random sequence, so runs compare. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

export async function measureSearch(): Promise<SearchFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-search-bench-'));
  const db = openDb({ client: 'sqlite', filename: path.join(dir, 'bench.sqlite') });
  try {
    await migrate(db);
    const started = performance.now();
    const accounts = createServices(db, { minOrdinalChecks: 2 }).accounts;
    const editor = await accounts.createUser(
      { username: 'bench-editor', password: 'a long bench passphrase', role: 'editor', displayName: undefined },
      SYSTEM_ACTOR,
    );
    const rand = random(42);
    const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)];
    const now = new Date().toISOString();
    const keyed = new Map<string, number>();
    for (let a = 0; a < ARTICLES; a++) {
      const quotes: string[] = [];
      if (a === 0) quotes.push(...RECORDED_CLAIMS.map((c) => c.quote));
      while (quotes.length < CLAIMS_PER_ARTICLE)
        quotes.push(
          `${pick(SUBJECTS)} ${pick(VERBS)} ${Math.floor(rand() * 90_000) + 100} ${pick(OBJECTS)} ${pick(PLACES)} in ${2000 + Math.floor(rand() * 25)}.`,
        );
      const { claimRows: rows } = await insertQuotedArticle(db, {
        slug: `bench-${a}`,
        title: `Bench story ${a}: ${pick(OBJECTS)} ${pick(PLACES)}`,
        quotes,
        createdBy: editor.id,
        now,
      });
      const ids: number[] = [];
      for (let i = 0; i < rows.length; i += 50) {
        const inserted = await db('claims')
          .insert(rows.slice(i, i + 50))
          .returning('id');
        ids.push(...inserted.map((r: { id: number } | number) => Number(typeof r === 'object' ? r.id : r)));
      }
      if (a === 0) RECORDED_CLAIMS.forEach((c, i) => keyed.set(c.key, ids[i]));
      const published = ids.filter((_, i) => (a === 0 ? RECORDED_CLAIMS[i]?.published : i % 3 === 0));
      for (let i = 0; i < published.length; i += 50)
        await db('decisions').insert(
          published.slice(i, i + 50).map((claimId) => ({
            claim_id: claimId,
            verdict: 'mostly-true',
            summary: 'Bench summary of the evidence.',
            published: true,
            first_published_at: now,
            decided_by: editor.id,
            decided_at: now,
          })),
        );
    }
    const buildSeconds = Math.round((performance.now() - started) / 100) / 10;

    const { search } = createServices(db, { minOrdinalChecks: 2 });
    const words = ['migrants', 'Texas', 'volunteers', 'council spent', '"central bank"', 'arrest*', 'Ecuador visa', 'schools 2019', 'patients India', 'homes'];
    const time = async (run: () => Promise<unknown>) => {
      const t0 = performance.now();
      await run();
      return performance.now() - t0;
    };
    for (const q of words) await search.search({ q, type: undefined, page: 1 }, null); // warm-up
    const anonymous: number[] = [];
    const reviewer: number[] = [];
    for (let round = 0; round < 20; round++)
      for (const q of words) {
        anonymous.push(await time(() => search.search({ q, type: undefined, page: 1 }, null)));
        reviewer.push(await time(() => search.search({ q, type: undefined, page: 1 + (round % 3) }, { id: editor.id + 1000, role: 'reviewer' })));
      }
    const similarTimes: number[] = [];
    let found = 0;
    let paraphrases = 0;
    let nearSame = 0;
    for (const pair of MATCHING_PAIRS) {
      let list: Awaited<ReturnType<typeof search.similar>> = [];
      similarTimes.push(await time(async () => (list = await search.similar(pair.text))));
      const target = list.find((s) => s.claimId === keyed.get(pair.target));
      if (pair.kind === 'paraphrase') {
        paraphrases += 1;
        if (target) found += 1;
      } else if (target?.relation === 'same') nearSame += 1;
    }
    for (let i = 0; i < 100; i++) {
      const text = `${pick(SUBJECTS)} ${pick(VERBS)} ${Math.floor(rand() * 90_000)} ${pick(OBJECTS)} ${pick(PLACES)}`;
      similarTimes.push(await time(() => search.similar(text)));
    }
    return {
      claims: ARTICLES * CLAIMS_PER_ARTICLE,
      articles: ARTICLES,
      buildSeconds,
      search: { anonymous: percentiles(anonymous), reviewer: percentiles(reviewer) },
      similar: percentiles(similarTimes),
      matching: {
        pairs: MATCHING_PAIRS.length,
        recallAt5: Math.round((found / paraphrases) * 1000) / 1000,
        nearMissesShownSame: nearSame,
        nearMisses: MATCHING_PAIRS.length - paraphrases,
      },
    };
  } finally {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  measureSearch().then((figures) => console.log(JSON.stringify(figures, null, 2)));
}
