import type { Knex } from 'knex';

/**
 * Stored aggregates per claim (issue 17): the verdict counts, reviewers, consensus, agreement,
 * status and the review queue's rank, written in the transaction of every check, decision and
 * re-anchoring that changes them, so the queue pages and counts through indexes instead of
 * aggregating the whole archive per request. Filled for existing claims at start-up (bootstrap:
 * the status depends on MIN_REVIEWS_FOR_CONSENSUS, and the aggregation lives in the code, not
 * here); `npm run -s cli -- stats verify` recomputes them from scratch and reports any drift.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('claim_stats', (table) => {
    table.integer('claim_id').primary().references('id').inTable('claims').onDelete('CASCADE');
    table.integer('article_id').notNullable();
    for (const verdict of ['false', 'mostly_false', 'mixed', 'mostly_true', 'true', 'unverifiable']) table.integer(`n_${verdict}`).notNullable().defaultTo(0);
    table.integer('reviewers').notNullable().defaultTo(0);
    table.integer('ordinal_ratings').notNullable().defaultTo(0);
    table.string('verdict', 16).nullable();
    table.double('agreement').nullable();
    /** agreement, or 2 when there is none (sorts after every real value). */
    table.double('agreement_key').notNullable().defaultTo(2);
    table.string('status', 16).notNullable();
    table.integer('queue_rank').notNullable();
  });
  // The queue's order is rank ascending, then newest (claim id descending): the indexes say so
  // column by column, so a page is read straight off the index with no sort (SQLite and PostgreSQL).
  await knex.raw('CREATE INDEX claim_stats_queue ON claim_stats (queue_rank, claim_id DESC)');
  await knex.raw('CREATE INDEX claim_stats_article_queue ON claim_stats (article_id, queue_rank, claim_id DESC)');
  await knex.raw('CREATE INDEX claim_stats_status_queue ON claim_stats (status, queue_rank, claim_id DESC)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('claim_stats');
}
