import { ValidationError } from './errors';

/** One key of a keyset position: what the row's order columns held. */
export type CursorValue = string | number | null;

/** An opaque `next` cursor: the last row's order keys, base64url JSON. */
export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/**
 * The keys a cursor from `encodeCursor` holds, `length` of them, each a string, number or null;
 * anything else is a 400 with `refusal` (a cursor is only ever one the server gave).
 */
export function decodeCursor(cursor: string, length: number, refusal: string): CursorValue[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new ValidationError(refusal);
  }
  if (!Array.isArray(values) || values.length !== length || !values.every((v) => v === null || typeof v === 'string' || typeof v === 'number'))
    throw new ValidationError(refusal);
  return values as CursorValue[];
}
