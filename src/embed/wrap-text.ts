/** A stretch of one text node: characters [from, to). */
export interface TextPiece {
  node: Text;
  from: number;
  to: number;
}

/**
 * Wraps each piece in its own `make()` element, from the last piece to the first so that
 * splitting a text node never moves an offset still to use. Shared by embed.js (publishers'
 * pages) and Factline's own review client.
 */
export function wrapPieces(pieces: TextPiece[], make: () => HTMLElement): HTMLElement[] {
  const made: HTMLElement[] = [];
  for (const piece of [...pieces].reverse()) {
    const range = document.createRange();
    range.setStart(piece.node, piece.from);
    range.setEnd(piece.node, piece.to);
    const element = make();
    range.surroundContents(element);
    made.unshift(element);
  }
  return made;
}
