/**
 * Checks written per second on PostgreSQL (issue 17 asks for the figure beside SQLite's): a fresh
 * database on the local server (TEST_PG_URL's, as the tests use), 20 writers with tokens and 600
 * claims on the seed article, the production server on it, 20 clients filing checks. Skipped,
 * with the reason, when no PostgreSQL answers.
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import knex from 'knex';
import { migrateAndImportContent } from '../src/bootstrap';
import { PROJECT_ROOT } from '../src/config';
import { openDb } from '../src/db/knex';

import { SYSTEM_ACTOR } from '../src/modules/audit';
import { createServices } from '../src/services';

import { SEED_SLUG } from './fixture';

const PG_ADMIN_URL = process.env.TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/test';
const CLAIMS = 600;

export type WriteFigures = { checksPerSecond: number; written: number; errors: number } | { skipped: string };

export async function measurePostgresWrites(
  writers: number,
  write: (port: number, tokens: string[], claimIds: number[]) => Promise<{ checksPerSecond: number; written: number; errors: number }>,
  freePort: () => Promise<number>,
): Promise<WriteFigures> {
  const admin = knex({ client: 'pg', connection: PG_ADMIN_URL, pool: { min: 0, max: 1 } });
  const name = `factline_bench_${process.pid}_${Date.now()}`;
  try {
    await admin.raw(`create database ${name}`);
  } catch (error) {
    await admin.destroy();
    return { skipped: `no PostgreSQL at ${PG_ADMIN_URL}: ${(error as Error).message}` };
  }
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  try {
    const db = openDb({ client: 'postgres', connectionString: databaseUrl });
    const tokens: string[] = [];
    const claimIds: number[] = [];
    try {
      await migrateAndImportContent(db);
      const accounts = createServices(db, { minOrdinalChecks: 2 }).accounts;
      for (let w = 0; w < writers; w++) {
        const user = await accounts.createUser(
          { username: `pg-writer-${w}`, password: 'benchmark password', role: 'reviewer', displayName: undefined },
          SYSTEM_ACTOR,
        );
        tokens.push((await accounts.createToken(user.id, 'bench', SYSTEM_ACTOR)).token);
      }
      const articles = createServices(db, { minOrdinalChecks: 2 }).articles;
      const claims = createServices(db, { minOrdinalChecks: 2 }).claims;
      const text = (await articles.getBySlug(SEED_SLUG)).text;
      for (let c = 0; claimIds.length < CLAIMS; c++) {
        const start = (c * 7) % (text.length - 40);
        const end = start + 25 + (Math.floor(c / 700) % 10);
        const { claim, created } = await claims.create(
          SEED_SLUG,
          { quote: { exact: text.slice(start, end), start, end }, statement: null },
          { id: 1, role: 'reviewer' },
        );
        if (created) claimIds.push(claim.id);
      }
    } finally {
      await db.destroy();
    }
    const port = await freePort();
    const server = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist', 'src', 'server.js')], {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: databaseUrl,
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        SESSION_SECRET: 'benchmark-secret-benchmark-secret',
      },
      stdio: 'ignore',
    });
    try {
      for (let tries = 0; ; tries++) {
        const up = await new Promise<boolean>((resolve) =>
          http
            .get({ host: '127.0.0.1', port, path: '/healthz' }, (res) => {
              res.resume();
              resolve(res.statusCode === 200);
            })
            .on('error', () => resolve(false)),
        );
        if (up) break;
        if (tries > 200) throw new Error('the PostgreSQL server did not start');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return await write(port, tokens, claimIds);
    } finally {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
  } finally {
    await admin.raw(`drop database if exists ${name} with (force)`);
    await admin.destroy();
  }
}
