/**
 * Krippendorff's alpha for one article: units are claims, values are the reviewers' ordinal
 * ratings (1–5); `unverifiable` is missing, and units with fewer than two ratings are left
 * out (they are not pairable). Computed through the coincidence matrix, as in Krippendorff,
 * "Computing Krippendorff's Alpha-Reliability" (2011):
 *   alpha = 1 − (n − 1) · Σ o_ck δ²_ck / Σ n_c n_k δ²_ck
 * Returns null where alpha is undefined (fewer than two pairable values, or no variation at all).
 */
export type AlphaMetric = 'nominal' | 'ordinal' | 'interval';

export interface AlphaResult {
  nominal: number | null;
  ordinal: number | null;
  interval: number | null;
  /** Units (claims) with at least two ratings. */
  units: number;
  /** Pairable ratings in those units. */
  values: number;
}

interface Coincidences {
  categories: number[];
  matrix: number[][];
  marginals: number[];
  total: number;
}

/** Claims that share one pattern of ratings: how many of each value (`counts[v]`, values 1…), and how many claims have it. */
export interface RatingPattern {
  counts: Record<number, number>;
  units: number;
}

/**
 * The coincidence matrix from rating patterns: a unit with m pairable values contributes
 * n_c · (n_k − [c = k]) / (m − 1) to o_ck. Claims with the same pattern contribute the same, so
 * the database can hand over counts grouped by pattern instead of every rating.
 */
function coincidences(patterns: RatingPattern[]): Coincidences {
  const pairable = patterns.filter((p) => p.units > 0 && Object.values(p.counts).reduce((a, b) => a + b, 0) >= 2);
  const categories = [
    ...new Set(
      pairable.flatMap((p) =>
        Object.keys(p.counts)
          .filter((v) => p.counts[Number(v)] > 0)
          .map(Number),
      ),
    ),
  ].sort((a, b) => a - b);
  const matrix = categories.map(() => categories.map(() => 0));
  for (const pattern of pairable) {
    const m = Object.values(pattern.counts).reduce((a, b) => a + b, 0);
    categories.forEach((c, i) =>
      categories.forEach((k, j) => {
        const nc = pattern.counts[c] ?? 0;
        const nk = pattern.counts[k] ?? 0;
        matrix[i][j] += (pattern.units * nc * (nk - (c === k ? 1 : 0))) / (m - 1);
      }),
    );
  }
  const marginals = matrix.map((row) => row.reduce((a, b) => a + b, 0));
  return { categories, matrix, marginals, total: marginals.reduce((a, b) => a + b, 0) };
}

function deltaSquared(metric: AlphaMetric, c: number, k: number, data: Coincidences): number {
  const valueC = data.categories[c];
  const valueK = data.categories[k];
  if (metric === 'nominal') return c === k ? 0 : 1;
  if (metric === 'interval') return (valueC - valueK) ** 2;
  const [low, high] = c <= k ? [c, k] : [k, c];
  let sum = 0;
  for (let g = low; g <= high; g++) sum += data.marginals[g];
  return (sum - (data.marginals[c] + data.marginals[k]) / 2) ** 2;
}

function alphaFor(metric: AlphaMetric, data: Coincidences): number | null {
  if (data.total <= 1) return null;
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < data.categories.length; c++) {
    for (let k = 0; k < data.categories.length; k++) {
      const delta = deltaSquared(metric, c, k, data);
      observed += data.matrix[c][k] * delta;
      expected += data.marginals[c] * data.marginals[k] * delta;
    }
  }
  if (expected === 0) return null;
  return 1 - ((data.total - 1) * observed) / expected;
}

/** Alpha from rating patterns and how many claims have each (what SQL can count without reading every check). */
export function krippendorffAlphaFromPatterns(patterns: RatingPattern[]): AlphaResult {
  const data = coincidences(patterns);
  const round = (value: number | null) => (value === null ? null : Number(value.toFixed(4)));
  return {
    nominal: round(alphaFor('nominal', data)),
    ordinal: round(alphaFor('ordinal', data)),
    interval: round(alphaFor('interval', data)),
    units: patterns.filter((p) => Object.values(p.counts).reduce((a, b) => a + b, 0) >= 2).reduce((n, p) => n + p.units, 0),
    values: Math.round(data.total),
  };
}

/** Alpha from each unit's list of ratings. */
export function krippendorffAlpha(units: number[][]): AlphaResult {
  return krippendorffAlphaFromPatterns(
    units.map((unit) => {
      const counts: Record<number, number> = {};
      for (const value of unit) counts[value] = (counts[value] ?? 0) + 1;
      return { counts, units: 1 };
    }),
  );
}
