import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';

/**
 * Sends chunks as they are produced, pausing while the client is slower than the database
 * (back-pressure), so a large export holds one batch in memory, not the whole body. A failure
 * before the first chunk reaches the error handler as usual; after it, the status is already
 * sent, so the connection is cut and the client sees an incomplete body rather than a
 * complete-looking wrong one.
 */
export async function streamChunks(res: Response, chunks: AsyncIterable<string>): Promise<void> {
  const iterator = chunks[Symbol.asyncIterator]();
  const first = await iterator.next(); // errors here are ordinary errors (404, 500)
  async function* rest() {
    if (!first.done) yield first.value;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  await pipeline(Readable.from(rest()), res).catch((error: unknown) => {
    res.destroy(error instanceof Error ? error : undefined);
  });
}
