import { anchorAt } from '../../src/modules/anchoring/anchoring';
import { foldTypography, PositionMap, reanchor, type CurrentAnchor } from '../../src/modules/anchoring/reanchoring';
import { wordDiff } from '../../src/lib/text-diff';

/** A claim on the `occurrence`-th copy of `quote` in `text`, as checked there. */
export function claimOn(text: string, quote: string, occurrence = 0): CurrentAnchor {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`quote not in text: ${quote}`);
  return { ...anchorAt(text, start, start + quote.length), status: 'exact', checkedExact: quote };
}

/** Re-anchors the claim from `before` into `after`, through their word diff, as a revision does. */
export const reanchorThrough = (before: string, after: string, claim: CurrentAnchor) =>
  reanchor(claim, after, foldTypography(after), new PositionMap(wordDiff(before, after)));
