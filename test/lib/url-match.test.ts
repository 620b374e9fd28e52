import { comparableUrl, comparableUrlKey } from '../../src/lib/url-match';

describe('comparable addresses', () => {
  test('when query parameters differ in order or case, then they are ordered by code units, whatever the machine’s locale data', () => {
    // localeCompare would put "a" before "B" and "é" before "f"; code units put them the other way.
    expect(comparableUrl('https://www.example.com/story/?a=1&B=2&f=3&%C3%A9=4&utm_source=x#top')).toBe('example.com/story?B=2&a=1&f=3&%C3%A9=4');
    expect(comparableUrlKey('https://example.com/story?%C3%A9=4&f=3&B=2&a=1')).toBe(comparableUrlKey('http://www.example.com/story/?a=1&B=2&f=3&%C3%A9=4'));
  });

  test('when an address is not http(s) or not an address, then it has no comparable form', () => {
    expect(comparableUrl('ftp://example.com/x')).toBeNull();
    expect(comparableUrl('not an address')).toBeNull();
    expect(comparableUrlKey(null)).toBeNull();
  });
});
