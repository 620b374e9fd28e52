import type { Knex } from 'knex';

/**
 * checks.reviewer_id was ON DELETE CASCADE: deleting a user row would have deleted the checks
 * behind published verdicts. Accounts are disabled, never deleted; the database now refuses to
 * delete a user who has filed checks. (On SQLite, Knex rebuilds the table to change the key.)
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('checks', (table) => {
    table.dropForeign(['reviewer_id']);
    table.foreign('reviewer_id').references('id').inTable('users').onDelete('RESTRICT');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('checks', (table) => {
    table.dropForeign(['reviewer_id']);
    table.foreign('reviewer_id').references('id').inTable('users').onDelete('CASCADE');
  });
}
