/**
 * The words that decide what a claim says, whatever else changed: its numbers and its negations.
 * A verdict on "22,000 were arrested" is not a verdict on "2,200 were arrested", nor on "were not
 * arrested". Pure and dependency-free: the server (re-anchoring) and embed.js (in the browser)
 * share it.
 */
const NEGATIONS = new Set(
  'not no never none nobody nothing nowhere neither nor without cannot deny denies denied denying dispute disputes disputed false falsely refute refutes refuted reject rejects rejected untrue'.split(
    ' ',
  ),
);

const wordsOf = (text: string) =>
  text
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .toLowerCase()
    .split(/[^\p{L}\p{N}']+/u)
    .filter(Boolean);

/** The negations in a text, sorted, as one string (so two texts compare with ===). */
export function negationsIn(text: string): string {
  return wordsOf(text)
    .filter((word) => NEGATIONS.has(word) || word.endsWith("n't"))
    .sort()
    .join(' ');
}

/**
 * The numbers in a text in order, their digit grouping dropped ("22,000" and "22 000" are 22000;
 * "2.5" stays). A number stuck to the word or punctuation before it ("lockdowns,1", "H5N1") is
 * a footnote marker or part of a name, not a figure, and is left out on both sides.
 */
export function numbersIn(text: string): string {
  const figures: string[] = [];
  for (const match of text.matchAll(/\d[\d,.\u00a0\u202f ]*\d|\d/g)) {
    const before = match.index > 0 ? text[match.index - 1] : ' ';
    if (/[\p{L},.;:!?)\]\u201d"\u2019']/u.test(before)) continue;
    figures.push(match[0].replace(/[,\u00a0\u202f ](?=\d{3}\b)/g, '').replace(/[ .,]+$/, ''));
  }
  return figures.join(' ');
}

/** Whether two wordings of a quote say the same by their numbers and negations (the rest may differ). */
export function sameNumbersAndNegations(a: string, b: string): boolean {
  return numbersIn(a) === numbersIn(b) && negationsIn(a) === negationsIn(b);
}
