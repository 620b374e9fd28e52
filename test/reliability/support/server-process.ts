import { servicesOf } from '../../support/services';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { migrateAndImportContent } from '../../../src/bootstrap';
import knex from 'knex';
import { openDb } from '../../../src/db/knex';
import { PG_ADMIN_URL } from '../../support/database';

import { PROJECT_ROOT } from '../../../src/config';
import { SYSTEM_ACTOR } from '../../../src/modules/audit';

export const SEED_SLUG = 'chinese-nationals-arrested-at-us-southern-border';
const SERVER_ENTRY = path.join(PROJECT_ROOT, 'dist', 'src', 'server.js');

export interface Fixture {
  dir: string;
  /** The SQLite file (for SQLite fixtures). */
  dbFile: string;
  /** What DATABASE_URL the servers get: the SQLite file, or a fresh PostgreSQL database. */
  databaseUrl: string;
  dropDatabase(): Promise<void>;
  tokens: string[];
  claimIds: number[];
}

/** A fresh database (SQLite, or PostgreSQL) with the seed article, `writers` reviewers with tokens, and `claims` claims. */
export async function prepareFixture(writers: number, claims: number, options: { postgres?: boolean } = {}): Promise<Fixture> {
  if (!fs.existsSync(SERVER_ENTRY)) throw new Error('Run `npm run build` first: the reliability tests start the production server.');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-reliability-'));
  const dbFile = path.join(dir, 'factline.sqlite');
  let databaseUrl = dbFile;
  let dropDatabase = async () => {};
  if (options.postgres) {
    const name = `factline_rel_${process.pid}_${Date.now()}`;
    const admin = knex({ client: 'pg', connection: PG_ADMIN_URL, pool: { min: 0, max: 1 } });
    await admin.raw(`create database ${name}`);
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      await admin.raw(`drop database if exists ${name} with (force)`);
      await admin.destroy();
    };
  }
  const db = openDb(options.postgres ? { client: 'postgres', connectionString: databaseUrl } : { client: 'sqlite', filename: dbFile });
  try {
    await migrateAndImportContent(db);
    const { articles, accounts, claims: claimService } = servicesOf(db);
    const tokens: string[] = [];
    for (let w = 0; w < writers; w++) {
      const user = await accounts.createUser(
        { username: `writer-${w}`, password: 'reliable writer pass', role: 'reviewer', displayName: undefined },
        SYSTEM_ACTOR,
      );
      tokens.push((await accounts.createToken(user.id, 'reliability', SYSTEM_ACTOR)).token);
    }
    const article = await articles.getBySlug(SEED_SLUG);
    const claimIds: number[] = [];
    for (let c = 0; c < claims; c++) {
      const start = 200 + c * 7;
      const { claim } = await claimService.create(
        SEED_SLUG,
        { quote: { exact: article.text.slice(start, start + 30), start, end: start + 30 }, statement: null },
        { id: 1, role: 'reviewer' },
      );
      claimIds.push(claim.id);
    }
    return { dir, dbFile, databaseUrl, dropDatabase, tokens, claimIds };
  } finally {
    await db.destroy();
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  exited: Promise<number | null>;
}

/** Starts `node dist/src/server.js` on the fixture's database and waits until /healthz answers. */
export async function startServerProcess(
  fixture: Fixture,
  port: number,
  options: { sharedSecretFromDatabase?: boolean; productionPasswordCost?: boolean; env?: Record<string, string> } = {},
): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: fixture.databaseUrl,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    SESSION_SECRET: 'reliability-secret-reliability-secret',
    ...options.env,
  };
  if (options.sharedSecretFromDatabase) delete env.SESSION_SECRET;
  if (options.productionPasswordCost) delete env.FACTLINE_SCRYPT_LOG2N; // scrypt at its real cost (64 MiB)
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`);
    const status = await requestJson('GET', port, '/healthz').then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return { child, port, exited };
    if (Date.now() > deadline) throw new Error(`server did not become healthy: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 64 });

export function requestJson(method: string, port: number, urlPath: string, body?: unknown, token?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: urlPath,
        method,
        agent: keepAlive,
        headers: {
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        let data = '';
        res.on('data', (chunk) => (data += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

export function rssMegabytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}
