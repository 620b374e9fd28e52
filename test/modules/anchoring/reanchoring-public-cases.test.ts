import { anchorAt } from '../../../src/modules/anchoring/anchoring';
import { foldTypography, PositionMap, reanchor, type AnchorStatus } from '../../../src/modules/anchoring/reanchoring';
import { wordDiff } from '../../../src/lib/text-diff';
import { composeDocument, draftsFromPlainText } from '../../../src/modules/articles/article-document';

/**
 * Re-anchoring measured against cases we did not write: the quote-matching tests of
 * hypothesis/client (src/annotator/anchoring/test/match-quote-test.js, BSD-2-Clause) and
 * apache/incubator-annotator (packages/dom/test/text-quote/match-cases.ts, Apache-2.0). Those test
 * where a quote with its prefix and suffix lands in one text; each case is rewritten here as an
 * edit of an article (the case's situation before, then the change it implies), and checks where
 * the claim lands after it. No code or expected value is copied: the situations are theirs, the
 * texts and the answers ours. Dickens's opening of A Tale of Two Cities (public domain) is the
 * text of the cases that Hypothesis builds on it.
 */
const DICKENS =
  'It was the best of times, it was the worst of times, it was the age of wisdom, it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity, it was the season of Light, it was the season of Darkness, it was the spring of hope, it was the winter of despair, we had everything before us, we had nothing before us, we were all going direct to Heaven, we were all going direct the other way.';
const HARBOUR =
  'Many years later, as the council faced the vote on the new ferry, the mayor was to remember that distant afternoon when the harbour first froze over.';
const QUAY = 'The port authority said the quay would close for six weeks from March, and that ferries would use the north pier meanwhile.';

const HEADLINE = 'The week in the harbour';
const textOf = (plain: string, headline = HEADLINE) => composeDocument('public-cases', draftsFromPlainText(headline, plain)).text;

/** Where a string's n-th occurrence (from 1) starts. */
function nth(text: string, quote: string, n: number): number {
  let at = -1;
  for (let i = 0; i < n; i++) {
    at = text.indexOf(quote, at + 1);
    if (at < 0) throw new Error(`“${quote}” does not occur ${n} times`);
  }
  return at;
}

interface Case {
  source: 'hypothesis' | 'annotator';
  name: string;
  before: string;
  /** The claim: a quote and which of its occurrences in `before` it was made on. */
  claim: { quote: string; occurrence?: number };
  after: string;
  /** The headline after the edit, when the edit corrects it. */
  headlineAfter?: string;
  /** Where the claim must be after the edit: the same words (kept), other words there (fuzzy), or nowhere. */
  expect: { status: 'kept' | 'fuzzy'; quote: string; occurrence?: number } | { status: 'orphaned' };
}

