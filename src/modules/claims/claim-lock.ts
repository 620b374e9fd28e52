import { isPostgres, type Queryable } from '../../db/knex';

/**
 * The one serialisation rule for claims: a claim's checks, decision, anchors, "same claim as"
 * link and stored aggregate are one consistency unit, and every transaction that writes any of
 * them first takes the claim's lock here, then reads what it needs. On PostgreSQL that is
 * `SELECT … FOR UPDATE` on the claims' rows, always in ascending id order so that two writers of
 * overlapping claims cannot deadlock; under READ COMMITTED every later statement of the
 * transaction then sees what the previous holder committed. SQLite has one writer at a time
 * (one connection, and `BEGIN IMMEDIATE` semantics are not needed within it), so the lock is
 * only recorded.
 *
 * The locks a transaction holds are remembered, so the writes that must happen under them
 * (`refreshClaimStats`, which every writer of a claim calls) can insist that they were taken:
 * a new write path that forgets the rule fails its first test instead of drifting in production;
 * each with its article when the lock read it (null for a claim the transaction created), which
 * the stored aggregates need and so need not read again.
 */
const held = new WeakMap<object, Map<number, number | null>>();

/**
 * Locks these claims for the rest of the transaction and returns the ids that exist. Locks
 * already held are not taken again; new ones are taken in id order.
 */
export async function lockClaims(tx: Queryable, claimIds: Iterable<number>): Promise<Set<number>> {
  const mine = held.get(tx) ?? new Map<number, number | null>();
  held.set(tx, mine);
  const wanted = [...new Set(claimIds)].sort((a, b) => a - b);
  const fresh = wanted.filter((id) => !mine.has(id));
  const existing = new Set(wanted.filter((id) => mine.has(id)));
  for (let i = 0; i < fresh.length; i += 500) {
    const slice = fresh.slice(i, i + 500);
    const query = tx('claims').whereIn('id', slice).orderBy('id').select('id', 'article_id');
    const rows: { id: number; article_id: number }[] = isPostgres(tx) ? await query.forUpdate() : await query;
    for (const row of rows) {
      existing.add(Number(row.id));
      mine.set(Number(row.id), Number(row.article_id));
    }
  }
  return existing;
}

/** A claim this transaction inserted is its own until it commits (no one else can see the row). */
export function claimCreated(tx: Queryable, claimId: number): void {
  const mine = held.get(tx) ?? new Map<number, number | null>();
  mine.set(claimId, null);
  held.set(tx, mine);
}

/** The articles of these claims that this transaction's locks already read (claims it created are not among them). */
export function articlesOfLockedClaims(tx: Queryable, claimIds: Iterable<number>): Map<number, number> {
  const mine = held.get(tx);
  const found = new Map<number, number>();
  for (const id of claimIds) {
    const articleId = mine?.get(id);
    if (articleId !== undefined && articleId !== null) found.set(id, articleId);
  }
  return found;
}

/** Throws when this transaction writes a claim it has not locked (a programming error, never a user's). */
export function assertClaimsLocked(tx: Queryable, claimIds: Iterable<number>): void {
  const mine = held.get(tx);
  const missing = [...claimIds].filter((id) => !mine?.has(id));
  if (missing.length > 0) throw new Error(`A write to claim ${missing.join(', ')} did not take the claim's lock first (claim-lock.ts).`);
}
