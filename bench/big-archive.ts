/**
 * The second fixture (issue 17): 100,000 claims with 3 checks each across 1,000 articles, one of
 * them holding 10,000 claims, built straight through SQL on SQLite, then the stored aggregates
 * computed by the same code the app runs (`rebuildClaimStats`). Measures what must not grow with
 * the archive: the review queue's first and a deep page (time and SQL queries), and Krippendorff's
 * alpha over the 10,000-claim article.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PROJECT_ROOT } from '../src/config';
import { migrate, openDb } from '../src/db/knex';
import { insertQuotedArticle } from './sql-fixture';

import { SYSTEM_ACTOR } from '../src/modules/audit';
import { createServices } from '../src/services';

import { runStatsCommand, verifyClaimStats } from '../src/modules/review';
import { decisionsReader, VERDICTS } from '../src/modules/verdicts';

const ARTICLES = 1_000;
const CLAIMS = 100_000;
const BIG_ARTICLE_CLAIMS = 10_000;
const CHECKS_PER_CLAIM = 3;
const PAGE = 50;
const DEEP_AT = 50_000;
const DEEP_ARTICLE = 750;
type Timing = { medianMs: number; queries: number };

export interface BigArchiveFigures {
  claims: number;
  checks: number;
  articles: number;
  buildSeconds: number;
  statsRebuildSeconds: number;
  statsVerifySeconds: number;
  queueFirstPage: { medianMs: number; queries: number };
  queueDeepPage: { position: number; medianMs: number; queries: number };
  queueWalkMedianMsPer200: number;
  alphaBigArticle: { claims: number; medianMs: number; ordinal: number | null };
  /** The article list's first page and its page at article 750 (of 1,000), and an address look-up that finds nothing (most publisher pages). */
  articleList: { firstPage: Timing; deepPage: Timing & { position: number }; lookupMiss: Timing };
  csvExportAll: { rows: number; megabytes: number; seconds: number; rssBeforeMb: number; rssGrowthMb: number };
}

function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)] * 10) / 10;
};

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

/**
 * The export of every claim through the production server, as an editor downloads it: the
 * server's resident memory (read from /proc) before the download, after serving a warm-up
 * request, and its peak while the 100,000 rows stream to a counting client.
 */
async function measureServerExport(dbFile: string, token: string): Promise<BigArchiveFigures['csvExportAll']> {
  const port = await new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(free));
    });
  });
  const server = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'src', 'server.js')], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: dbFile,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      SESSION_SECRET: 'benchmark-secret-benchmark-secret',
    },
    stdio: 'ignore',
  });
  const get = (urlPath: string, onData: (chunk: Buffer) => void = () => {}) =>
    new Promise<number>((resolve, reject) =>
      http
        .get({ host: '127.0.0.1', port, path: urlPath, headers: { authorization: `Bearer ${token}` } }, (res) => {
          res.on('data', onData);
          res.on('end', () => resolve(res.statusCode ?? 0));
        })
        .on('error', reject),
    );
  try {
    for (let tries = 0; (await get('/healthz').catch(() => 0)) !== 200; tries++) {
      if (tries > 400) throw new Error('the server did not start');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await get('/api/v1/review'); // warm: the modules and caches a first request loads
    const before = rssMb(server.pid!);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(server.pid!))), 20);
    let bytes = 0;
    let lines = -1; // the header
    const started = performance.now();
    const status = await get('/api/v1/exports/claims.csv', (chunk) => {
      bytes += chunk.length;
      for (const byte of chunk) if (byte === 10) lines += 1;
    });
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    clearInterval(sampler);
    if (status !== 200) throw new Error(`the export answered ${status}`);
    return {
      rows: lines,
      megabytes: Math.round(bytes / 1e5) / 10,
      seconds,
      rssBeforeMb: Math.round(before),
      rssGrowthMb: Math.round((peak - before) * 10) / 10,
    };
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
}

