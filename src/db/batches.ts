import type { Queryable } from './knex';

/**
 * Rows per INSERT. Knex writes a multi-row insert on SQLite as one compound SELECT, which SQLite
 * caps at 500 terms; batching keeps every statement's size fixed, whatever the input's length.
 */
export const INSERT_BATCH = 100;

export async function insertInBatches(db: Queryable, table: string, rows: object[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_BATCH) await db(table).insert(rows.slice(i, i + INSERT_BATCH));
}

export type ColumnType = 'integer' | 'real' | 'text';
const SQL_TYPE: Record<ColumnType, string> = { integer: 'integer', real: 'double precision', text: 'text' };
/** Rows per UPDATE: each row binds one value per column and its id twice, well under SQLite's and PostgreSQL's limits. */
export const UPDATE_BATCH = 50;

/**
 * Gives many rows different values in a few statements (one per UPDATE_BATCH rows) instead of
 * one UPDATE per row: `SET column = CASE id WHEN … THEN … END`. Values are cast to the column's
 * type, which PostgreSQL needs for parameters inside CASE.
 */
export async function updateRowsById(
  db: Queryable,
  table: string,
  columns: Record<string, ColumnType>,
  rows: { id: number; values: Record<string, string | number | null> }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += UPDATE_BATCH) {
    const batch = rows.slice(i, i + UPDATE_BATCH);
    const bindings: (string | number | null)[] = [];
    const sets = Object.entries(columns).map(([column, type]) => {
      const cases = batch.map((row) => {
        bindings.push(row.id, row.values[column]);
        return `WHEN ? THEN CAST(? AS ${SQL_TYPE[type]})`;
      });
      return `${column} = CASE id ${cases.join(' ')} END`;
    });
    bindings.push(...batch.map((row) => row.id));
    await db.raw(`UPDATE ${table} SET ${sets.join(', ')} WHERE id IN (${batch.map(() => '?').join(', ')})`, bindings);
  }
}
