import type { Queryable } from './knex';

/**
 * Rows per INSERT. Knex writes a multi-row insert on SQLite as one compound SELECT, which SQLite
 * caps at 500 terms; batching keeps every statement's size fixed, whatever the input's length.
 */
export const INSERT_BATCH = 100;

export async function insertInBatches(db: Queryable, table: string, rows: object[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_BATCH) await db(table).insert(rows.slice(i, i + INSERT_BATCH));
}
