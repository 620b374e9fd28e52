import type { Knex } from 'knex';

/**
 * Indexes for the walks that read the archive a page at a time (issue 17): exports and
 * annotation pages read claims in (article, position, id) order, the site-wide ClaimReview feed
 * reads published decisions newest first, and the article list reads articles newest first.
 * Without them each page scanned and sorted the whole table, so a full export cost grew with the
 * square of the archive.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE INDEX claims_article_position ON claims (article_id, start_offset, id)');
  await knex.raw('CREATE INDEX decisions_published_order ON decisions (published, first_published_at DESC, claim_id DESC)');
  await knex.raw('CREATE INDEX articles_list_order ON articles (published_at DESC, id DESC)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX articles_list_order');
  await knex.raw('DROP INDEX decisions_published_order');
  await knex.raw('DROP INDEX claims_article_position');
}
