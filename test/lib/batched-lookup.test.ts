import { createBatchedLookup } from '../../src/lib/batched-lookup';

/** A loader whose queries the test finishes by hand, recording the keys each one was asked. */
function manualLoader(table: Map<string, number>) {
  const calls: { keys: string[]; finish(): void; fail(error: Error): void }[] = [];
  const load = (keys: string[]) =>
    new Promise<Map<string, number>>((resolve, reject) => {
      // The query sees the data as it is when it starts (its snapshot), as a database statement does.
      const snapshot = new Map(keys.filter((k) => table.has(k)).map((k) => [k, table.get(k)!]));
      calls.push({ keys, finish: () => resolve(snapshot), fail: reject });
    });
  return { calls, load };
}
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('batched look-ups', () => {
  test('when look-ups arrive while one runs, then the next query answers all of them, each key once', async () => {
    const table = new Map([
      ['a', 1],
      ['b', 2],
    ]);
    const { calls, load } = manualLoader(table);
    const lookup = createBatchedLookup(load);
    const first = lookup('a'); // starts a query at once: no waiting when nothing else runs
    expect(calls.map((c) => c.keys)).toEqual([['a']]);
    const later = [lookup('b'), lookup('a'), lookup('missing'), lookup('b')];
    await tick();
    expect(calls).toHaveLength(1); // they wait for the running query
    calls[0].finish();
    expect(await first).toBe(1);
    await tick();
    expect(calls.map((c) => c.keys)).toEqual([['a'], ['b', 'a', 'missing']]);
    calls[1].finish();
    expect(await Promise.all(later)).toEqual([2, 1, null, 2]);
  });

  test('when the data changes while a look-up waits, then it gets the new answer, never the earlier query’s', async () => {
    const table = new Map([['token', 7]]);
    const { calls, load } = manualLoader(table);
    const lookup = createBatchedLookup(load);
    const before = lookup('token');
    const after = lookup('token'); // asked while the first query runs…
    table.delete('token'); // …and the token is revoked before that query even finishes
    calls[0].finish();
    expect(await before).toBe(7); // asked before the revocation: the running query's answer is right for it
    await tick();
    expect(calls).toHaveLength(2); // the later look-up is not answered from the earlier query's snapshot…
    calls[1].finish();
    expect(await after).toBeNull(); // …but from a query that started after it asked, which sees the revocation
  });

  test('when a query fails, then every look-up it was answering fails and later ones still run', async () => {
    const { calls, load } = manualLoader(new Map([['a', 1]]));
    const lookup = createBatchedLookup(load);
    const failed = lookup('a');
    calls[0].fail(new Error('database gone'));
    await expect(failed).rejects.toThrow('database gone');
    const again = lookup('a');
    calls[1].finish();
    expect(await again).toBe(1);
  });

  test('when more keys wait than one query may bind, then they are read in several queries', async () => {
    const table = new Map(Array.from({ length: 450 }, (_, i) => [`k${i}`, i] as [string, number]));
    const sizes: number[] = [];
    const lookup = createBatchedLookup(async (keys: string[]) => {
      sizes.push(keys.length);
      return new Map(keys.map((k) => [k, table.get(k)!]));
    });
    const answers = await Promise.all([...table.keys()].map((k) => lookup(k)));
    expect(answers).toEqual([...table.values()]);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(200);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(450);
  });
});
