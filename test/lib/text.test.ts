import { personName, text } from '../../src/lib/text';

describe('text schema', () => {
  test('when a string holds a NUL, then it is refused with a message', () => {
    const result = text().safeParse('a\u0000b');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toMatch(/NUL/);
  });

  test('when a string holds half an emoji (a lone surrogate), then it is refused', () => {
    expect(text().safeParse('ok \ud83d').success).toBe(false);
    expect(text().safeParse('\ude00 ok').success).toBe(false);
  });

  test('when a string is ordinary text with emoji and accents, then it passes unchanged', () => {
    expect(text().parse('Café 😀 — “quoted”')).toBe('Café 😀 — “quoted”');
  });
});

describe('personName', () => {
  const name = personName(100);

  test.each([
    ['zero-width space', 'ed1\u200b'],
    ['zero-width joiner', 'e\u200dd1'],
    ['right-to-left override', '\u202eed1'],
    ['left-to-right mark', 'ed1\u200e'],
    ['byte order mark inside', 'ed\ufeff1'],
    ['line break', 'ed\n1'],
  ])('when a name holds a %s, then it is refused', (_label, value) => {
    expect(name.safeParse(value).success).toBe(false);
  });

  test('when a name uses compatibility forms, then it is stored NFKC-normalised', () => {
    expect(name.parse('ｅｄ１')).toBe('ed1');
    expect(name.parse('  Jane Doe ')).toBe('Jane Doe');
  });

  test('when a name is too long after normalisation, then it is refused', () => {
    expect(name.safeParse('x'.repeat(101)).success).toBe(false);
  });
});
