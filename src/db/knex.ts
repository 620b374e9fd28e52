import fs from 'node:fs';
import path from 'node:path';
import knex, { type Knex } from 'knex';
import type { DatabaseConfig } from '../config';
import { PROJECT_ROOT } from '../config';

export type Db = Knex;
export type Tx = Knex.Transaction;
/** A repository function accepts either the database or an open transaction. */
export type Queryable = Knex | Knex.Transaction;

const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * Opens the database. SQLite: WAL journal (readers never block the writer), synchronous=NORMAL
 * (durable across application crashes; in WAL mode a power loss can lose only the last
 * commits, never corrupt the file), foreign keys on, and a busy timeout so concurrent
 * writers wait instead of failing. A single connection serialises writes in-process.
 */
export function openDb(config: DatabaseConfig): Db {
  if (config.client === 'postgres') {
    return knex({ client: 'pg', connection: config.connectionString, pool: { min: 0, max: 10 } });
  }
  if (config.filename !== ':memory:') fs.mkdirSync(path.dirname(config.filename), { recursive: true });
  return knex({
    client: 'sqlite3',
    connection: { filename: config.filename },
    useNullAsDefault: true,
    pool: {
      min: 1,
      max: 1,
      afterCreate: (conn: SqliteConnection, done: (err: Error | null, conn: unknown) => void) => {
        conn.serialize(() => {
          conn.run('PRAGMA journal_mode = WAL');
          conn.run('PRAGMA synchronous = NORMAL');
          conn.run('PRAGMA foreign_keys = ON');
          conn.run(`PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`, (err: Error | null) => done(err, conn));
        });
      },
    },
  });
}

interface SqliteConnection {
  serialize(callback: () => void): void;
  run(sql: string, callback?: (err: Error | null) => void): void;
}

export function isPostgres(db: Queryable): boolean {
  return db.client.config.client === 'pg';
}

/**
 * Migrations live in migrations/ as .ts (run through ts-jest in tests) or compiled .js (in
 * dist/). Their names are recorded without the extension, so both forms are the same migration.
 */
class MigrationDirectory implements Knex.MigrationSource<string> {
  constructor(private readonly directory: string) {}

  async getMigrations(): Promise<string[]> {
    const files = fs.readdirSync(this.directory).filter((file) => /^\d{14}_.+\.(js|ts)$/.test(file) && !file.endsWith('.d.ts'));
    return [...new Set(files.map((file) => file.replace(/\.(js|ts)$/, '')))].sort();
  }

  getMigrationName(migration: string): string {
    return migration;
  }

  async getMigration(migration: string): Promise<Knex.Migration> {
    const compiled = path.join(this.directory, `${migration}.js`);
    const file = fs.existsSync(compiled) ? compiled : path.join(this.directory, `${migration}.ts`);
    return (await import(file)) as Knex.Migration;
  }
}

function migrationsDirectory(): string {
  const compiled = path.join(PROJECT_ROOT, 'dist', 'migrations');
  return __filename.endsWith('.js') && fs.existsSync(compiled) ? compiled : path.join(PROJECT_ROOT, 'migrations');
}

/** Brings the schema up to date. Knex's migration lock makes concurrent starts safe. */
export async function migrate(db: Db): Promise<void> {
  await db.migrate.latest({ migrationSource: new MigrationDirectory(migrationsDirectory()) });
}

export async function rollbackAll(db: Db): Promise<void> {
  await db.migrate.rollback({ migrationSource: new MigrationDirectory(migrationsDirectory()) }, true);
}
