import type { Knex } from 'knex';

/**
 * Webhooks (issue 16). `webhook_deliveries` is the delivery queue: one row per event and webhook,
 * written in the transaction of the change (so an event exists exactly when its change does),
 * claimed by a worker with a lease (`locked_until`) that expires if the instance dies, retried
 * with backoff; `webhook_attempts` is the log an admin reads.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('webhooks', (table) => {
    table.increments('id').primary();
    table.string('url', 2048).notNullable();
    table.text('events').notNullable();
    table.string('secret', 200).notNullable();
    table.boolean('enabled').notNullable().defaultTo(true);
    table.integer('created_by').nullable().references('id').inTable('users').onDelete('SET NULL');
    table.timestamp('created_at', { useTz: true }).notNullable();
  });
  await knex.schema.createTable('webhook_deliveries', (table) => {
    table.increments('id').primary();
    table.integer('webhook_id').notNullable().references('id').inTable('webhooks').onDelete('CASCADE');
    table.string('event_id', 64).notNullable();
    table.string('event_type', 40).notNullable();
    table.text('payload').notNullable();
    table.string('status', 16).notNullable().defaultTo('pending');
    table.integer('attempts').notNullable().defaultTo(0);
    table.bigInteger('next_attempt_at').notNullable();
    table.bigInteger('locked_until').nullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('delivered_at', { useTz: true }).nullable();
    table.index(['status', 'next_attempt_at']);
    table.index(['webhook_id', 'id']);
  });
  await knex.schema.createTable('webhook_attempts', (table) => {
    table.increments('id').primary();
    table.integer('delivery_id').notNullable().references('id').inTable('webhook_deliveries').onDelete('CASCADE');
    table.integer('attempt').notNullable();
    table.integer('status_code').nullable();
    table.text('error').nullable();
    table.integer('duration_ms').notNullable();
    table.timestamp('at', { useTz: true }).notNullable();
    table.index(['delivery_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('webhook_attempts');
  await knex.schema.dropTable('webhook_deliveries');
  await knex.schema.dropTable('webhooks');
}
