import { csvCell } from '../../../src/modules/exports/tabular-export';
import { seededRandom } from '../../support/random';

describe('csvCell', () => {
  test.each([
    ['=1+1', "'=1+1"],
    ['+cmd', "'+cmd"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
  ])('when a cell starts like a formula (%s), then it is prefixed with an apostrophe', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  test('when a cell holds a semicolon, then it is quoted so semicolon locales keep it one cell', () => {
    expect(csvCell("x;=cmd|' /C calc'!A0")).toBe(`"x;=cmd|' /C calc'!A0"`);
  });

  test('when a cell holds a tab, then it is quoted', () => {
    expect(csvCell('a\tb')).toBe('"a\tb"');
    expect(csvCell('\t=1')).toBe(`"'\t=1"`);
  });

  test('when a cell holds commas, quotes or line breaks, then it is quoted with quotes doubled', () => {
    expect(csvCell('a, "b"\nc')).toBe('"a, ""b""\nc"');
  });

  test('when a cell is plain, empty or missing, then it is written as it is', () => {
    expect(csvCell('plain text')).toBe('plain text');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
  });

  test('when random cells of quotes, separators, line breaks and formula starts are written, then each follows the rules: defused, quoted exactly when it must be, quotes doubled', () => {
    const rng = seededRandom(4180);
    const pieces = ['a', ' ', '"', ',', ';', '\t', '\r', '\n', '=', '+', '-', '@', 'é', '😀', '1'];
    for (let n = 0; n < 500; n++) {
      const value = Array.from({ length: Math.floor(rng.next() * 8) }, () => rng.pick(pieces)).join('');
      const defused = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
      const quoted = /[",;\t\r\n]/.test(defused);
      expect([value, csvCell(value)]).toEqual([value, quoted ? `"${defused.replace(/"/g, '""')}"` : defused]);
    }
    expect([true, -3, 0.5].map(csvCell)).toEqual(['true', "'-3", '0.5']);
  });
});
