import { groupBy } from '../../src/lib/collections';

describe('groupBy', () => {
  test('when items share keys, then each key holds its items in their original order; absent keys are absent', () => {
    const groups = groupBy(
      [
        { k: 1, v: 'a' },
        { k: 2, v: 'b' },
        { k: 1, v: 'c' },
      ],
      (x) => x.k,
    );
    expect(groups.get(1)!.map((x) => x.v)).toEqual(['a', 'c']);
    expect(groups.get(2)!.map((x) => x.v)).toEqual(['b']);
    expect(groups.has(3)).toBe(false);
    expect(groupBy([], (x: number) => x).size).toBe(0);
  });
});
