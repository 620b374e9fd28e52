import type { Knex } from 'knex';

/**
 * An address's look-up key sorted its query parameters with `localeCompare`, whose order depends
 * on the ICU data Node was built with; it now sorts them by code units (src/lib/url-match.ts).
 * Keys written the old way may differ, so they are cleared here and start-up computes them again
 * (`ensureSourceKeys`), as it did when keys were introduced.
 */
export async function up(knex: Knex): Promise<void> {
  await knex('articles').whereNotNull('source_key').update({ source_key: null });
}

export async function down(): Promise<void> {
  // Nothing to undo: start-up fills the keys in whichever order the code of the day uses.
}
