import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('audit_events', (table) => {
    table.increments('id').primary();
    table.string('event', 40).notNullable();
    table.integer('actor_id').nullable().references('id').inTable('users').onDelete('SET NULL');
    table.string('subject', 200).nullable();
    table.string('ip', 64).nullable();
    table.text('details').nullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.index(['event', 'subject', 'created_at']);
    table.index(['event', 'ip', 'created_at']);
    table.index(['created_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('audit_events');
}
