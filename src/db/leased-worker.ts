import type { Db, Queryable } from './knex';
import { finishLeased, leaseDue, type Leased, type QueueTable } from './leased-queue';

/** How often an item is tried: now, then after each delay in turn, `maxAttempts` times in all. */
export interface RetryPolicy {
  maxAttempts: number;
  delaysMs: readonly number[];
}

/** What follows a failed attempt (`attempt` counts it): another try after the next delay, or none. */
export function afterFailure(attempt: number, policy: RetryPolicy, now: number): { retry: true; nextAttemptAt: number } | { retry: false } {
  return attempt < policy.maxAttempts ? { retry: true, nextAttemptAt: now + policy.delaysMs[Math.min(attempt, policy.delaysMs.length) - 1] } : { retry: false };
}

/** The item a worker holds, and the one way to write its outcome. */
export interface Lease {
  id: number;
  /** The round's clock when the item was leased. */
  now: number;
  /**
   * Writes the item's outcome and releases the lease, in `db` (the caller's transaction when the
   * outcome goes with other writes), only while this worker's token still holds it. False when
   * the lease was lost (it ran out and another worker took the item): the outcome is stale.
   */
  finish(values: Record<string, unknown>, db?: Queryable): Promise<boolean>;
}

export interface WorkerSpec<Item, Outcome extends string> {
  table: QueueTable;
  /** How long a worker holds an item: longer than the work may take (its own timeouts), so the lease outlives what it covers. */
  leaseMs: number;
  /** Items one round works on at most, one after another, each leased just before it is worked on. */
  round: number;
  /** Every outcome `work` may return (each is counted, from zero). */
  outcomes: readonly Outcome[];
  /** What the work needs of a leased row (the row itself, or a join read after leasing it); null when that is gone. */
  load(db: Queryable, row: Leased<Record<string, unknown>>): Promise<Item | null>;
  /** The row's outcome when `load` finds nothing to work on (what it came from was deleted): it is finished, never leased again. */
  whenVanished?(row: Leased<Record<string, unknown>>): Record<string, unknown>;
  /** Works on one item and writes its outcome through `lease.finish`. */
  work(item: Item, lease: Lease): Promise<Outcome>;
}

export type RoundCounts<Outcome extends string> = Record<Outcome, number> & { lost?: number; vanished?: number };

/** Items in the queue now: due and free, held by a worker, failed for good. */
export interface QueueMetrics {
  due: number;
  leased: number;
  failed: number;
}

/**
 * The one worker behind the delivery queues (webhooks, email). Each round leases one item at a
 * time under a new owner token (leased-queue.ts), works on it, and counts its outcome; an outcome
 * whose lease was lost meanwhile is not written and counts as `lost`, and an item whose source was
 * deleted is finished as `whenVanished` says and counts as `vanished` (each only when it happens).
 * Every instance may run it: the lease hands each item to one worker.
 */
export function createLeasedWorker<Item, Outcome extends string>(db: Db, spec: WorkerSpec<Item, Outcome>) {
  async function workOn(row: Leased<Record<string, unknown>>, now: number): Promise<Outcome | 'lost' | 'vanished'> {
    const item = await spec.load(db, row);
    if (item === null) {
      if (!spec.whenVanished) throw new Error(`${spec.table}: row ${String(row.id)} has nothing to work on and no outcome for that`);
      return (await finishLeased(db, spec.table, Number(row.id), row.lease_token, spec.whenVanished(row))) ? 'vanished' : 'lost';
    }
    let lost = false;
    const lease: Lease = {
      id: Number(row.id),
      now,
      async finish(values, on = db) {
        const owned = await finishLeased(on, spec.table, Number(row.id), row.lease_token, values);
        lost = !owned;
        return owned;
      },
    };
    const outcome = await spec.work(item, lease);
    return lost ? 'lost' : outcome;
  }

  return {
    /**
     * One round: works on what is due, one item at a time; `now` is the round's clock (tests move
     * it), advanced by the time the round has taken.
     */
    async runRound(now = Date.now()): Promise<RoundCounts<Outcome>> {
      const counts: Record<string, number> = Object.fromEntries(spec.outcomes.map((o) => [o, 0]));
      const started = Date.now();
      for (let i = 0; i < spec.round; i++) {
        const at = now + (Date.now() - started);
        const [row] = await leaseDue<Record<string, unknown>>(db, spec.table, at, at + spec.leaseMs, 1);
        if (!row) break;
        const outcome = await workOn(row, at);
        counts[outcome] = (counts[outcome] ?? 0) + 1;
      }
      return counts as RoundCounts<Outcome>;
    },

    /** How many items are due, leased and failed at `now`. */
    async metrics(now = Date.now()): Promise<QueueMetrics> {
      const row: { due: unknown; leased: unknown; failed: unknown } = await db(spec.table)
        .select(
          db.raw(
            `SUM(CASE WHEN status = 'pending' AND next_attempt_at <= ? AND (locked_until IS NULL OR locked_until < ?) THEN 1 ELSE 0 END) AS due,
             SUM(CASE WHEN status = 'pending' AND locked_until >= ? THEN 1 ELSE 0 END) AS leased,
             SUM(CASE WHEN status = 'failed' THEN 1 ELSE 0 END) AS failed`,
            [now, now, now],
          ),
        )
        .first();
      return { due: Number(row?.due ?? 0), leased: Number(row?.leased ?? 0), failed: Number(row?.failed ?? 0) };
    },
  };
}