const CASES: Case[] = [
  // hypothesis/client: match-quote-test.js
  {
    source: 'hypothesis',
    name: 'an exact quote, the article otherwise edited above it',
    before: `${HARBOUR}\n\n${QUAY}`,
    claim: { quote: 'distant afternoon when the harbour first froze' },
    after: `Editor’s note: corrected on Tuesday.\n\n${HARBOUR}\n\n${QUAY}`,
    expect: { status: 'kept', quote: 'distant afternoon when the harbour first froze' },
  },
  {
    source: 'hypothesis',
    name: 'no exact match left: a typo in the quote fixed',
    before: `${HARBOUR.replace('Many years later', 'Many yers later')}\n\n${QUAY}`,
    claim: { quote: 'Many yers later, as the council faced the vote' },
    after: `${HARBOUR}\n\n${QUAY}`,
    expect: { status: 'fuzzy', quote: 'Many years later, as the council faced the vote' },
  },
  {
    source: 'hypothesis',
    name: 'the quote’s words changed more, one after another (closest first)',
    before: `${HARBOUR}\n\n${QUAY}`,
    claim: { quote: 'Many years later, as the council faced the vote' },
    after: `${HARBOUR.replace('Many years later', 'Some years later')}\n\n${QUAY}`,
    expect: { status: 'fuzzy', quote: 'Some years later, as the council faced the vote' },
  },
  {
    source: 'hypothesis',
    name: 'the quote rewritten beyond recognition',
    before: `${HARBOUR}\n\n${QUAY}`,
    claim: { quote: 'Many years later, as the council faced the vote' },
    after: `${HARBOUR.replace('Many years later, as the council faced the vote', 'Some decades after, when councillors debated')}\n\n${QUAY}`,
    expect: { status: 'orphaned' },
  },
  {
    source: 'hypothesis',
    name: 'the prefix tells which “before us”: the first, its prefix edited',
    before: DICKENS,
    claim: { quote: 'before us', occurrence: 1 },
    after: DICKENS.replace('we had everything before us', 'we had every-thing before us'),
    expect: { status: 'kept', quote: 'before us', occurrence: 1 },
  },
  {
    source: 'hypothesis',
    name: 'the prefix tells which “before us”: the second, its prefix edited',
    before: DICKENS,
    claim: { quote: 'before us', occurrence: 2 },
    after: DICKENS.replace('we had nothing before us', 'we had nout before us'),
    expect: { status: 'kept', quote: 'before us', occurrence: 2 },
  },
  {
    source: 'hypothesis',
    name: 'the suffix tells which “we had”: the first, its suffix edited',
    before: DICKENS,
    claim: { quote: 'we had', occurrence: 1 },
    after: DICKENS.replace('we had everything', 'we had ever ting'),
    expect: { status: 'kept', quote: 'we had', occurrence: 1 },
  },
  {
    source: 'hypothesis',
    name: 'the suffix tells which “we had”: the second, its suffix edited',
    before: DICKENS,
    claim: { quote: 'we had', occurrence: 2 },
    after: DICKENS.replace('we had nothing', 'we had nutting'),
    expect: { status: 'kept', quote: 'we had', occurrence: 2 },
  },
  {
    source: 'hypothesis',
    name: 'no acceptable match: the article replaced by another text',
    before: `${HARBOUR}\n\n${QUAY}`,
    claim: { quote: 'the mayor was to remember that distant afternoon' },
    after: DICKENS,
    expect: { status: 'orphaned' },
  },
  {
    source: 'hypothesis',
    name: 'a misspelt quote that occurs twice: each claim follows its own occurrence when both are fixed',
    before: DICKENS.replaceAll('before us', 'befor us'),
    claim: { quote: 'befor us', occurrence: 2 },
    after: DICKENS,
    expect: { status: 'fuzzy', quote: 'before us', occurrence: 2 },
  },
  {
    source: 'hypothesis',
    name: 'a misspelt quote that occurs twice: the first occurrence',
    before: DICKENS.replaceAll('before us', 'befor us'),
    claim: { quote: 'befor us', occurrence: 1 },
    after: DICKENS,
    expect: { status: 'fuzzy', quote: 'before us', occurrence: 1 },
  },
  {
    source: 'hypothesis',
    name: 'the prefix longer than what now precedes the quote',
    before: `It used to be said, many years later, that the harbour froze. ${QUAY}`,
    claim: { quote: 'many years later, that the harbour froze' },
    after: `Many years later, that the harbour froze was forgotten. ${QUAY}`,
    expect: { status: 'fuzzy', quote: 'Many years later, that the harbour froze' },
  },
  {
    source: 'hypothesis',
    name: 'the quote ends the article, then text is added after it',
    before: `${QUAY}\n\n${DICKENS}`,
    claim: { quote: 'we were all going direct the other way.' },
    after: `${QUAY}\n\n${DICKENS}\n\nThe ferry timetable is on page four.`,
    expect: { status: 'kept', quote: 'we were all going direct the other way.' },
  },
  // apache/incubator-annotator: packages/dom/test/text-quote/match-cases.ts
  {
    source: 'annotator',
    name: 'the first characters of the text',
    before: `${QUAY}\n\n${HARBOUR}`,
    claim: { quote: 'The port authority said' },
    after: `${QUAY}\n\n${HARBOUR}\n\nFerries resume in April.`,
    expect: { status: 'kept', quote: 'The port authority said' },
  },
  {
    source: 'annotator',
    name: 'the last characters of the text, the paragraph before it edited',
    before: `${QUAY}\n\n${HARBOUR}`,
    claim: { quote: 'when the harbour first froze over.' },
    after: `${QUAY.replace('six weeks', 'eight weeks')}\n\n${HARBOUR}`,
    expect: { status: 'kept', quote: 'when the harbour first froze over.' },
  },
  {
    source: 'annotator',
    name: 'two occurrences in one paragraph: the second, words inserted before the first',
    before: DICKENS,
    claim: { quote: 'the age of', occurrence: 2 },
    after: DICKENS.replace('it was the age of wisdom', 'it was, some said, the age of wisdom'),
    expect: { status: 'kept', quote: 'the age of', occurrence: 2 },
  },
  {
    source: 'annotator',
    name: 'three occurrences across paragraphs: the third, the first one edited',
    before: `Match again and again.\n\n${QUAY}\n\nAnd again the ferry was late.`,
    claim: { quote: 'again', occurrence: 3 },
    after: `Match once more and again.\n\n${QUAY}\n\nAnd again the ferry was late.`,
    expect: { status: 'kept', quote: 'again', occurrence: 2 },
  },
  {
    source: 'annotator',
    name: 'overlapping occurrences: the second of “no, no” in “no, no, no”, a sentence inserted before',
    before: `${QUAY} The council’s answer was no, no, no.`,
    claim: { quote: 'no, no', occurrence: 2 },
    after: `${QUAY} Fares stay the same. The council’s answer was no, no, no.`,
    expect: { status: 'kept', quote: 'no, no', occurrence: 2 },
  },
  {
    source: 'annotator',
    name: 'no match at all: the quote’s sentence deleted',
    before: `${QUAY}\n\n${HARBOUR}`,
    claim: { quote: HARBOUR },
    after: QUAY,
    expect: { status: 'orphaned' },
  },
  {
    source: 'annotator',
    name: 'with a prefix: the “season of” after “Light, it was the”, the text before it edited',
    before: DICKENS,
    claim: { quote: 'season of', occurrence: 2 },
    after: DICKENS.replace('it was the season of Light', 'it was the season of light'),
    expect: { status: 'kept', quote: 'season of', occurrence: 2 },
  },
  {
    source: 'annotator',
    name: 'with a suffix: the “epoch of” before “incredulity”, its suffix corrected',
    before: DICKENS,
    claim: { quote: 'epoch of', occurrence: 2 },
    after: DICKENS.replace('epoch of incredulity', 'epoch of incredulity and doubt'),
    expect: { status: 'kept', quote: 'epoch of', occurrence: 2 },
  },
  {
    source: 'annotator',
    name: 'with a prefix that no longer matches: the quote occurs once, so it is followed',
    before: `${QUAY}\n\n${HARBOUR}`,
    claim: { quote: 'ferries would use the north pier meanwhile' },
    after: `${QUAY.replace('and that ferries', 'while ferries')}\n\n${HARBOUR}`,
    expect: { status: 'kept', quote: 'ferries would use the north pier meanwhile' },
  },
  {
    source: 'annotator',
    name: 'with a suffix that differs only in white space',
    before: `${QUAY}\n\n${HARBOUR}`,
    claim: { quote: 'as the council faced the vote' },
    after: `${QUAY}\n\n${HARBOUR.replace('vote on the new ferry', 'vote  on the new\u00a0ferry')}`,
    expect: { status: 'kept', quote: 'as the council faced the vote' },
  },
  {
    source: 'annotator',
    name: 'text in the headline: the headline corrected',
    before: `${QUAY}`,
    claim: { quote: 'The week in the harbour' },
    after: `${QUAY}`,
    headlineAfter: 'The week in the harbor',
    expect: { status: 'fuzzy', quote: 'The week in the harbor' },
  },
];

