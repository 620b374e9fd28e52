/**
 * List detection. Inside a block, "1) one 2) two", "1. one. 2. two.", "a. one b. two" and
 * bulleted runs ("• one • two") are lists even without punctuation between items:
 * each item starts a new sentence. A run of markers counts as a list only when it
 * counts up from 1 or a (1, 2, 3 … or a, b, c …), so a lone "5." in prose, or the
 * initials in "J. K. Rowling", are not taken for one.
 */

const BULLETS = '•⁃▪◦‣';
const MARKER = /(^|\s)([•⁃▪◦‣]\s?)?(\d{1,3}|[a-zA-Z])(\.\)|\.|\))(?=\s)/g;
const BULLET_START = /(^|\s)([•⁃▪◦‣])/g;

interface Marker {
  start: number;
  ordinal: number;
  letter: boolean;
}

function ordinalOf(label: string): { ordinal: number; letter: boolean } {
  if (/^\d+$/.test(label)) return { ordinal: Number(label), letter: false };
  return { ordinal: label.toLowerCase().charCodeAt(0) - 96, letter: true };
}

/**
 * The longest run that counts up from 1 (or a), taking at each step the first later marker that
 * continues it. Linear: each marker's successor is found by one right-to-left pass with a map, and
 * run lengths are memoised from the right, so a text of thousands of "1)" markers stays cheap.
 */
function countingRun(markers: Marker[]): Marker[] {
  const key = (letter: boolean, ordinal: number) => `${letter ? 'l' : 'n'}${ordinal}`;
  const next = new Array<number>(markers.length).fill(-1);
  const length = new Array<number>(markers.length).fill(1);
  const nearest = new Map<string, number>();
  for (let i = markers.length - 1; i >= 0; i--) {
    const { letter, ordinal } = markers[i];
    const successor = nearest.get(key(letter, ordinal + 1));
    if (successor !== undefined) {
      next[i] = successor;
      length[i] = 1 + length[successor];
    }
    nearest.set(key(letter, ordinal), i);
  }
  let first = -1;
  for (let i = 0; i < markers.length; i++) if (markers[i].ordinal === 1 && (first === -1 || length[i] > length[first])) first = i;
  if (first === -1 || length[first] < 2) return [];
  const run: Marker[] = [];
  for (let i = first; i !== -1; i = next[i]) run.push(markers[i]);
  return run;
}

/** Offsets (within `text`) where a list item begins; empty when the text holds no list. */
export function listItemStarts(text: string): number[] {
  const bullets = [...text.matchAll(BULLET_START)].map((m) => m.index + m[1].length);
  if (bullets.length >= 2) return bullets;

  const markers: Marker[] = [];
  for (const match of text.matchAll(MARKER)) {
    const start = match.index + match[1].length;
    markers.push({ start, ...ordinalOf(match[3]) });
  }
  return countingRun(markers).map((marker) => marker.start);
}

export function isBullet(char: string): boolean {
  return BULLETS.includes(char);
}
