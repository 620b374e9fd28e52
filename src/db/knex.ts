import fs from 'node:fs';
import path from 'node:path';
import knex, { type Knex } from 'knex';
import type { DatabaseConfig } from '../config';
import { PROJECT_ROOT } from '../config';
import { AppError } from '../lib/errors';

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
  return sqliteConnection(config.filename, ['PRAGMA journal_mode = WAL', 'PRAGMA synchronous = NORMAL', 'PRAGMA foreign_keys = ON']);
}

/**
 * A second SQLite connection, read-only, for the look-ups every request makes before it can
 * write (API tokens): in WAL mode it reads the last committed state while the writer's
 * transaction runs, instead of queueing behind it on the one writing connection. Each statement
 * sees every commit made before it started, so a revoked token is refused at once. On
 * PostgreSQL (a pool already) and for an in-memory database (a second connection would be
 * another database) it is the writer itself.
 */
export function openReader(config: DatabaseConfig, writer: Db): Db {
  if (config.client === 'postgres' || config.filename === ':memory:') return writer;
  // query_only: a write through this connection is refused by SQLite itself (knex cannot open sqlite3 read-only).
  return sqliteConnection(config.filename, ['PRAGMA query_only = ON']);
}

/** One SQLite connection (a pool of one) with these pragmas and the busy timeout set on it. */
function sqliteConnection(filename: string, pragmas: string[]): Db {
  return knex({
    client: 'sqlite3',
    connection: { filename },
    useNullAsDefault: true,
    pool: {
      min: 1,
      max: 1,
      afterCreate: (conn: SqliteConnection, done: (err: Error | null, conn: unknown) => void) =>
        conn.serialize(() => {
          for (const pragma of pragmas) conn.run(pragma);
          conn.run(`PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`, (err: Error | null) => done(err, conn));
        }),
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

const LOCK_WAIT_MS = 250;
const LOCK_PATIENCE_MS = 60_000;

/**
 * Brings the schema up to date. Knex's migration lock lets one instance migrate at a time; an
 * instance that finds it held waits for it (up to a minute) instead of failing to start, then
 * finds nothing left to do. Each migration runs in a transaction, so a failing one changes nothing.
 */
export async function migrate(db: Db, directory = migrationsDirectory()): Promise<void> {
  const deadline = Date.now() + LOCK_PATIENCE_MS;
  for (;;) {
    try {
      await db.migrate.latest({ migrationSource: new MigrationDirectory(directory) });
      return;
    } catch (error) {
      if ((error as Error).name !== 'MigrationLocked' || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, LOCK_WAIT_MS));
    }
  }
}

/**
 * A consistent copy of a live SQLite database, taken while the app keeps serving (VACUUM INTO
 * reads one snapshot; writers are not blocked in WAL mode). PostgreSQL has pg_dump for this.
 */
export async function backupSqlite(db: Db, file: string | undefined): Promise<void> {
  if (isPostgres(db)) throw new AppError(400, 'usage', 'backup is for SQLite; use pg_dump for PostgreSQL.');
  if (!file) throw new AppError(400, 'usage', 'Give the backup file: npm run -s cli -- backup /path/to/backup.sqlite');
  if (fs.existsSync(file)) throw new AppError(400, 'usage', `${file} exists; VACUUM INTO will not overwrite it.`);
  await db.raw('VACUUM INTO ?', [path.resolve(file)]);
}

export async function rollbackAll(db: Db, directory = migrationsDirectory()): Promise<void> {
  await db.migrate.rollback({ migrationSource: new MigrationDirectory(directory) }, true);
}

/** The application's tables as the database lists them (Knex's own bookkeeping excluded). */
export async function listTables(db: Db): Promise<string[]> {
  const rows: { name: string }[] = isPostgres(db)
    ? (await db.raw("select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'")).rows
    : await db('sqlite_master').where({ type: 'table' }).whereNot('name', 'like', 'sqlite_%').select('name');
  return rows
    .map((row) => row.name)
    .filter((name) => !name.startsWith('knex_') && !name.startsWith('search_index')) // SQLite's full-text index: a virtual table and its shadow tables
    .sort();
}
