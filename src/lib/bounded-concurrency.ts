import { ServiceUnavailableError } from './errors';

/**
 * At most `concurrency` holders at once; up to `maxWaiting` more wait in arrival order; beyond
 * that `acquire` refuses at once with a 503 and Retry-After (`busyMessage`). Used to keep a flood
 * of one kind of work from crowding out everything else (password hashing, anonymous form posts).
 */
export class BoundedConcurrency {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly concurrency: number,
    readonly maxWaiting: number,
    private readonly busyMessage: string,
  ) {}

  get pending(): number {
    return this.active + this.waiting.length;
  }

  /** Refuses now, as `acquire` would, when every place and every waiting place is taken. */
  refuseIfFull(): void {
    if (this.active >= this.concurrency && this.waiting.length >= this.maxWaiting) throw new ServiceUnavailableError(this.busyMessage, 5);
  }

  /** Waits for a place and returns the function that gives it back (call it exactly once). */
  async acquire(): Promise<() => void> {
    this.refuseIfFull();
    if (this.active >= this.concurrency) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active += 1;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    };
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
}
