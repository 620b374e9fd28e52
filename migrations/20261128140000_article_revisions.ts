import type { Knex } from 'knex';

/**
 * Living articles (issue 13): an article has numbered revisions, and every claim an anchor status
 * in the current one.
 *
 * - `article_revisions` keeps each revision's text, blocks and sentences (ids and offsets), so any
 *   revision can be read back and diffed. The import is revision 1; existing articles get theirs here.
 * - `claims` keeps two selectors: the current anchor (exact/prefix/suffix/start/end, as before:
 *   what pages highlight and exports address) and the quote as checked (`checked_*`, with the
 *   revision it was checked in), plus the anchor's status, the revision it describes and, for a
 *   fuzzy anchor, the similarity to the quote as checked.
 * - A claim's span was unique per article; an orphaned claim keeps its last span, which the new
 *   text may give to another claim, so the rule now holds for anchored claims only (a partial
 *   index, which SQLite and PostgreSQL both have). Dropping the old unique index is a plain
 *   DROP INDEX on SQLite: no table is rebuilt, so no cascade can run.
 * - `checks.revision`: the revision a check was filed (or last changed) against.
 * - `decisions.needs_recheck_at`: set when a published claim's text changed or vanished.
 *
 * Columns are only added (ALTER TABLE ADD COLUMN), never altered, for the same reason.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('article_revisions', (table) => {
    table.increments('id').primary();
    table.integer('article_id').notNullable().references('id').inTable('articles').onDelete('CASCADE');
    table.integer('number').notNullable();
    table.text('text').notNullable();
    table.text('blocks').notNullable();
    table.text('sentences').notNullable();
    table.string('origin', 16).notNullable();
    table.string('source_url', 2048).nullable();
    table.text('change_summary').notNullable();
    table.text('anchoring').nullable();
    table.integer('created_by').nullable().references('id').inTable('users').onDelete('SET NULL');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.unique(['article_id', 'number']);
  });

  await knex.schema.alterTable('articles', (table) => {
    table.integer('revision').notNullable().defaultTo(1);
  });
  await knex.schema.alterTable('claims', (table) => {
    table.string('anchor_status', 16).notNullable().defaultTo('exact');
    table.integer('anchor_revision').notNullable().defaultTo(1);
    table.float('anchor_similarity').nullable();
    table.text('checked_exact').nullable();
    table.string('checked_prefix', 64).nullable();
    table.string('checked_suffix', 64).nullable();
    table.integer('checked_start').nullable();
    table.integer('checked_end').nullable();
    table.integer('checked_revision').notNullable().defaultTo(1);
  });
  await knex.schema.alterTable('checks', (table) => {
    table.integer('revision').notNullable().defaultTo(1);
  });
  await knex.schema.alterTable('decisions', (table) => {
    table.timestamp('needs_recheck_at', { useTz: true }).nullable();
  });

  await knex('claims').update({
    checked_exact: knex.ref('exact'),
    checked_prefix: knex.ref('prefix'),
    checked_suffix: knex.ref('suffix'),
    checked_start: knex.ref('start_offset'),
    checked_end: knex.ref('end_offset'),
  });
  await knex.schema.alterTable('claims', (table) => {
    table.dropUnique(['article_id', 'start_offset', 'end_offset']);
  });
  await knex.raw(`CREATE UNIQUE INDEX claims_anchored_span_unique ON claims (article_id, start_offset, end_offset) WHERE anchor_status <> 'orphaned'`);

  // Revision 1 of every article already here: its text, blocks and sentences as stored.
  const articles: { id: number; text: string; source_url: string | null; created_by: number | null; created_at: unknown }[] = await knex('articles').select(
    'id',
    'text',
    'source_url',
    'created_by',
    'created_at',
  );
  for (const article of articles) {
    const blocks = await knex('article_blocks').where({ article_id: article.id }).orderBy('position');
    const sentences = await knex('sentences').where({ article_id: article.id }).orderBy('position');
    await knex('article_revisions').insert({
      article_id: article.id,
      number: 1,
      text: article.text,
      blocks: JSON.stringify(
        blocks.map((b) => ({ kind: b.kind, position: Number(b.position), start: Number(b.start_offset), end: Number(b.end_offset), credit: b.credit ?? null })),
      ),
      sentences: JSON.stringify(
        sentences.map((s) => ({
          id: s.id,
          position: Number(s.position),
          blockPosition: Number(s.block_position),
          start: Number(s.start_offset),
          end: Number(s.end_offset),
        })),
      ),
      origin: 'import',
      source_url: article.source_url,
      change_summary: JSON.stringify({ insertedWords: 0, deletedWords: 0 }),
      anchoring: null,
      created_by: article.created_by,
      created_at: article.created_at,
    });
  }
}

export async function down(knex: Knex): Promise<void> {
  // Plain DROP COLUMN (SQLite 3.35+ and PostgreSQL): Knex's SQLite form rebuilds the table, and a
  // rebuild of claims would cascade into every check.
  const drop = (table: string, columns: string[]) => Promise.all(columns.map((column) => knex.raw(`ALTER TABLE ${table} DROP COLUMN ${column}`)));
  await knex.raw('DROP INDEX IF EXISTS claims_anchored_span_unique');
  await knex.schema.alterTable('claims', (table) => {
    table.unique(['article_id', 'start_offset', 'end_offset']);
  });
  for (const column of ['needs_recheck_at']) await knex.raw(`ALTER TABLE decisions DROP COLUMN ${column}`);
  await drop('checks', ['revision']);
  for (const column of [
    'anchor_status',
    'anchor_revision',
    'anchor_similarity',
    'checked_exact',
    'checked_prefix',
    'checked_suffix',
    'checked_start',
    'checked_end',
    'checked_revision',
  ])
    await knex.raw(`ALTER TABLE claims DROP COLUMN ${column}`);
  await drop('articles', ['revision']);
  await knex.schema.dropTable('article_revisions');
}
