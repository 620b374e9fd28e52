/**
 * Offsets in UTF-16 code units (what JavaScript, the DOM and Factline's stored offsets count)
 * and in Unicode code points (what the W3C Web Annotation model's TextPositionSelector counts).
 * They differ only after characters outside the Basic Multilingual Plane (emoji, some CJK), which
 * take two UTF-16 units and one code point. The index lists those characters once, so each
 * conversion is a binary search.
 */
export class CodePointIndex {
  /** UTF-16 offsets of the second half of each surrogate pair, ascending. */
  private readonly lowHalves: number[] = [];

  constructor(text: string) {
    for (let i = 0; i < text.length - 1; i++) {
      const code = text.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          this.lowHalves.push(i + 1);
          i++;
        }
      }
    }
  }

  /** How many pairs have their second half before `limit` (UTF-16). */
  private pairsBefore(limit: number): number {
    let low = 0;
    let high = this.lowHalves.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.lowHalves[mid] < limit) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  toCodePoints(utf16Offset: number): number {
    return utf16Offset - this.pairsBefore(utf16Offset);
  }

  toUtf16(codePointOffset: number): number {
    // Pair k starts at UTF-16 offset lowHalves[k] - 1, which is code point lowHalves[k] - 1 - k;
    // every pair starting before the target code point adds one unit.
    let low = 0;
    let high = this.lowHalves.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.lowHalves[mid] - 1 - mid < codePointOffset) low = mid + 1;
      else high = mid;
    }
    return codePointOffset + low;
  }
}
