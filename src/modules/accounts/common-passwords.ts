import encodedPasswords from 'fxa-common-password-list/src/encoded-passwords';
import incrementalEncoder from 'incremental-encoder';

/**
 * Mozilla's common-password list (fxa-common-password-list) as a Set. The package's own `test`
 * searches its array from the start on every call (about a quarter of a millisecond per
 * password here, the largest cost of a refused registration); the same list in a Set answers
 * in constant time. Both packages are pinned; a test checks that this set and the package's own
 * `test` agree.
 */
const COMMON_PASSWORDS: ReadonlySet<string> = new Set(new incrementalEncoder.Decoder().decode(encodedPasswords.split('\n')));

export const commonPasswordCount = COMMON_PASSWORDS.size;

/** True when the password, as typed or in lower case, is on the list. */
export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password) || COMMON_PASSWORDS.has(password.toLowerCase());
}
