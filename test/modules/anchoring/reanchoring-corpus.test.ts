import fs from 'node:fs';
import path from 'node:path';
import { anchorAt } from '../../../src/modules/anchoring/anchoring';
import { foldTypography, PositionMap, reanchor, type AnchorStatus } from '../../../src/modules/anchoring/reanchoring';
import { wordDiff } from '../../../src/lib/text-diff';
import { composeDocument, draftsFromPlainText } from '../../../src/modules/articles/article-document';

/**
 * The re-anchoring corpus: claims on the seed article (whole sentences, quotes inside a sentence,
 * a quote across two sentences, a short phrase that occurs more than once, a heading), and
 * realistic edits an article gets after publication. Each edit names what must become of each
 * claim; a claim not named must keep its text (exact or moved). New offsets must address the
 * intended words. The figures the README reports are computed here.
 */
const seed = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../content/articles/chinese-nationals-arrested-at-us-southern-border.json'), 'utf8'));
const body: string = seed.body.map((b: { kind: string; text: string }) => (b.kind === 'heading' ? `## ${b.text}` : b.text)).join('\n\n');
/** Article text as Factline stores it (headline, blocks joined by blank lines). */
const textOf = (plain: string) => composeDocument('corpus', draftsFromPlainText(seed.title, plain)).text;

const S = {
  arrests:
    'More and more people from mainland China are attempting the difficult and illegal journey from Latin America to the United States via the Mexican border, with over 22,000 arrested by U.S. Customs and Border Patrol officials this year.',
  pay: 'Chinese who opt to enter the U.S. via the southern border typically have to pay tens of thousands of dollars to be led or smuggled.',
  trip: 'Their trip usually starts with a flight to Ecuador, a country that allows visa-free travel from the PRC.',
  price:
    'But the price is one an ever-greater number of people are willing to pay, given China’s deteriorating economy and the worsening state of human rights under the communist regime.',
  home: 'The U.S. is home to roughly 5 million people of Chinese descent, and has accepted 66,000 refugees from the PRC.',
  lockdowns: 'From the beginning of 2020 to late 2022, hundreds of millions of Chinese spent extended periods under strict “zero-COVID” lockdowns',
};
const P3 = `${S.pay} ${S.trip}`;

/** The claims, by the quote they were made on. */
const CLAIMS: Record<string, string> = {
  A: S.arrests, // a whole sentence
  B: 'a country that allows visa-free travel from the PRC', // a quote inside a sentence
  C: 'typically have to pay tens of thousands of dollars to be led or smuggled. Their trip usually starts with a flight to Ecuador', // across two sentences
  D: S.home, // a sentence with figures
  E: 'zero-COVID', // a short phrase that occurs again later in the article
  F: '“The idea of leaving really took off during the grueling lockdowns', // curly quotes
  G: 'Time to ‘rùn’', // a heading
};

type Expectation = { status: 'kept' | 'fuzzy' | 'orphaned'; quote?: string };

interface Edit {
  name: string;
  /** The article before the edit (the seed, unless the case needs something there). */
  before?: (plain: string) => string;
  /** The edit, applied to the article before it. */
  after: (plain: string) => string;
  /** Quotes in the "before" text, where they differ from CLAIMS. */
  quotes?: Record<string, string>;
  expect: Record<string, Expectation>;
}

const replaceOnce = (plain: string, from: string, to: string) => {
  if (!plain.includes(from)) throw new Error(`corpus edit does not apply: ${from.slice(0, 60)}`);
  return plain.replace(from, to);
};
const canada = 'Canada is home to roughly 1.7 million people of Chinese descent, and has accepted 16,000 refugees from the PRC.';

