import type { Knex } from 'knex';

/**
 * The embed script's look-up (`GET /api/v1/lookup?url=…`) compared the page's address with every
 * article's source address in JavaScript, a read of the whole articles table per publisher page
 * view (issue 17: no path's cost may grow with the archive). `source_key` is a digest of the
 * source address's comparable form (`comparableUrlKey`), written with the address and indexed.
 * Existing rows are filled at start-up (`ensureSourceKeys`), which computes the key in code.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('articles', (table) => {
    table.string('source_key', 64).nullable();
    table.index(['source_key'], 'articles_source_key');
  });
}

// Raw DROP COLUMN, not Knex's: on SQLite Knex rebuilds the table to drop a column, which would
// take the articles table's search triggers with it.
export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX articles_source_key');
  await knex.raw('ALTER TABLE articles DROP COLUMN source_key');
}
