import type { Queryable } from './knex';

/** A small key–value table for instance-wide settings (self-registration, the generated session secret). */
export async function readSetting(db: Queryable, key: string): Promise<string | null> {
  const row = await db('settings').where({ key }).first<{ value: string } | undefined>();
  return row ? row.value : null;
}

export async function writeSetting(db: Queryable, key: string, value: string): Promise<void> {
  await db('settings').insert({ key, value }).onConflict('key').merge();
}

/** Writes the value only if the key has none yet, and returns whichever value is stored. */
export async function readOrCreateSetting(db: Queryable, key: string, create: () => string): Promise<string> {
  await db('settings').insert({ key, value: create() }).onConflict('key').ignore();
  return (await readSetting(db, key)) as string;
}
