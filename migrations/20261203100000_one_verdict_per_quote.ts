import type { Knex } from 'knex';

/**
 * One quote, one verdict. A claim marked as "the same claim as" an earlier fact-check shows that
 * fact-check's verdict; if it could also publish its own, readers would get two verdicts (say
 * True and False) drawn on one span. The service refuses it (a 409, under the claim's lock); these
 * triggers make the rule the database's, so no path (a script, a future route) can break it:
 * - a decision cannot be published on a claim that has a same-as link;
 * - a claim with its own published decision cannot be given a same-as link.
 *
 * Rows that already break the rule (possible before this migration) keep their own published
 * verdict, which an editor chose later, and lose the link; the unlinking is kept in the claim's
 * same-as history with no actor, so the desk can see what the upgrade did.
 */
const DECISION_MESSAGE = 'one_verdict_per_quote: a claim marked as the same claim as another cannot publish its own verdict';
const LINK_MESSAGE = 'one_verdict_per_quote: a claim with its own published verdict cannot be marked as the same claim as another';

const SQLITE = [
  `CREATE TRIGGER decisions_published_not_linked_insert BEFORE INSERT ON decisions
   WHEN NEW.published AND (SELECT same_as_claim_id FROM claims WHERE id = NEW.claim_id) IS NOT NULL
   BEGIN SELECT RAISE(ABORT, '${DECISION_MESSAGE}'); END`,
  `CREATE TRIGGER decisions_published_not_linked_update BEFORE UPDATE OF published, claim_id ON decisions
   WHEN NEW.published AND (SELECT same_as_claim_id FROM claims WHERE id = NEW.claim_id) IS NOT NULL
   BEGIN SELECT RAISE(ABORT, '${DECISION_MESSAGE}'); END`,
  `CREATE TRIGGER claims_linked_not_published BEFORE UPDATE OF same_as_claim_id ON claims
   WHEN NEW.same_as_claim_id IS NOT NULL AND EXISTS (SELECT 1 FROM decisions WHERE claim_id = NEW.id AND published)
   BEGIN SELECT RAISE(ABORT, '${LINK_MESSAGE}'); END`,
];

const POSTGRES = [
  `CREATE OR REPLACE FUNCTION decisions_published_not_linked() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF NEW.published AND (SELECT same_as_claim_id FROM claims WHERE id = NEW.claim_id) IS NOT NULL THEN
       RAISE EXCEPTION '${DECISION_MESSAGE}' USING ERRCODE = 'check_violation';
     END IF;
     RETURN NEW;
   END $$`,
  `CREATE TRIGGER decisions_published_not_linked BEFORE INSERT OR UPDATE OF published, claim_id ON decisions
   FOR EACH ROW EXECUTE FUNCTION decisions_published_not_linked()`,
  `CREATE OR REPLACE FUNCTION claims_linked_not_published() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF NEW.same_as_claim_id IS NOT NULL AND EXISTS (SELECT 1 FROM decisions WHERE claim_id = NEW.id AND published) THEN
       RAISE EXCEPTION '${LINK_MESSAGE}' USING ERRCODE = 'check_violation';
     END IF;
     RETURN NEW;
   END $$`,
  `CREATE TRIGGER claims_linked_not_published BEFORE UPDATE OF same_as_claim_id ON claims
   FOR EACH ROW EXECUTE FUNCTION claims_linked_not_published()`,
];

export async function up(knex: Knex): Promise<void> {
  const broken: { id: number; same_as_claim_id: number }[] = await knex('claims')
    .whereNotNull('same_as_claim_id')
    .whereIn('id', knex('decisions').where({ published: true }).select('claim_id'))
    .select('id', 'same_as_claim_id');
  for (const claim of broken) {
    await knex('claims').where({ id: claim.id }).update({ same_as_claim_id: null });
    await knex('claim_same_as_events').insert({
      claim_id: claim.id,
      target_claim_id: claim.same_as_claim_id,
      action: 'unlinked',
      actor_id: null,
      created_at: new Date().toISOString(),
    });
  }
  for (const sql of knex.client.config.client === 'pg' ? POSTGRES : SQLITE) await knex.raw(sql);
}

export async function down(knex: Knex): Promise<void> {
  if (knex.client.config.client === 'pg') {
    await knex.raw('DROP TRIGGER decisions_published_not_linked ON decisions');
    await knex.raw('DROP TRIGGER claims_linked_not_published ON claims');
    await knex.raw('DROP FUNCTION decisions_published_not_linked()');
    await knex.raw('DROP FUNCTION claims_linked_not_published()');
  } else {
    for (const name of ['decisions_published_not_linked_insert', 'decisions_published_not_linked_update', 'claims_linked_not_published'])
      await knex.raw(`DROP TRIGGER ${name}`);
  }
}
