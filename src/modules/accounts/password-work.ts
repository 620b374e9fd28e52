import { BoundedConcurrency } from '../../lib/bounded-concurrency';

/**
 * A bound on password hashing. scrypt at its production cost takes 64 MiB and about 0.1 s of a
 * core, on libuv's thread pool, which the database driver (sqlite3) and DNS share. Without a
 * bound, a flood of sign-in or registration requests fills the pool and every other request
 * waits behind it. Here at most `concurrency` hashes run at once; up to `maxWaiting` more
 * queue; beyond that the request is refused at once with a 503 and Retry-After, so the flood
 * costs the server almost nothing and reading and writing carry on.
 */
export class PasswordWorkQueue {
  private readonly slots: BoundedConcurrency;
  /** How many hashes have run (diagnostics and tests). */
  completed = 0;

  constructor(
    readonly concurrency = 1,
    readonly maxWaiting = 8,
  ) {
    this.slots = new BoundedConcurrency(concurrency, maxWaiting, 'The server is busy checking passwords. Try again in a few seconds.');
  }

  get pending(): number {
    return this.slots.pending;
  }

  /** A 503 now when the queue is full, before any other work (attempt counters) is spent on the request. */
  refuseIfBusy(): void {
    this.slots.refuseIfFull();
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    return this.slots.run(async () => {
      try {
        return await work();
      } finally {
        this.completed += 1;
      }
    });
  }
}

/** The process-wide queue every password hash and verification goes through. */
export const passwordWork = new PasswordWorkQueue();
