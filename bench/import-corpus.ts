/**
 * Imports through the production server (issue 25): every page of the Readability corpus
 * (test/fixtures/readability) posted as HTML by an editor, as a newsroom would paste it, timed
 * from request to answer, and scored as the regression test scores it (word F1 against what
 * Readability keeps, title and byline against the metadata it finds).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PROJECT_ROOT } from '../src/config';
import { migrateAndImportContent } from '../src/bootstrap';
import { openDb } from '../src/db/knex';
import { SYSTEM_ACTOR } from '../src/modules/audit';
import { createServices } from '../src/services';
import { corpusPageNames, expectedText, readCorpusPage, sameByline, sameTitle, wordScore, wordsOf } from '../test/support/readability-corpus';

export interface CorpusPageRow {
  page: string;
  kb: number;
  status: number;
  ms: number;
  f1: number | null;
  titleRight: boolean | null;
  bylineRight: boolean | null;
}

export interface ImportCorpusFigures {
  pages: number;
  imported: number;
  faithful: number;
  titlesRight: number;
  bylinesRight: number;
  medianMs: number;
  worst: { page: string; ms: number; kb: number };
  rows: CorpusPageRow[];
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

function post(port: number, token: string, body: string): Promise<{ status: number; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/v1/articles',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let data = '';
        res.on('data', (chunk) => (data += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(data || '{}') as Record<string, unknown> }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function editorToken(dbFile: string): Promise<string> {
  const db = openDb({ client: 'sqlite', filename: dbFile });
  try {
    await migrateAndImportContent(db);
    const { accounts } = createServices(db, { minOrdinalChecks: 2 });
    const editor = await accounts.createUser(
      { username: 'corpus-editor', password: 'benchmark password', role: 'editor', displayName: undefined },
      SYSTEM_ACTOR,
    );
    return (await accounts.createToken(editor.id, 'corpus', SYSTEM_ACTOR)).token;
  } finally {
    await db.destroy();
  }
}

export async function measureImportCorpus(): Promise<ImportCorpusFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-corpus-'));
  const dbFile = path.join(dir, 'corpus.sqlite');
  const token = await editorToken(dbFile);
  const port = await freePort();
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
  try {
    for (let tries = 0; ; tries++) {
      const up = await new Promise<boolean>((resolve) =>
        http.get({ host: '127.0.0.1', port, path: '/healthz' }, (res) => resolve(res.statusCode === 200)).on('error', () => resolve(false)),
      );
      if (up) break;
      if (tries > 400) throw new Error('the server did not start');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const rows: CorpusPageRow[] = [];
    for (const name of corpusPageNames()) {
      const page = readCorpusPage(name);
      const started = performance.now();
      const { status, json } = await post(port, token, JSON.stringify({ html: page.source }));
      const ms = Math.round(performance.now() - started);
      const row: CorpusPageRow = {
        page: name,
        kb: Math.round(Buffer.byteLength(page.source) / 1024),
        status,
        ms,
        f1: null,
        titleRight: null,
        bylineRight: null,
      };
      if (status === 201) {
        const article = json as { title: string; byline: string | null; text: string; blocks: { kind: string; start: number; end: number }[] };
        const body = article.blocks
          .filter((block) => block.kind !== 'headline')
          .map((block) => article.text.slice(block.start, block.end))
          .join('\n');
        row.f1 = Math.round(wordScore(wordsOf(body), wordsOf(expectedText(page.expectedHtml))).f1 * 1000) / 1000;
        row.titleRight = sameTitle(article.title, page.expected.title);
        row.bylineRight = sameByline(article.byline, page.expected.byline);
      }
      rows.push(row);
    }
    const times = rows.map((row) => row.ms).sort((a, b) => a - b);
    const worst = rows.reduce((a, b) => (b.ms > a.ms ? b : a));
    return {
      pages: rows.length,
      imported: rows.filter((row) => row.status === 201).length,
      faithful: rows.filter((row) => (row.f1 ?? 0) >= 0.99).length,
      titlesRight: rows.filter((row) => row.titleRight).length,
      bylinesRight: rows.filter((row) => row.bylineRight).length,
      medianMs: times[Math.floor(times.length / 2)],
      worst: { page: worst.page, ms: worst.ms, kb: worst.kb },
      rows,
    };
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The page-by-page table the README and RESULTS.md carry. */
export function corpusTable(figures: ImportCorpusFigures): string {
  const mark = (value: boolean | null) => (value === null ? '–' : value ? '✔' : '✘');
  return [
    `| Page | KB | Answer | ms | Word F1 | Title | Byline |`,
    `|---|---|---|---|---|---|---|`,
    ...figures.rows.map(
      (row) =>
        `| ${row.page} | ${row.kb} | ${row.status} | ${row.ms} | ${row.f1 === null ? '–' : row.f1.toFixed(3)} | ${mark(row.titleRight)} | ${mark(row.bylineRight)} |`,
    ),
  ].join('\n');
}
