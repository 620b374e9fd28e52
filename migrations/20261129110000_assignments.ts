import type { Knex } from 'knex';

/**
 * Assignments (issue 16): an editor assigns a claim to a reviewer, optionally by a due date. An
 * assignment is done when the reviewer has filed a check on the claim; that is read from the
 * checks table when needed, not stored, so it cannot disagree with it.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('assignments', (table) => {
    table.increments('id').primary();
    table.integer('claim_id').notNullable().references('id').inTable('claims').onDelete('CASCADE');
    table.integer('reviewer_id').notNullable().references('id').inTable('users').onDelete('CASCADE');
    table.integer('assigned_by').nullable().references('id').inTable('users').onDelete('SET NULL');
    table.string('due_on', 10).nullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.unique(['claim_id', 'reviewer_id']);
    table.index(['reviewer_id', 'due_on']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('assignments');
}
