import { decodeCursor, encodeCursor } from '../../src/lib/keyset-cursor';
import { ValidationError } from '../../src/lib/errors';

describe('keyset cursors', () => {
  test('when a position is encoded, then decoding gives back its keys, nulls included', () => {
    const cursor = encodeCursor(['2023-11-23', 42, null]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/); // safe in a query string as it is
    expect(decodeCursor(cursor, 3, 'refused')).toEqual(['2023-11-23', 42, null]);
  });

  test.each([
    ['not base64 JSON', 'not-a-cursor'],
    ['the wrong number of keys', encodeCursor([1, 2])],
    ['an object where keys go', Buffer.from(JSON.stringify([{ a: 1 }, 2, 3])).toString('base64url')],
    ['not a list', Buffer.from(JSON.stringify({ a: 1 })).toString('base64url')],
  ])('when the cursor is %s, then it is refused with the given message', (_name, cursor) => {
    expect(() => decodeCursor(cursor, 3, 'after: is not ours')).toThrow(new ValidationError('after: is not ours'));
  });
});
