import { csvCell } from '../../../src/modules/exports/tabular-export';

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
});