export async function measureBigArchive(): Promise<BigArchiveFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-big-bench-'));
  const db = openDb({ client: 'sqlite', filename: path.join(dir, 'bench.sqlite') });
  try {
    await migrate(db);
    const started = performance.now();
    const accounts = createServices(db, { minOrdinalChecks: 2 }).accounts;
    const people = [];
    for (const role of ['editor', 'reviewer', 'reviewer', 'reviewer'] as const)
      people.push(
        await accounts.createUser({ username: `big-${people.length}`, password: 'a long bench passphrase', role, displayName: undefined }, SYSTEM_ACTOR),
      );
    const [editor, ...reviewers] = people;
    const rand = random(7);
    const now = new Date().toISOString();
    const perArticle = (a: number) =>
      a === 0 ? BIG_ARTICLE_CLAIMS : Math.floor((CLAIMS - BIG_ARTICLE_CLAIMS) / (ARTICLES - 1)) + (a <= (CLAIMS - BIG_ARTICLE_CLAIMS) % (ARTICLES - 1) ? 1 : 0);
    let claimCount = 0;
    for (let a = 0; a < ARTICLES; a++) {
      await db.transaction(async (tx) => {
        const quotes = Array.from({ length: perArticle(a) }, (_, i) => `Claim ${i} of story ${a} counted ${Math.floor(rand() * 90_000)} homes.`);
        const { claimRows: rows } = await insertQuotedArticle(tx, { slug: `big-${a}`, title: `Big story ${a}`, quotes, createdBy: editor.id, now });
        for (let i = 0; i < rows.length; i += 200) {
          const ids = (
            await tx('claims')
              .insert(rows.slice(i, i + 200))
              .returning('id')
          ).map((r: { id: number } | number) => Number(typeof r === 'object' ? r.id : r));
          const checks = ids.flatMap((claimId) =>
            reviewers.map((reviewer) => {
              const verdict = VERDICTS[Math.floor(rand() * VERDICTS.length)];
              return {
                claim_id: claimId,
                reviewer_id: reviewer.id,
                verdict,
                independent_verdict: verdict,
                confidence: 'medium',
                rationale: 'Bench rationale.',
                revision: 1,
                created_at: now,
                updated_at: now,
              };
            }),
          );
          for (let j = 0; j < checks.length; j += 300) await tx('checks').insert(checks.slice(j, j + 300));
          const published = ids.filter(() => rand() < 0.1);
          if (published.length)
            await tx('decisions').insert(
              published.map((claimId) => ({
                claim_id: claimId,
                verdict: 'mixed',
                summary: 'Bench summary.',
                published: true,
                first_published_at: now,
                decided_by: editor.id,
                decided_at: now,
              })),
            );
          claimCount += ids.length;
        }
      });
    }
    const buildSeconds = Math.round((performance.now() - started) / 100) / 10;

    const decisions = decisionsReader(db, { minOrdinalChecks: 2 });
    let t0 = performance.now();
    // As `npm run -s cli -- stats rebuild` does: it also records the MIN_REVIEWS_FOR_CONSENSUS the
    // aggregates were computed with, so the server started below does not recompute them all at
    // start-up (it did until this run: the export's memory was then measured on a heap still
    // holding that start-up's garbage).
    await runStatsCommand(db, ['stats', 'rebuild'], decisions, () => {});
    const statsRebuildSeconds = Math.round((performance.now() - t0) / 100) / 10;
    t0 = performance.now();
    const verified = await verifyClaimStats(db, decisions);
    if (verified.drift.length > 0) throw new Error(`stored aggregates drifted: ${verified.drift.length}`);
    const statsVerifySeconds = Math.round((performance.now() - t0) / 100) / 10;

    const articles = createServices(db, { minOrdinalChecks: 2 }).articles;
    const review = createServices(db, { minOrdinalChecks: 2 }).review;
    let queries = 0;
    db.on('query', () => (queries += 1));
    const measure = async (run: () => Promise<unknown>, rounds = 15) => {
      await run();
      const times: number[] = [];
      const before = queries;
      for (let i = 0; i < rounds; i++) {
        const started = performance.now();
        await run();
        times.push(performance.now() - started);
      }
      return { medianMs: median(times), queries: Math.round((queries - before) / rounds) };
    };
    const queueFirstPage = await measure(() => review.queue({ sort: 'status', limit: PAGE }));
    // Walk to the deep page through the cursors, as a client would, timing every step.
    const walk: number[] = [];
    let after: string | null = null;
    for (let seen = 0; seen < DEEP_AT; seen += 200) {
      const started = performance.now();
      const page: Awaited<ReturnType<typeof review.queue>> = await review.queue({ sort: 'status', limit: 200, after: after ?? undefined });
      walk.push(performance.now() - started);
      after = page.next;
    }
    const deepCursor = after ?? undefined;
    const queueDeepPage = { position: DEEP_AT, ...(await measure(() => review.queue({ sort: 'status', limit: PAGE, after: deepCursor }))) };
    let ordinal: number | null = null;
    const alpha = await measure(async () => (ordinal = (await review.agreement('big-0')).ordinal), 10);

    const firstArticles = await measure(() => articles.listPage(undefined, PAGE));
    let articleCursor: string | undefined;
    for (let seen = 0; seen < DEEP_ARTICLE; seen += PAGE) articleCursor = (await articles.listPage(articleCursor, PAGE)).next ?? undefined;
    const deepArticles = { position: DEEP_ARTICLE, ...(await measure(() => articles.listPage(articleCursor, PAGE))) };
    const lookupMiss = await measure(() => articles.findBySourceUrl('https://news.example/2026/never-imported').catch(() => null));

    const editorToken = (await accounts.createToken(editor.id, 'bench export', SYSTEM_ACTOR)).token;
    await db.destroy();
    const csvExportAll = await measureServerExport(path.join(dir, 'bench.sqlite'), editorToken);

    return {
      csvExportAll,
      claims: claimCount,
      checks: claimCount * CHECKS_PER_CLAIM,
      articles: ARTICLES,
      buildSeconds,
      statsRebuildSeconds,
      statsVerifySeconds,
      queueFirstPage,
      queueDeepPage,
      queueWalkMedianMsPer200: median(walk),
      alphaBigArticle: { claims: BIG_ARTICLE_CLAIMS, medianMs: alpha.medianMs, ordinal },
      articleList: { firstPage: firstArticles, deepPage: deepArticles, lookupMiss },
    };
  } finally {
    await db.destroy(); // a second destroy is harmless
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  measureBigArchive().then((figures) => console.log(JSON.stringify(figures, null, 2)));
}
