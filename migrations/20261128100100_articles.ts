import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('articles', (table) => {
    table.increments('id').primary();
    table.string('slug', 120).notNullable().unique();
    table.string('title', 300).notNullable();
    table.string('byline', 200).nullable();
    table.text('author_bio').nullable();
    table.string('published_at', 32).nullable();
    table.string('source_url', 2048).nullable();
    table.string('publisher_name', 200).nullable();
    table.string('publisher_tagline', 200).nullable();
    table.text('text').notNullable();
    table.integer('created_by').nullable().references('id').inTable('users').onDelete('SET NULL');
    table.timestamp('created_at', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('article_blocks', (table) => {
    table.increments('id').primary();
    table.integer('article_id').notNullable().references('id').inTable('articles').onDelete('CASCADE');
    table.integer('position').notNullable();
    table.string('kind', 24).notNullable();
    table.integer('start_offset').notNullable();
    table.integer('end_offset').notNullable();
    table.string('credit', 300).nullable();
    table.unique(['article_id', 'position']);
  });

  await knex.schema.createTable('sentences', (table) => {
    table.string('id', 32).primary();
    table.integer('article_id').notNullable().references('id').inTable('articles').onDelete('CASCADE');
    table.integer('block_position').notNullable();
    table.integer('position').notNullable();
    table.integer('start_offset').notNullable();
    table.integer('end_offset').notNullable();
    table.text('text').notNullable();
    table.unique(['article_id', 'position']);
    table.index(['article_id', 'start_offset']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('sentences');
  await knex.schema.dropTable('article_blocks');
  await knex.schema.dropTable('articles');
}
