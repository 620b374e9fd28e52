import type { Knex } from 'knex';

/**
 * Search and claim matching (issue 15): full-text indexes over article titles and text, claim
 * quotes and statements, decision summaries and check rationales, kept in step with their rows by
 * the database itself, so no index can drift from the data.
 *
 * - SQLite: one FTS5 table, `search_index (title, body)`, porter-stemmed. Its rowid says what a
 *   row indexes: `id * 4 + kind` (0 article, 1 claim, 2 decision by claim id, 3 check). Triggers
 *   on the four tables insert, update and delete its rows inside the writing transaction
 *   (cascaded deletes fire them too). Existing rows are indexed here.
 * - PostgreSQL: GIN indexes on the same weighted tsvector expressions the search repository
 *   queries (title and quote weight A, summary C, text and rationale D; 'english' stemming).
 *   Expression indexes, not stored columns: nothing changes for the rest of the code, and an index
 *   cannot drift from its table.
 * - `claims.same_as_claim_id`: an editor's "this is the same claim as that fact-check"; the
 *   history of linking and unlinking is `claim_same_as_events`.
 */
const KIND = { article: 0, claim: 1, decision: 2, check: 3 } as const;

const SQLITE_TRIGGERS = [
  `CREATE TRIGGER search_articles_ai AFTER INSERT ON articles BEGIN
     INSERT INTO search_index (rowid, title, body) VALUES (new.id * 4 + ${KIND.article}, new.title, new.text); END`,
  `CREATE TRIGGER search_articles_au AFTER UPDATE OF title, text ON articles BEGIN
     UPDATE search_index SET title = new.title, body = new.text WHERE rowid = new.id * 4 + ${KIND.article}; END`,
  `CREATE TRIGGER search_articles_ad AFTER DELETE ON articles BEGIN
     DELETE FROM search_index WHERE rowid = old.id * 4 + ${KIND.article}; END`,
  `CREATE TRIGGER search_claims_ai AFTER INSERT ON claims BEGIN
     INSERT INTO search_index (rowid, title, body) VALUES (new.id * 4 + ${KIND.claim}, coalesce(new.statement, '') || char(10) || new.exact, ''); END`,
  `CREATE TRIGGER search_claims_au AFTER UPDATE OF statement, exact ON claims BEGIN
     UPDATE search_index SET title = coalesce(new.statement, '') || char(10) || new.exact WHERE rowid = new.id * 4 + ${KIND.claim}; END`,
  `CREATE TRIGGER search_claims_ad AFTER DELETE ON claims BEGIN
     DELETE FROM search_index WHERE rowid = old.id * 4 + ${KIND.claim}; END`,
  `CREATE TRIGGER search_decisions_ai AFTER INSERT ON decisions BEGIN
     INSERT INTO search_index (rowid, title, body) VALUES (new.claim_id * 4 + ${KIND.decision}, '', new.summary); END`,
  `CREATE TRIGGER search_decisions_au AFTER UPDATE OF summary ON decisions BEGIN
     UPDATE search_index SET body = new.summary WHERE rowid = new.claim_id * 4 + ${KIND.decision}; END`,
  `CREATE TRIGGER search_decisions_ad AFTER DELETE ON decisions BEGIN
     DELETE FROM search_index WHERE rowid = old.claim_id * 4 + ${KIND.decision}; END`,
  `CREATE TRIGGER search_checks_ai AFTER INSERT ON checks BEGIN
     INSERT INTO search_index (rowid, title, body) VALUES (new.id * 4 + ${KIND.check}, '', new.rationale); END`,
  `CREATE TRIGGER search_checks_au AFTER UPDATE OF rationale ON checks BEGIN
     UPDATE search_index SET body = new.rationale WHERE rowid = new.id * 4 + ${KIND.check}; END`,
  `CREATE TRIGGER search_checks_ad AFTER DELETE ON checks BEGIN
     DELETE FROM search_index WHERE rowid = old.id * 4 + ${KIND.check}; END`,
];

