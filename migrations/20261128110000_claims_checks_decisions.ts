import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('claims', (table) => {
    table.increments('id').primary();
    table.integer('article_id').notNullable().references('id').inTable('articles').onDelete('CASCADE');
    table.text('statement').nullable();
    table.text('exact').notNullable();
    table.string('prefix', 64).notNullable();
    table.string('suffix', 64).notNullable();
    table.integer('start_offset').notNullable();
    table.integer('end_offset').notNullable();
    table.integer('created_by').nullable().references('id').inTable('users').onDelete('SET NULL');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.unique(['article_id', 'start_offset', 'end_offset']);
  });

  await knex.schema.createTable('claim_sentences', (table) => {
    table.integer('claim_id').notNullable().references('id').inTable('claims').onDelete('CASCADE');
    table.string('sentence_id', 32).notNullable().references('id').inTable('sentences').onDelete('CASCADE');
    table.primary(['claim_id', 'sentence_id']);
    table.index(['sentence_id']);
  });

  await knex.schema.createTable('checks', (table) => {
    table.increments('id').primary();
    table.integer('claim_id').notNullable().references('id').inTable('claims').onDelete('CASCADE');
    table.integer('reviewer_id').notNullable().references('id').inTable('users').onDelete('CASCADE');
    table.string('verdict', 16).notNullable();
    table.string('confidence', 8).notNullable();
    table.text('rationale').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.unique(['claim_id', 'reviewer_id']);
  });

  await knex.schema.createTable('check_sources', (table) => {
    table.increments('id').primary();
    table.integer('check_id').notNullable().references('id').inTable('checks').onDelete('CASCADE');
    table.integer('position').notNullable();
    table.string('url', 2048).notNullable();
    table.string('title', 300).nullable();
    table.string('stance', 16).notNullable();
    table.text('quote').nullable();
    table.index(['check_id']);
  });

  await knex.schema.createTable('check_revisions', (table) => {
    table.increments('id').primary();
    table.integer('check_id').notNullable().references('id').inTable('checks').onDelete('CASCADE');
    table.integer('changed_by').nullable().references('id').inTable('users').onDelete('SET NULL');
    table.timestamp('changed_at', { useTz: true }).notNullable();
    table.text('before').nullable();
    table.text('after').notNullable();
    table.index(['check_id']);
  });

  await knex.schema.createTable('decisions', (table) => {
    table.integer('claim_id').primary().references('id').inTable('claims').onDelete('CASCADE');
    table.string('verdict', 16).notNullable();
    table.text('summary').notNullable();
    table.text('note').nullable();
    table.boolean('published').notNullable().defaultTo(false);
    table.timestamp('first_published_at', { useTz: true }).nullable();
    table.integer('decided_by').nullable().references('id').inTable('users').onDelete('SET NULL');
    table.timestamp('decided_at', { useTz: true }).notNullable();
    table.index(['published']);
  });

  await knex.schema.createTable('decision_revisions', (table) => {
    table.increments('id').primary();
    table.integer('claim_id').notNullable().references('id').inTable('claims').onDelete('CASCADE');
    table.integer('changed_by').nullable().references('id').inTable('users').onDelete('SET NULL');
    table.timestamp('changed_at', { useTz: true }).notNullable();
    table.text('before').nullable();
    table.text('after').notNullable();
    table.index(['claim_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['decision_revisions', 'decisions', 'check_revisions', 'check_sources', 'checks', 'claim_sentences', 'claims']) {
    await knex.schema.dropTable(table);
  }
}
