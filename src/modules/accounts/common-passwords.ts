import encodedPasswords from 'fxa-common-password-list/src/encoded-passwords';
import incrementalEncoder from 'incremental-encoder';

/**
 * Mozilla's common-password list (fxa-common-password-list), sorted in code-unit order and kept
 * as one string with each entry's start, searched by bisection. The package's own `test` scans
 * its array from the start on every call (about a quarter of a millisecond per password); a Set
 * of the 50,000 strings answers in constant time but holds 2.8 MB of the server's live heap for
 * as long as it runs, which V8 lets the heap grow to four times under load (bench/FINDINGS.md).
 * This form holds about 0.5 MB and answers in 16 comparisons. It is built when a password is
 * first checked, not at start (decoding makes 10 MB of garbage). Both packages are pinned; a test
 * checks that this list and the package's own `test` agree.
 */
interface SortedList {
  joined: string;
  /** Where each entry starts in `joined`, and one more: where the next would (entries are separated by one newline). */
  starts: Uint32Array;
}

function sortedList(): SortedList {
  const passwords: string[] = new incrementalEncoder.Decoder().decode(encodedPasswords.split('\n'));
  const sorted = [...new Set(passwords)].sort();
  const starts = new Uint32Array(sorted.length + 1);
  let at = 0;
  sorted.forEach((password, index) => {
    starts[index] = at;
    at += password.length + 1;
  });
  starts[sorted.length] = at;
  return { joined: sorted.join('\n'), starts };
}

let built: SortedList | null = null;
const commonPasswords = () => (built ??= sortedList());

export const commonPasswordCount = () => commonPasswords().starts.length - 1;

function listed(candidate: string): boolean {
  const { joined, starts } = commonPasswords();
  let low = 0;
  let high = starts.length - 2;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const entry = joined.slice(starts[middle], starts[middle + 1] - 1);
    if (entry === candidate) return true;
    if (entry < candidate) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/** True when the password, as typed or in lower case, is on the list. */
export function isCommonPassword(password: string): boolean {
  return listed(password) || listed(password.toLowerCase());
}