interface Outcome {
  name: string;
  expected: Case['expect'];
  status: AnchorStatus;
  start: number;
  quote: string;
  right: boolean;
  wrong: boolean;
}

function run(c: Case): Outcome {
  const before = textOf(c.before);
  const after = textOf(c.after, c.headlineAfter);
  const start = nth(before, c.claim.quote, c.claim.occurrence ?? 1);
  const anchor = anchorAt(before, start, start + c.claim.quote.length);
  const result = reanchor({ ...anchor, status: 'exact', checkedExact: c.claim.quote }, after, foldTypography(after), new PositionMap(wordDiff(before, after)));
  const quote = after.slice(result.anchor.start, result.anchor.end);
  const expected = c.expect;
  const landed = result.status !== 'orphaned';
  const where = expected.status === 'orphaned' ? null : nth(after, expected.quote, expected.occurrence ?? 1);
  const onTheWords = where !== null && result.anchor.start === where && quote === (expected as { quote: string }).quote;
  const statusRight =
    expected.status === 'orphaned' ? !landed : expected.status === 'kept' ? ['exact', 'moved'].includes(result.status) : result.status === 'fuzzy';
  return {
    name: c.name,
    expected,
    status: result.status,
    start: result.anchor.start,
    quote,
    right: statusRight && (expected.status === 'orphaned' || onTheWords),
    // Landing somewhere when the words are gone, or on other words than the intended ones.
    wrong: landed && !onTheWords,
  };
}

const outcomes = CASES.map(run);

describe('re-anchoring on the public quote-matching cases, rewritten as edits', () => {
  test.each(CASES.map((c) => [`${c.source}: ${c.name}`, c.name]))('when %s, then the claim lands where the edit means', (_label, name) => {
    const outcome = outcomes.find((o) => o.name === name)!;
    expect({ status: outcome.status, quote: outcome.quote, right: outcome.right }).toEqual({
      status: outcome.expected.status === 'orphaned' ? 'orphaned' : outcome.status,
      quote: outcome.expected.status === 'orphaned' ? outcome.quote : outcome.expected.quote,
      right: true,
    });
  });

  test('when every case is scored, then none is anchored on the wrong words', () => {
    expect(outcomes.filter((o) => o.wrong).map((o) => o.name)).toEqual([]);
    expect(outcomes.filter((o) => o.right).length).toBe(CASES.length);
  });
});
