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

function coincidences(units: number[][]): Coincidences {
  const pairable = units.filter((unit) => unit.length >= 2);
  const categories = [...new Set(pairable.flat())].sort((a, b) => a - b);
  const index = new Map(categories.map((c, i) => [c, i]));
  const matrix = categories.map(() => categories.map(() => 0));
  for (const unit of pairable) {
    const weight = 1 / (unit.length - 1);
    for (let i = 0; i < unit.length; i++) {
      for (let j = 0; j < unit.length; j++) {
        if (i !== j) matrix[index.get(unit[i])!][index.get(unit[j])!] += weight;
      }
    }
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

export function krippendorffAlpha(units: number[][]): AlphaResult {
  const data = coincidences(units);
  const round = (value: number | null) => (value === null ? null : Number(value.toFixed(4)));
  return {
    nominal: round(alphaFor('nominal', data)),
    ordinal: round(alphaFor('ordinal', data)),
    interval: round(alphaFor('interval', data)),
    units: units.filter((unit) => unit.length >= 2).length,
    values: data.total,
  };
}
