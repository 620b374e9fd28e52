import type { Db } from '../../db/knex';
import { NotFoundError, UnprocessableError } from '../../lib/errors';
import { parseInput } from '../../lib/parse';
import type { AccountsService, User } from '../accounts';
import type { Claim, ClaimsService, Viewer } from '../claims';
import type { Assignee } from '../review';
import type { DomainEvents } from '../../events';
import * as repo from './assignments-repository';
import { AssignInput, BulkAssignInput, today } from './assignments-schemas';

export type AssignmentsService = ReturnType<typeof createAssignmentsService>;

export interface MyWorkItem extends repo.WorkItem {
  overdue: boolean;
}

const overdue = (due: string | null, done: boolean, day = today()) => !done && due !== null && due < day;

/** Who checks what by when: editors assign claims to reviewers; a reviewer's open assignments are their work. */
export function createAssignmentsService(db: Db, events: DomainEvents, accounts: AccountsService, claims: ClaimsService) {
  async function activeAssignee(username: string): Promise<User> {
    const user = await accounts.findByUsername(username).catch(() => null);
    if (!user || user.disabled) throw new UnprocessableError(`There is no active account “${username}” to assign.`);
    return user;
  }

  async function existingClaims(claimIds: number[]): Promise<Claim[]> {
    const list = await claims.byIds(claimIds);
    const found = new Set(list.map((c) => c.id));
    const missing = claimIds.filter((id) => !found.has(id));
    if (missing.length === 1 && claimIds.length === 1) throw new NotFoundError('There is no such claim.');
    if (missing.length > 0) throw new UnprocessableError(`These claims do not exist: ${missing.join(', ')}.`);
    return list;
  }

  return {
    /** Assigns each claim to the reviewer (again: only the due date changes), in one transaction. */
    async assign(raw: BulkAssignInput, editor: Viewer): Promise<{ assigned: number; assignee: User }> {
      const input = parseInput(BulkAssignInput, raw);
      const claimIds = [...new Set(input.claimIds)];
      const list = await existingClaims(claimIds);
      const assignee = await activeAssignee(input.username);
      const due = input.due ?? null;
      await db.transaction(async (tx) => {
        await repo.upsertAssignments(tx, claimIds, assignee.id, editor.id, due);
        await events.record(tx, {
          kind: 'claims.assigned',
          editorId: editor.id,
          assigneeId: assignee.id,
          due,
          claims: list.map((claim) => ({ id: claim.id, quote: claim.exact })),
        });
      });
      return { assigned: claimIds.length, assignee };
    },

    async assignOne(claimId: number, raw: AssignInput, editor: Viewer): Promise<Assignee[]> {
      const input = parseInput(AssignInput, raw);
      await this.assign({ claimIds: [claimId], username: input.username, due: input.due }, editor);
      return (await this.assigneesOf([claimId])).get(claimId) ?? [];
    },

    async unassign(claimId: number, username: string): Promise<void> {
      const user = await accounts.findByUsername(username).catch(() => null);
      if (!user || (await repo.deleteAssignment(db, claimId, user.id)) === 0) throw new NotFoundError(`Claim ${claimId} is not assigned to “${username}”.`);
    },

    /** Each claim's assignees, with whether each has filed (done) and is overdue. */
    async assigneesOf(claimIds: number[]): Promise<Map<number, Assignee[]>> {
      const day = today();
      const byClaim = new Map<number, Assignee[]>();
      for (const row of await repo.listForClaims(db, claimIds)) {
        const list = byClaim.get(row.claimId) ?? [];
        list.push({ username: row.username, displayName: row.displayName, due: row.due, done: row.done, overdue: overdue(row.due, row.done, day) });
        byClaim.set(row.claimId, list);
      }
      return byClaim;
    },

    /** My work: assigned claims not yet checked, overdue first, then by due date, undated last. */
    async openFor(userId: number): Promise<MyWorkItem[]> {
      const day = today();
      return (await repo.listOpenFor(db, userId)).map((item) => ({ ...item, overdue: overdue(item.due, item.done, day) }));
    },

    /**
     * Reminds each assignee of open work due tomorrow (UTC), once per assignment and date whichever
     * instance runs it and however often (the notification's dedup key).
     */
    async remindDueTomorrow(now = new Date()): Promise<number> {
      const tomorrow = today(new Date(now.getTime() + 86_400_000));
      const due = await repo.listOpenDueOn(db, tomorrow);
      if (due.length > 0)
        await events.record(db, {
          kind: 'assignments.due_tomorrow',
          date: tomorrow,
          items: due.map((item) => ({ claimId: item.claimId, reviewerId: item.reviewerId, quote: item.quote })),
        });
      return due.length;
    },

    /** Claims with open dated work and the earliest due date of each. */
    earliestOpenDue: () => repo.earliestOpenDue(db),

    /** Active accounts a claim may be assigned to. */
    async assignableUsers(): Promise<{ username: string; displayName: string }[]> {
      return (await accounts.listUsers()).filter((u) => !u.disabled).map((u) => ({ username: u.username, displayName: u.displayName }));
    },

    async claimsAssignedTo(username: string): Promise<number[]> {
      const user = await accounts.findByUsername(username).catch(() => null);
      return user ? repo.claimIdsAssignedTo(db, user.id) : [];
    },
  };
}
