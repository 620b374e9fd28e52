import type { Knex } from 'knex';

/**
 * Discussion (issue 16): a thread per claim among the people who may see its checks. Replies are
 * one level deep (`parent_id` is a top-level comment). A deleted comment keeps its row, without
 * its text, so the thread shows where it was; an editor may hide a comment with a reason.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('comments', (table) => {
    table.increments('id').primary();
    table.integer('claim_id').notNullable().references('id').inTable('claims').onDelete('CASCADE');
    table.integer('parent_id').nullable().references('id').inTable('comments').onDelete('CASCADE');
    table.integer('author_id').nullable().references('id').inTable('users').onDelete('SET NULL');
    table.text('body').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.timestamp('deleted_at', { useTz: true }).nullable();
    table.timestamp('hidden_at', { useTz: true }).nullable();
    table.integer('hidden_by').nullable().references('id').inTable('users').onDelete('SET NULL');
    table.text('hidden_reason').nullable();
    table.index(['claim_id', 'id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('comments');
}
