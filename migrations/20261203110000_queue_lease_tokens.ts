import type { Knex } from 'knex';

/**
 * Queue leases get an owner. Workers leased 20 rows for 60 s and sent them one after another, so a
 * slow batch outlived its lease and another instance sent the same rows again, and `finish`
 * updated by id only, so a late worker overwrote a newer outcome. Each lease now carries a random
 * token (`lease_token`), and only the worker holding it can finish the row
 * (src/db/leased-queue.ts).
 */
export async function up(knex: Knex): Promise<void> {
  for (const table of ['webhook_deliveries', 'email_outbox'])
    await knex.schema.alterTable(table, (t) => {
      t.string('lease_token', 32).nullable();
    });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['webhook_deliveries', 'email_outbox']) await knex.raw(`ALTER TABLE ${table} DROP COLUMN lease_token`);
}
