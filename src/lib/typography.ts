/**
 * Typographic variants of the same character: curly and straight quotes, apostrophes, primes,
 * guillemets and dashes. A correction that only changes these, or a publisher's markup that
 * uses others than Factline's copy, is the same text. Pure, with no dependency: the server
 * (re-anchoring) and embed.js (anchoring on publishers' pages) both use it.
 */
export const QUOTE_AND_DASH_FOLDS: Readonly<Record<string, string>> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u2033': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
};
