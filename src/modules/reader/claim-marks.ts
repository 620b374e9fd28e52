/**
 * Exact highlights: a published claim highlights exactly its quote, not its sentence. The text
 * of the page is cut into runs (sentences and the spacing between them, each its own element or
 * text); every run is cut again at the claims' boundaries into segments, and each segment knows
 * every claim that covers it. A claim that crosses a run's boundary (two sentences, two blocks)
 * becomes one mark per run; overlapping and nested claims give segments covered by several.
 * Pure: offsets are the article text's (UTF-16 units), as the claims' targets.
 */
export interface MarkedClaim {
  claimId: number;
  start: number;
  end: number;
}

export interface Segment<C extends MarkedClaim = MarkedClaim> {
  start: number;
  end: number;
  text: string;
  /** Every claim covering this segment, in the order given (outermost first when sorted by start, then longest). */
  claims: C[];
}

/** The segments of the run [start, end) of `text`: uncovered text and covered text alternate, nothing is lost or repeated. */
export function segmentRun<C extends MarkedClaim>(text: string, start: number, end: number, claims: C[]): Segment<C>[] {
  const covering = claims.filter((claim) => claim.start < end && claim.end > start && claim.end > claim.start);
  if (covering.length === 0) return start < end ? [{ start, end, text: text.slice(start, end), claims: [] }] : [];
  const cuts = new Set<number>([start, end]);
  for (const claim of covering) {
    if (claim.start > start) cuts.add(claim.start);
    if (claim.end < end) cuts.add(claim.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment<C>[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [from, to] = [points[i], points[i + 1]];
    segments.push({ start: from, end: to, text: text.slice(from, to), claims: covering.filter((claim) => claim.start <= from && claim.end >= to) });
  }
  return segments;
}

/** Outermost first: by start, then the longer claim first, then by id (a stable order for nested and equal spans). */
export function byPosition<C extends MarkedClaim>(claims: C[]): C[] {
  return [...claims].sort((a, b) => a.start - b.start || b.end - a.end || a.claimId - b.claimId);
}
