import { cleanByline, isBylineLine, isDateLine } from '../../src/extraction/bylines';

describe('bylines are names', () => {
  test.each([
    ['By Ana Lima', 'Ana Lima'],
    ['by Lucas Nolan22 Dec 2016651', 'Lucas Nolan'],
    ['By\n\t\t\tScott Cunningham', 'Scott Cunningham'],
    ['By Brenda  Goodman, MA\n      WebMD Health News', 'Brenda Goodman, MA'],
    ['By Nathan Willis\n   March 25, 2015', 'Nathan Willis'],
    ['Par Sébastien Farcis', 'Sébastien Farcis'],
    ['By Jane Doe | Staff writer', 'Jane Doe'],
    ['Ana Lima · 20 Nov 2026, 08:30', 'Ana Lima'],
    ['June Smith', 'June Smith'],
    ['肖春芳', '肖春芳'],
  ])('when a page gives the byline %j, then it is stored as %j', (raw, name) => {
    expect(cleanByline(raw)).toBe(name);
  });

  test.each([
    ['Last Updated: January 7, 2025'],
    ['April 28, 2019 at 6:01 am Updated April 29, 2019 at 3:33 pm'],
    ['https://example.org/staff/ana'],
    ['—'],
    [''],
  ])('when a page gives %j where a byline goes, then there is no byline', (raw) => {
    expect(cleanByline(raw)).toBeNull();
  });

  test('when a block is the byline’s own line, then it is recognised; a sentence that names the author is not', () => {
    expect(isBylineLine('By Ana Lima', 'Ana Lima')).toBe(true);
    expect(isBylineLine('Ana Lima · 20 November 2026', 'Ana Lima')).toBe(true);
    expect(isBylineLine('Ana Lima, who covered the council for ten years, says the vote was the closest she has seen.', 'Ana Lima')).toBe(false);
    expect(isBylineLine('By Ana Lima', null)).toBe(false);
  });

  test('when a short block is only a date, then it is a date line; a sentence with a year is not', () => {
    for (const line of ['2026-11-20', '2026-11-20T08:30:00Z', 'Updated 6:01 am, April 28, 2019', 'Published 21 November 2019', 'Le 30 avril 2015 à 12h30'])
      expect(isDateLine(line)).toBe(true);
    for (const line of ['The 2019 budget rose by 5 percent.', 'In May 2020 the council voted.', 'No digits here']) expect(isDateLine(line)).toBe(false);
  });
});
