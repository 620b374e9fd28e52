import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('users', (table) => {
    table.increments('id').primary();
    table.string('username', 64).notNullable().unique();
    table.string('display_name', 100).notNullable();
    table.string('password_hash', 255).notNullable();
    table.string('role', 16).notNullable();
    table.timestamp('disabled_at', { useTz: true }).nullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('sessions', (table) => {
    table.string('sid', 128).primary();
    table.text('sess').notNullable();
    table.bigInteger('expires_at').notNullable().index();
  });

  await knex.schema.createTable('api_tokens', (table) => {
    table.increments('id').primary();
    table.integer('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE');
    table.string('name', 100).notNullable();
    table.string('token_hash', 64).notNullable().unique();
    table.string('token_prefix', 16).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('last_used_at', { useTz: true }).nullable();
    table.timestamp('revoked_at', { useTz: true }).nullable();
    table.index(['user_id']);
  });

  await knex.schema.createTable('settings', (table) => {
    table.string('key', 64).primary();
    table.text('value').notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('settings');
  await knex.schema.dropTable('api_tokens');
  await knex.schema.dropTable('sessions');
  await knex.schema.dropTable('users');
}
