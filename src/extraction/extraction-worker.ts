/**
 * The worker thread that reads HTML pages (extraction-pool.ts starts it): extraction is CPU work
 * that can take long on a large or hostile page, and here it never blocks the server's event loop.
 */
import { parentPort } from 'node:worker_threads';
import { AppError } from '../lib/errors';
import { extractArticle } from './html-article';

export interface ExtractionRequest {
  id: number;
  html: string;
  url?: string;
}

export type ExtractionReply =
  | { id: number; ok: true; article: ReturnType<typeof extractArticle> }
  | { id: number; ok: false; error: { status: number; code: string; message: string } | null; message: string };

parentPort?.on('message', (request: ExtractionRequest) => {
  let reply: ExtractionReply;
  try {
    reply = { id: request.id, ok: true, article: extractArticle(request.html, request.url) };
  } catch (error) {
    const known = error instanceof AppError ? { status: error.status, code: error.code, message: error.message } : null;
    reply = { id: request.id, ok: false, error: known, message: (error as Error).message };
  }
  parentPort!.postMessage(reply);
});
