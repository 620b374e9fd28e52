/** Groups items by a key in one pass, for joining child rows to their parents without a nested scan. */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * Orders strings by UTF-16 code units, the same on every machine. `localeCompare` depends on
 * the ICU data and locale Node was built with, so it must never order what is stored or hashed.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
