/**
 * The verdict scale. Ordinal where it has a value (false = 1 … true = 5); `unverifiable` has none
 * and counts as a missing rating in every statistic.
 */
export const VERDICTS = ['false', 'mostly-false', 'mixed', 'mostly-true', 'true', 'unverifiable'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const VERDICT_VALUE: Record<Verdict, number | null> = {
  false: 1,
  'mostly-false': 2,
  mixed: 3,
  'mostly-true': 4,
  true: 5,
  unverifiable: null,
};

export const VERDICT_LABEL: Record<Verdict, string> = {
  false: 'False',
  'mostly-false': 'Mostly false',
  mixed: 'Mixed',
  'mostly-true': 'Mostly true',
  true: 'True',
  unverifiable: 'Unverifiable',
};

const BY_VALUE: Record<number, Verdict> = { 1: 'false', 2: 'mostly-false', 3: 'mixed', 4: 'mostly-true', 5: 'true' };

export function verdictForValue(value: number): Verdict {
  const verdict = BY_VALUE[value];
  if (!verdict) throw new RangeError(`No verdict has the value ${value}`);
  return verdict;
}

export function isVerdict(value: unknown): value is Verdict {
  return typeof value === 'string' && (VERDICTS as readonly string[]).includes(value);
}

export const CONFIDENCES = ['low', 'medium', 'high'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export const STANCES = ['supports', 'refutes', 'context'] as const;
export type Stance = (typeof STANCES)[number];
