import { RecentKeys } from '../../src/lib/recent-keys';

test('when a key is added twice in one window, then only the first add reports it as new', () => {
  const keys = new RecentKeys(10);
  expect(keys.add('a', 1)).toBe(true);
  expect(keys.add('a', 1)).toBe(false);
  expect(keys.add('b', 1)).toBe(true);
});

test('when the window changes, then a known key is new again', () => {
  const keys = new RecentKeys(10);
  keys.add('a', 1);
  expect(keys.add('a', 2)).toBe(true);
  expect(keys.add('a', 2)).toBe(false);
});

test('when the capacity is reached, then it forgets and reports keys as new rather than growing', () => {
  const keys = new RecentKeys(2);
  keys.add('a', 1);
  keys.add('b', 1);
  expect(keys.add('c', 1)).toBe(true);
  expect(keys.add('a', 1)).toBe(true);
});
