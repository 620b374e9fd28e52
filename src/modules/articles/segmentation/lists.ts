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

function countingRun(markers: Marker[]): Marker[] {
  let best: Marker[] = [];
  for (let first = 0; first < markers.length; first++) {
    if (markers[first].ordinal !== 1) continue;
    const run = [markers[first]];
    for (let next = first + 1; next < markers.length; next++) {
      const last = run[run.length - 1];
      const candidate = markers[next];
      if (candidate.letter === last.letter && candidate.ordinal === last.ordinal + 1) run.push(candidate);
    }
    if (run.length > best.length) best = run;
  }
  return best.length >= 2 ? best : [];
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
