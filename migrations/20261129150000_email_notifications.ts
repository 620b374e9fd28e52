import type { Knex } from 'knex';

/**
 * Email notifications (issue 16). `email_settings` holds where a person's notification emails go
 * and which kinds of notification they want by email (a JSON list; no row means no email).
 * `email_outbox` is the sending queue: one row per notification to be emailed, written in the
 * same transaction as the notification (so an email exists exactly when its change committed),
 * taken by a worker with a lease (`locked_until`) and retried with backoff, as webhook deliveries are.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('email_settings', (table) => {
    table.integer('user_id').primary().references('id').inTable('users').onDelete('CASCADE');
    table.string('address', 254).nullable();
    table.text('kinds').notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
  });
  await knex.schema.createTable('email_outbox', (table) => {
    table.increments('id').primary();
    table.integer('notification_id').notNullable().unique().references('id').inTable('notifications').onDelete('CASCADE');
    table.string('status', 16).notNullable().defaultTo('pending');
    table.integer('attempts').notNullable().defaultTo(0);
    table.bigInteger('next_attempt_at').notNullable();
    table.bigInteger('locked_until').nullable();
    table.text('last_error').nullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('finished_at', { useTz: true }).nullable();
    table.index(['status', 'next_attempt_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('email_outbox');
  await knex.schema.dropTable('email_settings');
}
