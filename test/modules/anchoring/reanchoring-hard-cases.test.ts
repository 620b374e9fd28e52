/**
 * Re-anchoring cases that once put a claim on the wrong words or lost it, derived from the kinds
 * of edits in hypothesis/client's quote-anchoring tests (a clause rewritten, a letter corrected, a
 * sentence moved and corrected) and from newsroom corrections; the texts are our own.
 */
import { anchorQuote } from '../../../src/modules/anchoring/anchoring';
import { claimOn, reanchorThrough } from '../../support/anchors';

const run = reanchorThrough;

describe('quotes of every length', () => {
  test('when a quote of any length from 8 to 300 characters has one letter corrected, then it is found, fuzzy, on the corrected words', () => {
    const words = 'the minister told reporters that the new harbour would open in spring after long delays and rising costs for everyone involved ';
    const filler = words.repeat(4);
    const lost: number[] = [];
    for (let length = 8; length <= 300; length++) {
      const quote = `Buendia ${filler}`.slice(0, length);
      const before = `Opening words of the story. ${quote} Closing words of the story.`;
      const after = before.replace('Buendia', 'Buendía');
      const result = run(before, after, claimOn(before, quote));
      const expected = quote.replace('Buendia', 'Buendía');
      if (result.status !== 'fuzzy' || after.slice(result.anchor.start, result.anchor.end) !== expected.trim()) lost.push(length);
    }
    expect(lost).toEqual([]);
  });
});

describe('a fuzzy match covers what replaced the quote, or the claim is orphaned', () => {
  test('when a clause is rewritten, then the claim is not kept on the neighbouring clause’s words', () => {
    const before =
      'It was the best of times, it was the worst of times, we had everything before us, we had nothing before us, we were all going direct to Heaven, we were all going direct the other way.';
    const after = before.replace('we were all going direct to Heaven', 'we were all heading straight for paradise');
    const result = run(before, after, claimOn(before, 'we were all going direct to Heaven'));
    if (result.status !== 'orphaned') expect(after.slice(result.anchor.start, result.anchor.end)).toContain('paradise');
    expect(after.slice(result.anchor.start, result.anchor.end)).not.toContain('the other way');
  });
});

describe('a sentence moved and corrected', () => {
  test('when a unique sentence moves to the top and one word in it is corrected, then the claim follows it, fuzzy', () => {
    const lead = 'The ferry service resumed on Sunday after a week of repairs to the harbour wall.';
    const before = `Passengers queued early at the terminal. Prices were unchanged for the season. ${lead} The council met later.`;
    const moved = lead.replace('Sunday', 'Monday');
    const after = `${moved} Passengers queued early at the terminal. Prices were unchanged for the season. The council met later.`;
    const result = run(before, after, claimOn(before, lead));
    expect(result.status).toBe('fuzzy');
    expect(after.slice(result.anchor.start, result.anchor.end)).toBe(moved);
  });

  test('when the last paragraph moves to the top with one word corrected, so that neither its old place nor its context remain, then it is still followed, fuzzy', () => {
    const paragraphs = [
      'Border officials said on Sunday that arrests had risen sharply this year.',
      'The numbers come from the agency’s monthly report, published online.',
      'Critics said the figures were incomplete and called for an inquiry.',
      'The minister declined to comment when reached by phone on Tuesday.',
    ];
    const before = paragraphs.join('\n\n');
    const moved = paragraphs[3].replace('Tuesday', 'Monday');
    const after = [moved, ...paragraphs.slice(0, 3)].join('\n\n');
    const result = run(before, after, claimOn(before, paragraphs[3]));
    expect(result.status).toBe('fuzzy');
    expect(after.slice(result.anchor.start, result.anchor.end)).toBe(moved);
    for (const other of paragraphs.slice(0, 3)) expect(run(before, after, claimOn(before, other)).status).toBe('moved');
  });

  test('when a short quote moves and changes, then it is not followed on similarity alone', () => {
    const before = 'Rents rose. The mayor spoke. Prices fell sharply.';
    const after = 'Prices fell slowly. Rents rose. The mayor spoke.';
    expect(run(before, after, claimOn(before, 'Prices fell sharply.')).status).toBe('orphaned');
  });
});

describe('choosing among repeated quotes at creation', () => {
  test('when a quote occurs twice and the given prefix matches the second occurrence’s context only approximately, then the second is chosen', () => {
    const text = 'In March the figure was 40 percent, officials said. By June, after the census, the figure was 40 percent again.';
    const anchor = anchorQuote(text, { exact: 'the figure was 40 percent', prefix: 'By Jnue, after the cesnus, ' });
    expect(anchor?.start).toBe(text.lastIndexOf('the figure was 40 percent'));
    const first = anchorQuote(text, { exact: 'the figure was 40 percent', suffix: ', oficials said' });
    expect(first?.start).toBe(text.indexOf('the figure was 40 percent'));
  });
});

describe('context that changes what a quote says', () => {
  const said = 'Officials said 22,000 people were arrested at the border last year. The report came out in May.';
  const quote = '22,000 people were arrested at the border last year.';

  test('when the words before a quote in its own sentence change ("said" → "denied that"), then the claim keeps its words but its context changed', () => {
    const after = said.replace('Officials said', 'Officials denied that');
    const result = run(said, after, claimOn(said, quote));
    expect(result).toMatchObject({ status: 'moved', contextChanged: true });
  });

  test('when a negation comes next to a whole-sentence quote, then its context changed; when only the neighbouring sentence’s other words change, it did not', () => {
    const whole = 'Officials said 22,000 people were arrested at the border last year.';
    const before = `${whole} The report came out in May.`;
    expect(run(before, `${whole} That is not true, the ministry said.`, claimOn(before, whole)).contextChanged).toBe(true);
    expect(run(before, `${whole} The report came out in June.`, claimOn(before, whole)).contextChanged).toBe(false);
    // A negation in the next paragraph speaks of something else.
    expect(run(before, `${whole}\n\nThe cost was not disclosed.`, claimOn(before, whole)).contextChanged).toBe(false);
  });

  test('when a paragraph holding a whole-sentence quote moves, or only typography changes around a quote, then nothing changed what it says', () => {
    const a = 'Officials said 22,000 people were arrested at the border last year.';
    const b = 'The report came out in May, weeks late.';
    expect(run(`${a}\n\n${b}`, `${b}\n\n${a}`, claimOn(`${a}\n\n${b}`, a))).toMatchObject({ status: 'moved', contextChanged: false });
    const curly = said.replace('Officials said', 'Officials said').replace('The report', '“The report');
    expect(run(said, curly, claimOn(said, quote)).contextChanged).toBe(false);
    expect(run(said, said, claimOn(said, quote))).toMatchObject({ status: 'exact', contextChanged: false });
  });
});
