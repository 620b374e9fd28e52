import { Worker } from 'node:worker_threads';
import { AppError, UnprocessableError } from '../lib/errors';
import { workerScript } from '../lib/worker-script';
import type { ExtractedArticle } from './html-article';
import type { ExtractionReply } from './extraction-worker';

/** Reads an HTML page into an article, off the event loop. */
export type Extract = (html: string, url?: string) => Promise<ExtractedArticle>;

export interface Extractor {
  extract: Extract;
  /** Ends the worker (shutdown, tests); pages asked for afterwards start a new one. */
  close(): Promise<void>;
  /** Whether a worker thread is running now. */
  alive(): boolean;
}

/** How long one page may take to read before its worker is ended and the page refused. */
export const EXTRACTION_DEADLINE_MS = 10_000;
/** Pages waiting for the worker at most; past that an import is told to try again. */
const MAX_WAITING = 32;
/**
 * A worker with nothing to read is ended after this long: its V8 isolate and the DOMs it built
 * hold tens of megabytes (bench/FINDINGS.md), which a desk that imports a few pages an hour
 * should not carry all day. The next page starts a new one.
 */
export const EXTRACTION_IDLE_MS = 30_000;
/**
 * The worker's V8 heap at most: a page that needs more is refused (422) instead of growing the
 * server without bound. The largest page of Readability's test corpus (yahoo-2, 1.6 MB) and a
 * 6 MB page read well inside it. The young generation is kept small too: reading makes short-
 * lived garbage, and a small nursery collects it sooner, for about 10 MB less resident memory
 * per page and no slower (bench/FINDINGS.md).
 */
export const EXTRACTION_HEAP_MB = 256;
const EXTRACTION_YOUNG_HEAP_MB = 8;

const outOfMemory = (error: unknown) => (error as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
const tooLarge = (heapMb: number) =>
  new UnprocessableError(`Reading this page needed more than the ${heapMb} MB Factline gives one page, so it stopped; paste the article's text instead.`);

interface Task {
  id: number;
  html: string;
  url?: string;
  resolve(article: ExtractedArticle): void;
  reject(error: unknown): void;
}

/**
 * Extraction in a worker thread with a deadline. Readability runs on a page's whole DOM, and
 * even a bounded page (page-bounds.ts) costs tens or hundreds of milliseconds of CPU: in the
 * server's own thread that would delay every other request, `/healthz` included. Here one worker
 * reads pages one after another; a page that passes the deadline has its worker ended (CPU work
 * cannot be interrupted otherwise) and is refused with a 422, and the next page gets a new
 * worker. The worker is unref'd, so it never keeps a process alive.
 */
export function createExtractor(options: { deadlineMs?: number; idleMs?: number; heapMb?: number } = {}): Extractor {
  const deadlineMs = options.deadlineMs ?? EXTRACTION_DEADLINE_MS;
  const idleMs = options.idleMs ?? EXTRACTION_IDLE_MS;
  const heapMb = options.heapMb ?? EXTRACTION_HEAP_MB;
  let idleTimer: NodeJS.Timeout | null = null;
  const waiting: Task[] = [];
  let worker: Worker | null = null;
  let current: { task: Task; timer: NodeJS.Timeout } | null = null;
  let nextId = 1;

  function startWorker(): Worker {
    const started = new Worker(workerScript(__filename, 'extraction-worker'), {
      resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: EXTRACTION_YOUNG_HEAP_MB },
    });
    started.unref();
    started.on('message', (reply: ExtractionReply) => {
      if (!current || current.task.id !== reply.id) return;
      const { task, timer } = current;
      clearTimeout(timer);
      current = null;
      if (reply.ok) task.resolve(reply.article);
      else task.reject(reply.error ? new AppError(reply.error.status, reply.error.code, reply.error.message) : new Error(reply.message));
      runNext();
    });
    started.on('error', (error) => fail(started, outOfMemory(error) ? tooLarge(heapMb) : error));
    started.on('exit', () => fail(started, new Error('The page reader stopped unexpectedly.')));
    return started;
  }

  /** The worker died (or was ended): the page it was reading fails, the rest go to a new one. */
  function fail(dead: Worker, error: unknown): void {
    if (worker !== dead) return;
    worker = null;
    if (current) {
      clearTimeout(current.timer);
      current.task.reject(error);
      current = null;
    }
    runNext();
  }

  function runNext(): void {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = null;
    if (current) return;
    if (waiting.length === 0) {
      if (worker) {
        const idle = worker;
        idleTimer = setTimeout(() => {
          if (worker !== idle || current) return;
          worker = null;
          void idle.terminate();
        }, idleMs);
        idleTimer.unref();
      }
      return;
    }
    const task = waiting.shift()!;
    worker ??= startWorker();
    const running = worker;
    const timer = setTimeout(() => {
      void running.terminate();
      fail(
        running,
        new UnprocessableError(`This page took more than ${Math.round(deadlineMs / 1000)} s to read, so Factline stopped; paste the article's text instead.`),
      );
    }, deadlineMs);
    current = { task, timer };
    running.postMessage({ id: task.id, html: task.html, url: task.url });
  }

  return {
    extract(html, url) {
      if (waiting.length >= MAX_WAITING)
        return Promise.reject(
          new AppError(503, 'busy', 'Factline is reading many pages at the moment; try again in a minute.', undefined, { 'retry-after': '30' }),
        );
      return new Promise<ExtractedArticle>((resolve, reject) => {
        waiting.push({ id: nextId++, html, url, resolve, reject });
        runNext();
      });
    },
    alive: () => worker !== null,
    async close() {
      if (idleTimer) clearTimeout(idleTimer);
      const running = worker;
      worker = null;
      const stopped = new Error('Factline is shutting down; the page was not read.');
      if (current) {
        clearTimeout(current.timer);
        current.task.reject(stopped);
        current = null;
      }
      for (const task of waiting.splice(0)) task.reject(stopped);
      if (running) await running.terminate();
    },
  };
}