const SQLITE_TRIGGER_NAMES = SQLITE_TRIGGERS.map((sql) => /CREATE TRIGGER (\w+)/.exec(sql)![1]);

const PG_INDEXES = [
  `CREATE INDEX articles_search ON articles USING gin ((setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', text), 'D')))`,
  `CREATE INDEX claims_search ON claims USING gin ((setweight(to_tsvector('english', coalesce(statement, '') || ' ' || exact), 'A')))`,
  `CREATE INDEX decisions_search ON decisions USING gin ((setweight(to_tsvector('english', summary), 'C')))`,
  `CREATE INDEX checks_search ON checks USING gin ((setweight(to_tsvector('english', rationale), 'D')))`,
];

export async function up(knex: Knex): Promise<void> {
  if (knex.client.config.client === 'pg') {
    for (const sql of PG_INDEXES) await knex.raw(sql);
  } else {
    await knex.raw(`CREATE VIRTUAL TABLE search_index USING fts5 (title, body, tokenize = 'porter unicode61 remove_diacritics 2')`);
    for (const sql of SQLITE_TRIGGERS) await knex.raw(sql);
    await knex.raw(`INSERT INTO search_index (rowid, title, body) SELECT id * 4 + ${KIND.article}, title, text FROM articles`);
    await knex.raw(`INSERT INTO search_index (rowid, title, body) SELECT id * 4 + ${KIND.claim}, coalesce(statement, '') || char(10) || exact, '' FROM claims`);
    await knex.raw(`INSERT INTO search_index (rowid, title, body) SELECT claim_id * 4 + ${KIND.decision}, '', summary FROM decisions`);
    await knex.raw(`INSERT INTO search_index (rowid, title, body) SELECT id * 4 + ${KIND.check}, '', rationale FROM checks`);
  }

  // Plain ADD COLUMN (no table rebuild on SQLite, so no cascade can run). SQLite cannot drop a
  // column that has a foreign key, so there a trigger does what ON DELETE SET NULL does on PostgreSQL.
  if (knex.client.config.client === 'pg') {
    await knex.raw('ALTER TABLE claims ADD COLUMN same_as_claim_id integer NULL REFERENCES claims (id) ON DELETE SET NULL');
  } else {
    await knex.raw('ALTER TABLE claims ADD COLUMN same_as_claim_id integer NULL');
    await knex.raw(
      'CREATE TRIGGER claims_same_as_target_deleted AFTER DELETE ON claims BEGIN UPDATE claims SET same_as_claim_id = NULL WHERE same_as_claim_id = old.id; END',
    );
  }
  await knex.raw('CREATE INDEX claims_same_as ON claims (same_as_claim_id) WHERE same_as_claim_id IS NOT NULL');
  await knex.schema.createTable('claim_same_as_events', (table) => {
    table.increments('id').primary();
    table.integer('claim_id').notNullable().references('id').inTable('claims').onDelete('CASCADE');
    table.integer('target_claim_id').notNullable();
    table.string('action', 16).notNullable();
    table.integer('actor_id').nullable().references('id').inTable('users').onDelete('SET NULL');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.index(['claim_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('claim_same_as_events');
  await knex.raw('DROP INDEX claims_same_as');
  if (knex.client.config.client !== 'pg') await knex.raw('DROP TRIGGER claims_same_as_target_deleted');
  await knex.raw('ALTER TABLE claims DROP COLUMN same_as_claim_id');
  if (knex.client.config.client === 'pg') {
    for (const name of ['articles_search', 'claims_search', 'decisions_search', 'checks_search']) await knex.raw(`DROP INDEX ${name}`);
  } else {
    for (const name of SQLITE_TRIGGER_NAMES) await knex.raw(`DROP TRIGGER ${name}`);
    await knex.raw('DROP TABLE search_index');
  }
}
