import type { Knex } from 'knex';
import type { Queryable } from '../db/knex';
import type { DomainEvent } from './event-kinds';

/**
 * What follows a change. Subscribers that write (audit, notifications, webhook deliveries, email,
 * stored aggregates) run inside the transaction that made the change, in the order they were
 * given, so their rows exist exactly when the change committed; those that keep copies (the
 * public page cache) run once it has committed, never after a rollback.
 */
export interface EventSubscriber {
  readonly name: string;
  inTransaction?(tx: Queryable, event: DomainEvent): Promise<void>;
  afterCommit?(event: DomainEvent): void;
}

/** The one way a service says what happened: `events.record(tx, …)` inside its transaction. */
export interface DomainEvents {
  record(tx: Queryable, event: DomainEvent): Promise<void>;
}

function isTransaction(db: Queryable): db is Knex.Transaction {
  return (db as Knex.Transaction).isTransaction === true;
}

/** The transaction whose commit makes the change visible: a savepoint's outermost parent. */
function outermost(tx: Knex.Transaction): Knex.Transaction {
  let current = tx;
  while (current.parentTransaction) current = current.parentTransaction;
  return current;
}

export function createDomainEvents(subscribers: readonly EventSubscriber[]): DomainEvents {
  const writers = subscribers.filter((s) => s.inTransaction);
  const followers = subscribers.filter((s) => s.afterCommit);
  const follow = (event: DomainEvent) => {
    for (const subscriber of followers) subscriber.afterCommit!(event);
  };
  return {
    async record(tx, event) {
      for (const subscriber of writers) await subscriber.inTransaction!(tx, event);
      if (followers.length === 0) return;
      // Written outside a transaction, the change is already committed.
      if (!isTransaction(tx)) return follow(event);
      outermost(tx).executionPromise.then(
        () => follow(event),
        () => undefined, // rolled back: nothing changed, nothing to follow
      );
    },
  };
}
