import { composeDocument, draftsFromPlainText, plainTextOf, sentenceId, slugify } from '../../../src/modules/articles/article-document';

describe('composeDocument', () => {
  const drafts = draftsFromPlainText('A headline', 'First paragraph. Second sentence.\n\n## A subheading\n\nLast   paragraph\nwraps here.');

  test('when blocks are composed, then the text joins them with blank lines and every offset addresses its text', () => {
    const doc = composeDocument('slug', drafts);
    expect(doc.text).toBe('A headline\n\nFirst paragraph. Second sentence.\n\nA subheading\n\nLast paragraph wraps here.');
    expect(doc.blocks.map((b) => b.kind)).toEqual(['headline', 'paragraph', 'heading', 'paragraph']);
    for (const block of doc.blocks) expect(doc.text.slice(block.start, block.end)).not.toMatch(/^\s|\s$/);
    for (const sentence of doc.sentences) expect(doc.text.slice(sentence.start, sentence.end)).toBe(sentence.text);
    expect(doc.sentences.map((s) => [s.blockPosition, s.text])).toEqual([
      [0, 'A headline'],
      [1, 'First paragraph.'],
      [1, 'Second sentence.'],
      [2, 'A subheading'],
      [3, 'Last paragraph wraps here.'],
    ]);
    expect(doc.sentences.map((s) => s.position)).toEqual([0, 1, 2, 3, 4]);
  });

  test('when the same article is composed twice, then sentence ids are the same; another slug gives other ids', () => {
    const once = composeDocument('slug', drafts).sentences.map((s) => s.id);
    expect(composeDocument('slug', drafts).sentences.map((s) => s.id)).toEqual(once);
    expect(composeDocument('other', drafts).sentences.map((s) => s.id)).not.toEqual(once);
    expect(new Set(once).size).toBe(once.length);
    expect(once[0]).toMatch(/^s-[0-9a-f]{12}$/);
    expect(sentenceId('slug', 0, 'A headline')).toBe(once[0]);
  });

  test('when blocks are blank, then they are left out', () => {
    const doc = composeDocument('x', [
      { kind: 'headline', text: 'T' },
      { kind: 'paragraph', text: '  \n ' },
      { kind: 'paragraph', text: 'Body.' },
    ]);
    expect(doc.blocks).toHaveLength(2);
    expect(doc.text).toBe('T\n\nBody.');
  });
});

describe('draftsFromPlainText', () => {
  test('when text uses Windows line ends and blank lines with spaces, then paragraphs still split', () => {
    const drafts = draftsFromPlainText('T', 'One.\r\n \r\nTwo.\r\n\r\n##   Heading  ');
    expect(drafts).toEqual([
      { kind: 'headline', text: 'T' },
      { kind: 'paragraph', text: 'One.' },
      { kind: 'paragraph', text: 'Two.' },
      { kind: 'heading', text: 'Heading' },
    ]);
  });

  test('when a line starts with "##" but no space, then it is a paragraph', () => {
    expect(draftsFromPlainText('T', '##hashtag trend')[1]).toEqual({ kind: 'paragraph', text: '##hashtag trend' });
  });
});

describe('slugify', () => {
  test.each([
    ['Soaring Numbers of Chinese Nationals', 'soaring-numbers-of-chinese-nationals'],
    ['Time to ‘rùn’', 'time-to-run'],
    ['U.S. border: 22,000 arrests!', 'u-s-border-22-000-arrests'],
    ['It’s a “test”', 'its-a-test'],
    ['潤', 'article'],
  ])('when the title is %p, then the slug is %p', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  test('when the title is long, then the slug stops at 80 characters without a trailing dash', () => {
    const slug = slugify('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('-')).toBe(false);
  });
});

describe('sentence ids across revisions', () => {
  const compose = (body: string, previous?: Parameters<typeof composeDocument>[2]) => composeDocument('story', draftsFromPlainText('Headline', body), previous);

  test('when a paragraph is inserted above and two paragraphs are swapped, then every unchanged sentence keeps its id and new ones get new ids', () => {
    const v1 = compose('First one. Second one.\n\nThird one.\n\nFourth one.');
    const v2 = compose('A new opening.\n\nFourth one.\n\nFirst one. Second one, changed.\n\nThird one.', { sentences: v1.sentences, salt: '2' });
    const idOf = (doc: typeof v1, text: string) => doc.sentences.find((s) => s.text === text)!.id;
    for (const same of ['Headline', 'First one.', 'Third one.', 'Fourth one.']) expect(idOf(v2, same)).toBe(idOf(v1, same));
    const oldIds = new Set(v1.sentences.map((s) => s.id));
    expect(oldIds.has(idOf(v2, 'A new opening.'))).toBe(false);
    expect(oldIds.has(idOf(v2, 'Second one, changed.'))).toBe(false);
    expect(new Set(v2.sentences.map((s) => s.id)).size).toBe(v2.sentences.length);
  });

  test('when the same sentence appears twice, then both keep distinct ids', () => {
    const v1 = compose('Repeat me.\n\nOther.');
    const v2 = compose('Repeat me.\n\nOther.\n\nRepeat me.', { sentences: v1.sentences, salt: '2' });
    const ids = v2.sentences.filter((s) => s.text === 'Repeat me.').map((s) => s.id);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(v1.sentences.find((s) => s.text === 'Repeat me.')!.id);
    expect(ids[1]).not.toBe(ids[0]);
  });
});

describe('the plain-text form', () => {
  test('when quotes and list items are marked, then they become blocks of their kind and the edit form gets the same text back', () => {
    const body = '## A heading\n\n> A quote.\n\n- An item.\n\nA paragraph.';
    const doc = composeDocument('story', draftsFromPlainText('Headline', body));
    expect(doc.blocks.map((b) => b.kind)).toEqual(['headline', 'heading', 'quote', 'list-item', 'paragraph']);
    expect(plainTextOf(doc.text, doc.blocks)).toBe(body);
  });
});
