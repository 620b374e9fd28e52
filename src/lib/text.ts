import { z } from 'zod';

/**
 * Characters no stored text may contain: NUL (PostgreSQL refuses it in text columns, SQLite
 * would keep it and every reader would choke on it) and lone UTF-16 surrogates (half a
 * character, which no encoder can write out).
 */
const FORBIDDEN = /\u0000|\p{Cs}/u;

/** Invisible format characters (zero-width spaces and joiners, bidi marks and overrides, BOM…). */
const INVISIBLE = /\p{Cf}/u;
/** Other control characters a name has no use for (tab, line breaks, C1 controls). */
const CONTROL = /\p{Cc}/u;

export function hasForbiddenCharacters(value: string): boolean {
  return FORBIDDEN.test(value);
}

/**
 * The one schema for text a person sends: every string field of every form, API body and
 * import goes through it, so a NUL or a broken character is a 400 with a message, everywhere.
 */
export function text(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).refine((value) => !hasForbiddenCharacters(value), 'must not contain NUL characters or broken Unicode');
}

/**
 * A name shown to other people (display names): NFKC-normalised, so look-alike compatibility
 * forms become one; no invisible, bidi-control or control characters, so "ed1" followed by a
 * zero-width space, or a name reversed by a right-to-left override, is refused rather than
 * shown as if it were someone else.
 */
export function personName(max: number) {
  return text()
    .transform((value) => value.normalize('NFKC').trim())
    .pipe(
      z
        .string()
        .max(max, `must be at most ${max} characters`)
        .refine((value) => !INVISIBLE.test(value), 'must not contain invisible or text-direction characters')
        .refine((value) => !CONTROL.test(value), 'must not contain control characters'),
    );
}

/** A short one-line excerpt of a text (whitespace collapsed, cut at a word with an ellipsis). */
export function excerpt(value: string, max = 90): string {
  const line = value.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
