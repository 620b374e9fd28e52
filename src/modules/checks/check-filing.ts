import type { Db } from '../../db/knex';
import { ConflictError, NotFoundError } from '../../lib/errors';
import type { DomainEvents } from '../../events';
import * as checks from './checks-repository';
import { lockClaims } from '../claims';
import type { CheckInput } from './checks-schemas';
import type { Check } from './checks-types';

/** A check to file: validated input, its claim and its reviewer. */
export interface NewCheck {
  claimId: number;
  reviewerId: number;
  input: CheckInput;
}

export const ALREADY_CHECKED = 'You have already checked this claim; edit your check instead.';
const NO_SUCH_CLAIM = 'There is no such claim.';
/** Checks written by one transaction at most. */
const MAX_BATCH = 100;

export function snapshot(check: Pick<Check, 'verdict' | 'confidence' | 'rationale' | 'sources'>) {
  return { verdict: check.verdict, confidence: check.confidence, rationale: check.rationale, sources: check.sources };
}

interface Pending {
  check: NewCheck;
  resolve(check: Check): void;
  reject(error: unknown): void;
}

/**
 * Group commit for checks. SQLite writes through one connection, and each statement is a trip to
 * node-sqlite3's thread pool, so checks filed one transaction each queue behind each other's
 * dozen statements. Here, checks that arrive while a transaction runs wait for it and are then
 * written together by the next: the claims and existing checks looked up once, the checks, their
 * sources and first revisions inserted in one statement each, the new-evidence flags, stored
 * aggregates and webhook events written once for the batch. Each request still gets its own
 * answer: "no such claim" (404) and "already checked" (409, also for the same reviewer twice in
 * one batch) are decided per check before anything is written. If the batch fails for a reason
 * no look-up foresaw (another instance filed the same check a moment ago), each of its checks is
 * written on its own (`fileAlone`), so one check never fails another.
 */
export function createCheckFiling(db: Db, events: DomainEvents, fileAlone: (check: NewCheck) => Promise<Check>) {
  const queue: Pending[] = [];
  let draining = false;

  async function writeBatch(batch: Pending[]): Promise<Map<Pending, Check | Error>> {
    return db.transaction(async (tx) => {
      const outcome = new Map<Pending, Check | Error>();
      const claimIds = [...new Set(batch.map((p) => p.check.claimId))];
      const existing = await lockClaims(tx, claimIds);
      const taken = await checks.checkedPairs(tx, claimIds, [...new Set(batch.map((p) => p.check.reviewerId))]);
      const accepted: Pending[] = [];
      for (const pending of batch) {
        const key = `${pending.check.claimId}:${pending.check.reviewerId}`;
        if (!existing.has(pending.check.claimId)) outcome.set(pending, new NotFoundError(NO_SUCH_CLAIM));
        else if (taken.has(key)) outcome.set(pending, new ConflictError(ALREADY_CHECKED));
        else {
          taken.add(key);
          accepted.push(pending);
        }
      }
      if (accepted.length === 0) return outcome;
      const stored = await checks.insertChecks(
        tx,
        accepted.map(({ check }) => ({ claimId: check.claimId, reviewerId: check.reviewerId, ...check.input })),
      );
      const storedOf = ({ check }: Pending) => stored.get(`${check.claimId}:${check.reviewerId}`)!;
      const idOf = (pending: Pending) => storedOf(pending).id;
      await checks.insertFirstCheckRevisions(
        tx,
        accepted.map((pending) => ({ subjectId: idOf(pending), changedBy: pending.check.reviewerId, after: snapshot(pending.check.input) })),
      );
      await events.record(tx, {
        kind: 'checks.filed',
        checks: accepted.map((pending) => ({
          id: idOf(pending),
          claimId: pending.check.claimId,
          reviewerId: pending.check.reviewerId,
          content: pending.check.input,
        })),
      });
      for (const pending of accepted) outcome.set(pending, storedOf(pending));
      return outcome;
    });
  }

  async function settle(batch: Pending[]): Promise<void> {
    let outcome: Map<Pending, Check | Error>;
    try {
      outcome = await writeBatch(batch);
    } catch {
      outcome = new Map();
      for (const pending of batch)
        outcome.set(pending, await fileAlone(pending.check).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))));
    }
    for (const [pending, result] of outcome) {
      if (result instanceof Error) pending.reject(result);
      else pending.resolve(result);
    }
  }

  async function drain(): Promise<void> {
    draining = true;
    try {
      while (queue.length > 0) {
        const batch = queue.splice(0, MAX_BATCH);
        await settle(batch).catch((error: unknown) => batch.forEach((pending) => pending.reject(error)));
      }
    } finally {
      draining = false;
    }
  }

  return {
    /** Files the check with whatever else is waiting; resolves with the stored check. */
    file(check: NewCheck): Promise<Check> {
      return new Promise<Check>((resolve, reject) => {
        queue.push({ check, resolve, reject });
        if (!draining) void drain();
      });
    },
  };
}
