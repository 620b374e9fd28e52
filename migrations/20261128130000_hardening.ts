import type { Knex } from 'knex';

/**
 * Hardening (issue 11):
 * - checks.independent_verdict: the verdict as filed before its author could see anyone else's
 *   (agreement, alpha and consensus use it); checks.revised_after_others_at: when the author
 *   changed the verdict after others' checks were visible to them.
 * - decisions.evidence: the sources a publication shows, frozen when it is published;
 *   decisions.new_evidence_at: a check was filed or changed on the claim since.
 * - sessions.user_id: whose session it is, so disabling an account or changing a password can
 *   end its sessions.
 * - rate_limit_buckets: attempt counters per key and fixed window, incremented atomically
 *   before the work they limit (sign-in, registration).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('checks', (table) => {
    table.string('independent_verdict', 16).nullable();
    table.timestamp('revised_after_others_at', { useTz: true }).nullable();
  });
  // Backfill: the verdict of each check's first revision (as filed), else its current verdict.
  const firsts: { check_id: number; after: string }[] = await knex('check_revisions')
    .whereIn('id', knex('check_revisions').min('id').groupBy('check_id'))
    .select('check_id', 'after');
  for (const row of firsts) {
    const verdict = (JSON.parse(row.after) as { verdict?: string }).verdict;
    if (verdict) await knex('checks').where({ id: row.check_id }).update({ independent_verdict: verdict });
  }
  await knex('checks')
    .whereNull('independent_verdict')
    .update({ independent_verdict: knex.ref('verdict') });

  await knex.schema.alterTable('decisions', (table) => {
    table.text('evidence').nullable();
    table.timestamp('new_evidence_at', { useTz: true }).nullable();
  });
  // Backfill: what published decisions showed until now (every source of their checks, once each).
  const published: { claim_id: number }[] = await knex('decisions').where({ published: true }).select('claim_id');
  for (const { claim_id: claimId } of published) {
    const sources: { url: string; title: string | null; stance: string; quote: string | null }[] = await knex('check_sources')
      .join('checks', 'checks.id', 'check_sources.check_id')
      .where('checks.claim_id', claimId)
      .orderBy([{ column: 'checks.id' }, { column: 'check_sources.position' }])
      .select('check_sources.url', 'check_sources.title', 'check_sources.stance', 'check_sources.quote');
    const firstByUrl = new Map<string, (typeof sources)[number]>();
    for (const source of sources) if (!firstByUrl.has(source.url)) firstByUrl.set(source.url, source);
    const evidence = [...firstByUrl.values()];
    await knex('decisions')
      .where({ claim_id: claimId })
      .update({ evidence: JSON.stringify(evidence) });
  }

  await knex.schema.alterTable('sessions', (table) => {
    table.integer('user_id').nullable().index();
  });
  const sessions: { sid: string; sess: string }[] = await knex('sessions').select('sid', 'sess');
  for (const row of sessions) {
    const userId = (JSON.parse(row.sess) as { passport?: { user?: number } }).passport?.user;
    if (userId) await knex('sessions').where({ sid: row.sid }).update({ user_id: userId });
  }

  await knex.schema.createTable('rate_limit_buckets', (table) => {
    table.string('bucket', 300).notNullable();
    table.bigInteger('window_start').notNullable();
    table.integer('hits').notNullable();
    table.primary(['bucket', 'window_start']);
    table.index(['window_start']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('rate_limit_buckets');
  await knex.schema.alterTable('sessions', (table) => {
    table.dropIndex(['user_id']);
    table.dropColumn('user_id');
  });
  await knex.schema.alterTable('decisions', (table) => {
    table.dropColumn('new_evidence_at');
    table.dropColumn('evidence');
  });
  await knex.schema.alterTable('checks', (table) => {
    table.dropColumn('revised_after_others_at');
    table.dropColumn('independent_verdict');
  });
}
