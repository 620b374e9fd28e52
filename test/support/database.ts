import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import knex from 'knex';
import type { DatabaseConfig } from '../../src/config';
import { migrate, openDb, type Db } from '../../src/db/knex';

declare const FACTLINE_TEST_DATABASE: string | undefined;

export const PG_ADMIN_URL = process.env.TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/test';

export function testDatabaseKind(): 'sqlite' | 'postgres' {
  return typeof FACTLINE_TEST_DATABASE !== 'undefined' && FACTLINE_TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';
}

export interface TestDatabase {
  db: Db;
  config: DatabaseConfig;
  destroy(): Promise<void>;
}

/** A fresh, migrated database of its own for one test file: an SQLite file in a temp folder, or a new PostgreSQL database. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (testDatabaseKind() === 'postgres') return createPostgresDatabase();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factline-test-'));
  const config: DatabaseConfig = { client: 'sqlite', filename: path.join(dir, 'test.sqlite') };
  const db = openDb(config);
  await migrate(db);
  return {
    db,
    config,
    async destroy() {
      await db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function createPostgresDatabase(): Promise<TestDatabase> {
  const name = `factline_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = knex({ client: 'pg', connection: PG_ADMIN_URL, pool: { min: 0, max: 1 } });
  await admin.raw(`create database ${name}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const config: DatabaseConfig = { client: 'postgres', connectionString: url.toString() };
  const db = openDb(config);
  await migrate(db);
  return {
    db,
    config,
    async destroy() {
      await db.destroy();
      await admin.raw(`drop database if exists ${name} with (force)`);
      await admin.destroy();
    },
  };
}

/** Row count of a table as a number (PostgreSQL returns counts as strings). */
export async function countRows(db: Db, table: string): Promise<number> {
  const row = await db(table).count({ n: '*' }).first();
  return Number(row?.n ?? 0);
}
