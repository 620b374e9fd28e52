import type { Knex } from 'knex';

/**
 * checks.reviewer_id was ON DELETE CASCADE: deleting a user row would have deleted the checks
 * behind published verdicts. Accounts are disabled, never deleted; the database now refuses to
 * delete a user who has filed checks.
 *
 * PostgreSQL changes the constraint in place. SQLite cannot alter a foreign key without
 * rebuilding the table, and a rebuild inside a migration's transaction (foreign keys on) drops
 * the old table and with it, by cascade, every source and revision of every check. So on SQLite
 * a trigger refuses the delete before any cascade can run.
 */
const TRIGGER = 'users_keep_reviewers';

export async function up(knex: Knex): Promise<void> {
  if (knex.client.config.client === 'pg') {
    await knex.schema.alterTable('checks', (table) => {
      table.dropForeign(['reviewer_id']);
      table.foreign('reviewer_id').references('id').inTable('users').onDelete('RESTRICT');
    });
    return;
  }
  await knex.raw(`
    CREATE TRIGGER ${TRIGGER} BEFORE DELETE ON users
    WHEN EXISTS (SELECT 1 FROM checks WHERE reviewer_id = OLD.id)
    BEGIN
      SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed: a user who has filed checks cannot be deleted; disable the account instead');
    END`);
}

export async function down(knex: Knex): Promise<void> {
  if (knex.client.config.client === 'pg') {
    await knex.schema.alterTable('checks', (table) => {
      table.dropForeign(['reviewer_id']);
      table.foreign('reviewer_id').references('id').inTable('users').onDelete('CASCADE');
    });
    return;
  }
  await knex.raw(`DROP TRIGGER IF EXISTS ${TRIGGER}`);
}
