/** Keys read by one query at most (well under SQLite's and PostgreSQL's bound-variable limits). */
const MAX_KEYS = 200;

interface Waiter<V> {
  resolve(value: V | null): void;
  reject(error: unknown): void;
}

/**
 * Look-ups that arrive while one is running are answered together by the next: one query for
 * many keys. SQLite has one connection, so concurrent API requests would otherwise queue one
 * look-up each behind everything else on it. Every caller still gets an answer read after it
 * asked (a look-up never reuses an earlier query's result), so a token revoked or an account
 * disabled before a request arrives is seen by that request, as with a query of its own.
 */
export function createBatchedLookup<K, V>(load: (keys: K[]) => Promise<Map<K, V>>): (key: K) => Promise<V | null> {
  const waiting = new Map<K, Waiter<V>[]>();
  let running = false;

  async function drain(): Promise<void> {
    running = true;
    try {
      while (waiting.size > 0) {
        const keys = [...waiting.keys()].slice(0, MAX_KEYS);
        const batch = new Map(keys.map((key) => [key, waiting.get(key)!]));
        for (const key of keys) waiting.delete(key);
        try {
          const found = await load(keys);
          for (const [key, waiters] of batch) for (const waiter of waiters) waiter.resolve(found.get(key) ?? null);
        } catch (error) {
          for (const waiters of batch.values()) for (const waiter of waiters) waiter.reject(error);
        }
      }
    } finally {
      running = false;
    }
  }

  return (key) =>
    new Promise<V | null>((resolve, reject) => {
      const waiters = waiting.get(key);
      if (waiters) waiters.push({ resolve, reject });
      else waiting.set(key, [{ resolve, reject }]);
      if (!running) void drain();
    });
}