const EDITS: Edit[] = [
  {
    name: 'a typo fixed inside a quote',
    before: (p) => replaceOnce(p, 'visa-free travel', 'visa-free travle'),
    after: (p) => replaceOnce(p, 'visa-free travle', 'visa-free travel'),
    quotes: { B: 'a country that allows visa-free travle from the PRC' },
    expect: { B: { status: 'fuzzy', quote: CLAIMS.B } },
  },
  {
    name: 'a figure corrected',
    after: (p) => replaceOnce(p, '66,000 refugees', '68,000 refugees'),
    expect: { D: { status: 'fuzzy', quote: S.home.replace('66,000', '68,000') } },
  },
  {
    name: 'a word inserted before the quote, and into another quote',
    after: (p) => replaceOnce(p, 'starts with a flight', 'starts with a long flight'),
    expect: { C: { status: 'fuzzy', quote: CLAIMS.C.replace('a flight', 'a long flight') } },
  },
  { name: 'a paragraph inserted above', after: (p) => `Editor’s note: this article was updated with new figures on November 24.\n\n${p}`, expect: {} },
  {
    name: 'two paragraphs swapped',
    after: (p) => replaceOnce(p, `${P3}\n\n${S.price}`, `${S.price}\n\n${P3}`),
    expect: {},
  },
  {
    name: 'a paragraph moved to the end',
    after: (p) => `${replaceOnce(p, `${P3}\n\n`, '')}\n\n${P3}`,
    expect: {},
  },
  {
    name: 'the quote’s sentence reworded a little',
    after: (p) =>
      replaceOnce(p, 'with over 22,000 arrested by U.S. Customs and Border Patrol', 'with more than 22,000 arrested by U.S. Customs and Border Protection'),
    expect: { A: { status: 'fuzzy', quote: S.arrests.replace('over', 'more than').replace('Border Patrol', 'Border Protection') } },
  },
  {
    name: 'the quote’s sentence rewritten',
    after: (p) => replaceOnce(p, S.home, 'Roughly five million Americans have Chinese ancestry; the country took in tens of thousands of refugees from China.'),
    expect: { D: { status: 'orphaned' } },
  },
  { name: 'the quote’s sentence deleted', after: (p) => replaceOnce(p, `${S.home} `, ''), expect: { D: { status: 'orphaned' } } },
  {
    name: 'the quote’s sentence deleted while a similar sentence stays elsewhere',
    before: (p) => `${p}\n\n${canada}`,
    after: (p) => replaceOnce(p, `${S.home} `, ''),
    expect: { D: { status: 'orphaned' } },
  },
  {
    name: 'a short phrase’s paragraph deleted while the phrase occurs elsewhere',
    after: (p) => replaceOnce(p, /From the beginning of 2020[^\n]*\n\n/.exec(p)![0], ''),
    expect: { E: { status: 'orphaned' } },
  },
  {
    name: 'a whole paragraph with two claims deleted',
    after: (p) => replaceOnce(p, `${P3}\n\n`, ''),
    expect: { B: { status: 'orphaned' }, C: { status: 'orphaned' } },
  },
  { name: 'the same sentence repeated elsewhere', after: (p) => `${p}\n\n${S.arrests}`, expect: {} },
  {
    name: 'white space and quote marks changed',
    after: (p) => replaceOnce(p, '“The idea of leaving really took off', '"The idea of leaving really took\u00a0off'),
    expect: { F: { status: 'kept', quote: '"The idea of leaving really took\u00a0off during the grueling lockdowns' } },
  },
  {
    name: 'a heading corrected',
    after: (p) => replaceOnce(p, 'Time to ‘rùn’', 'Time to ‘run’'),
    expect: { G: { status: 'fuzzy', quote: 'Time to ‘run’' } },
  },
  {
    name: 'a sentence inserted inside a quote that spans two sentences',
    after: (p) => replaceOnce(p, 'or smuggled. Their trip', 'or smuggled. Fees have risen. Their trip'),
    expect: { C: { status: 'fuzzy', quote: CLAIMS.C.replace('smuggled. ', 'smuggled. Fees have risen. ') } },
  },
];

interface Outcome {
  edit: string;
  claim: string;
  expected: Expectation;
  status: AnchorStatus;
  quote: string;
}

function run(edit: Edit): Outcome[] {
  const beforeText = textOf((edit.before ?? ((p: string) => p))(body));
  const afterText = textOf(edit.after((edit.before ?? ((p: string) => p))(body)));
  const map = new PositionMap(wordDiff(beforeText, afterText));
  const folded = foldTypography(afterText);
  return Object.entries(CLAIMS).map(([name, defaultQuote]) => {
    const quote = edit.quotes?.[name] ?? defaultQuote;
    const start = beforeText.indexOf(quote);
    if (start < 0) throw new Error(`claim ${name} is not in the text before “${edit.name}”`);
    const anchor = anchorAt(beforeText, start, start + quote.length);
    const result = reanchor({ ...anchor, status: 'exact', checkedExact: quote }, afterText, folded, map);
    return {
      edit: edit.name,
      claim: name,
      expected: edit.expect[name] ?? { status: 'kept', quote: defaultQuote },
      status: result.status,
      quote: afterText.slice(result.anchor.start, result.anchor.end),
    };
  });
}

const outcomes = EDITS.flatMap(run);

describe('re-anchoring over the corpus of edits', () => {
  test.each(EDITS.map((e) => [e.name]))('when %s, then every claim becomes what the edit means for it', (name) => {
    for (const outcome of outcomes.filter((o) => o.edit === name)) {
      const label = `${outcome.claim} (${name})`;
      if (outcome.expected.status === 'orphaned') expect([label, outcome.status]).toEqual([label, 'orphaned']);
      else if (outcome.expected.status === 'fuzzy') expect([label, outcome.status, outcome.quote]).toEqual([label, 'fuzzy', outcome.expected.quote]);
      else {
        expect([label, ['exact', 'moved'].includes(outcome.status)]).toEqual([label, true]);
        expect([label, outcome.quote]).toEqual([label, outcome.expected.quote]);
      }
    }
  });

  test('when the whole corpus is scored, then every deletion is orphaned, nothing is anchored wrongly and at least 95 % of surviving claims are kept', () => {
    const deletions = outcomes.filter((o) => o.expected.status === 'orphaned');
    const survivors = outcomes.filter((o) => o.expected.status !== 'orphaned');
    const wrong = outcomes.filter((o) => o.status !== 'orphaned' && o.quote !== (o.expected.quote ?? null));
    const kept = survivors.filter((o) => o.status !== 'orphaned');
    const figures = {
      edits: EDITS.length,
      claimOutcomes: outcomes.length,
      deletionsOrphaned: `${deletions.filter((o) => o.status === 'orphaned').length}/${deletions.length}`,
      wronglyAnchored: wrong.length,
      survivorsKept: `${kept.length}/${survivors.length}`,
    };
    expect(figures).toEqual({
      edits: EDITS.length,
      claimOutcomes: EDITS.length * Object.keys(CLAIMS).length,
      deletionsOrphaned: `${deletions.length}/${deletions.length}`,
      wronglyAnchored: 0,
      survivorsKept: `${survivors.length}/${survivors.length}`,
    });
    expect(kept.length / survivors.length).toBeGreaterThanOrEqual(0.95);
  });
});
