import type { Knex } from 'knex';

/**
 * In-app notifications (issue 16): one row per person and event, written in the transaction of
 * the change that causes it. `dedup_key` (unique when set) keeps a reminder such as "due
 * tomorrow" to one per assignment and date however often the reminder job runs, on any instance.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('notifications', (table) => {
    table.increments('id').primary();
    table.integer('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE');
    table.string('kind', 32).notNullable();
    table.integer('claim_id').nullable().references('id').inTable('claims').onDelete('CASCADE');
    table.integer('actor_id').nullable().references('id').inTable('users').onDelete('SET NULL');
    table.text('message').notNullable();
    table.string('link', 300).notNullable();
    table.string('dedup_key', 120).nullable().unique();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('read_at', { useTz: true }).nullable();
    table.index(['user_id', 'read_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('notifications');
}
