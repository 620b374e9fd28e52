import { krippendorffAlpha, krippendorffAlphaFromPatterns, type RatingPattern } from '../../../src/modules/verdicts/krippendorff';

/**
 * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four observers,
 * twelve units, values 1–5 with missing data. Published results: nominal .743, ordinal .815,
 * interval .849. Units as columns (missing values left out; unit 12 has one value).
 */
const KRIPPENDORFF_2011_UNITS = [
  [1, 1, 1],
  [2, 2, 3, 2],
  [3, 3, 3, 3],
  [3, 3, 3, 3],
  [2, 2, 2, 2],
  [1, 2, 3, 4],
  [4, 4, 4, 4],
  [1, 1, 2, 1],
  [2, 2, 2, 2],
  [5, 5, 5],
  [1, 1],
  [3],
];

/**
 * A second, independent calculation straight from the definition alpha = 1 − D_o / D_e:
 * observed disagreement averaged over the ordered value pairs within each unit (each unit
 * weighted 1/(m−1)), expected disagreement over all ordered pairs of pooled pairable values.
 * No coincidence matrix.
 */
function alphaByPairs(units: number[][], metric: 'nominal' | 'ordinal' | 'interval'): number | null {
  const pairable = units.filter((u) => u.length >= 2);
  const pooled = pairable.flat();
  const n = pooled.length;
  if (n <= 1) return null;
  const frequency = (g: number) => pooled.filter((v) => v === g).length;
  const delta = (a: number, b: number): number => {
    if (metric === 'nominal') return a === b ? 0 : 1;
    if (metric === 'interval') return (a - b) ** 2;
    const [low, high] = a <= b ? [a, b] : [b, a];
    let sum = 0;
    for (const g of new Set(pooled)) if (g >= low && g <= high) sum += frequency(g);
    return (sum - (frequency(a) + frequency(b)) / 2) ** 2;
  };
  let observed = 0;
  for (const unit of pairable) {
    let within = 0;
    for (let i = 0; i < unit.length; i++) for (let j = 0; j < unit.length; j++) if (i !== j) within += delta(unit[i], unit[j]);
    observed += within / (unit.length - 1);
  }
  observed /= n;
  let expected = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) expected += delta(pooled[i], pooled[j]);
  expected /= n * (n - 1);
  return expected === 0 ? null : 1 - observed / expected;
}

function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('krippendorffAlpha', () => {
  test("when given Krippendorff's 2011 worked example, then it reproduces the published values", () => {
    const result = krippendorffAlpha(KRIPPENDORFF_2011_UNITS);
    expect(result.nominal).toBeCloseTo(0.743, 3);
    expect(result.ordinal).toBeCloseTo(0.815, 3);
    expect(result.interval).toBeCloseTo(0.849, 3);
    expect(result.units).toBe(11);
    expect(result.values).toBe(40);
  });

  test("when given Krippendorff's binary two-observer example, then nominal alpha is 0.095", () => {
    const a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    const b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    expect(krippendorffAlpha(a.map((v, i) => [v, b[i]])).nominal).toBeCloseTo(0.095, 3);
  });

  test('when compared with an independent pairwise calculation on 60 random data sets, then all three metrics agree', () => {
    const random = seededRandom(20261128);
    for (let set = 0; set < 60; set++) {
      const units = Array.from({ length: 3 + Math.floor(random() * 15) }, () =>
        Array.from({ length: 1 + Math.floor(random() * 5) }, () => 1 + Math.floor(random() * 5)),
      );
      const result = krippendorffAlpha(units);
      for (const metric of ['nominal', 'ordinal', 'interval'] as const) {
        const expected = alphaByPairs(units, metric);
        if (expected === null) expect(result[metric]).toBeNull();
        else expect(result[metric]).toBeCloseTo(expected, 3);
      }
    }
  });

  test('when claims with the same pattern of ratings are grouped (as SQL counts them), then alpha is the same as over every claim', () => {
    const random = seededRandom(17);
    for (let set = 0; set < 30; set++) {
      const units = Array.from({ length: 20 + Math.floor(random() * 200) }, () =>
        Array.from({ length: Math.floor(random() * 4) }, () => 1 + Math.floor(random() * 5)).sort(),
      );
      const groups = new Map<string, RatingPattern>();
      for (const unit of units) {
        const counts: Record<number, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
        for (const value of unit) counts[value] += 1;
        const key = JSON.stringify(counts);
        groups.set(key, { counts, units: (groups.get(key)?.units ?? 0) + 1 });
      }
      expect(groups.size).toBeLessThan(units.length);
      expect(krippendorffAlphaFromPatterns([...groups.values()])).toEqual(krippendorffAlpha(units));
    }
  });

  test('when every rating is the same, then alpha is undefined (null), not 1', () => {
    expect(
      krippendorffAlpha([
        [4, 4],
        [4, 4, 4],
      ]),
    ).toMatchObject({ nominal: null, ordinal: null, interval: null, units: 2 });
  });

  test('when no unit has two ratings, then alpha is undefined and no unit counts', () => {
    expect(krippendorffAlpha([[1], [5], []])).toEqual({ nominal: null, ordinal: null, interval: null, units: 0, values: 0 });
  });

  test('when raters disagree systematically, then alpha is negative', () => {
    expect(
      krippendorffAlpha([
        [1, 5],
        [5, 1],
        [1, 5],
      ]).interval!,
    ).toBeLessThan(0);
  });
});
