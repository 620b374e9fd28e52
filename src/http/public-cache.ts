import { gzipSync } from 'node:zlib';
import type { Request, RequestHandler, Response } from 'express';
import type { ChangeFeed } from '../lib/change-feed';

/**
 * Pages whose anonymous response depends only on published data, each with the query
 * parameters it reads, normalised to the few values that change the response. Nothing else
 * in the query string reaches the key, so `?p=1`, `?p=2`, … are one entry, not thousands.
 */
interface CacheableRoute {
  pattern: RegExp;
  variant(query: Request['query']): string;
}

const NO_PARAMETERS = () => '';
/** `?revision=N` picks an earlier text of an article; only 200 answers are stored, so only real revisions take entries. */
const revisionVariant = (query: Request['query']) => (query.revision === undefined ? '' : `?revision=${String(query.revision).slice(0, 12)}`);
const CACHEABLE: CacheableRoute[] = [
  { pattern: /^\/$/, variant: NO_PARAMETERS },
  { pattern: /^\/articles\/[a-z0-9-]+$/, variant: (query) => (query.overlay === 'off' ? '?overlay=off' : '') },
  { pattern: /^\/claims\/\d+$/, variant: NO_PARAMETERS },
  // Pages of the site feed: `after` is a cursor the feed gave (a bad one is a 400, never stored).
  { pattern: /^\/claimreview\.json$/, variant: (query) => (typeof query.after === 'string' ? `?after=${query.after.slice(0, 80)}` : '') },
  { pattern: /^\/api\/v1\/articles$/, variant: NO_PARAMETERS },
  { pattern: /^\/api\/v1\/articles\/[a-z0-9-]+(\/verdicts|\/claimreview|\/revisions)?$/, variant: revisionVariant },
  { pattern: /^\/articles\/[a-z0-9-]+\/revisions$/, variant: NO_PARAMETERS },
];

/** Bodies smaller than this are not worth compressing. */
const COMPRESS_FROM_BYTES = 1024;
export const DEFAULT_CACHE_BYTES = 64 * 1024 * 1024;
export const PRIVATE = 'private, no-store';

interface Entry {
  status: number;
  body: Buffer;
  /** The body gzipped once when cached, for clients that accept gzip. */
  gzipped: Buffer | null;
  contentType: string;
  etag: string | undefined;
  /** A `Link` header (the next page of a paginated feed). */
  link: string | undefined;
  bytes: number;
}

/** Marks a response as made for one person (it carries a CSRF token, a name, a session): never stored, never kept by a browser cache or proxy. */
export function markPersonal(res: Response): void {
  res.locals.personal = true;
  res.setHeader('Cache-Control', PRIVATE);
}

/**
 * Caches the rendered responses anonymous readers get, in memory, and drops them all whenever
 * published content changes. It runs after the session and token layers, so "anonymous" is
 * their verdict (no user loaded, no Authorization header), never the cache's own reading of
 * raw headers; and a response is stored only if, when it was sent, no user was signed in and
 * nothing in it was made for one person (markPersonal). Signed-in responses get
 * `Cache-Control: private, no-store`.
 *
 * The cache is bounded by bytes (body plus its gzipped copy), least recently used first out.
 * Each entry is gzipped once when stored: the article page is hundreds of kilobytes, and bytes,
 * not rendering, bound how fast it can be served.
 */
export class PublicCache {
  /** Insertion order is recency order: a hit moves its entry to the end. */
  private entries = new Map<string, Entry>();
  private totalBytes = 0;
  hits = 0;
  misses = 0;

  constructor(
    feed: ChangeFeed,
    private readonly maxBytes = DEFAULT_CACHE_BYTES,
  ) {
    feed.onPublicContentChanged(() => this.clear());
  }

  clear(): void {
    this.entries = new Map();
    this.totalBytes = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.totalBytes;
  }

  private store(key: string, entry: Entry): void {
    if (entry.bytes > this.maxBytes) return;
    const previous = this.entries.get(key);
    if (previous) {
      this.entries.delete(key);
      this.totalBytes -= previous.bytes;
    }
    while (this.totalBytes + entry.bytes > this.maxBytes) {
      const [oldestKey, oldest] = this.entries.entries().next().value as [string, Entry];
      this.entries.delete(oldestKey);
      this.totalBytes -= oldest.bytes;
    }
    this.entries.set(key, entry);
    this.totalBytes += entry.bytes;
  }

  private lookup(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  middleware(): RequestHandler {
    return (req, res, next) => {
      if (req.user || req.headers.authorization) {
        res.setHeader('Cache-Control', PRIVATE);
        return next();
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return next();
      const route = CACHEABLE.find((candidate) => candidate.pattern.test(req.path));
      if (!route) return next();
      const key = req.path + route.variant(req.query);
      const entry = this.lookup(key);
      if (entry) {
        this.hits += 1;
        return void sendEntry(req, res, entry);
      }
      this.misses += 1;
      const generation = this.entries;
      const send = res.send.bind(res);
      res.send = (body?: unknown) => {
        const cacheable = res.statusCode === 200 && !req.user && !res.locals.personal && (typeof body === 'string' || Buffer.isBuffer(body));
        if (!cacheable || generation !== this.entries) return send(body);
        const buffer = Buffer.isBuffer(body) ? body : Buffer.from(body as string);
        const result = send(body);
        const gzipped = buffer.length >= COMPRESS_FROM_BYTES ? gzipSync(buffer) : null;
        const contentType = String(res.getHeader('Content-Type') ?? 'text/html');
        this.store(key, {
          status: 200,
          body: buffer,
          gzipped,
          contentType,
          etag: res.getHeader('ETag') as string | undefined,
          link: res.getHeader('Link') as string | undefined,
          bytes: buffer.length + (gzipped?.length ?? 0),
        });
        return result;
      };
      res.setHeader('X-Cache', 'miss');
      next();
    };
  }
}

function sendEntry(req: Request, res: Response, entry: Entry): void {
  res.status(entry.status).type(entry.contentType);
  if (entry.etag) res.setHeader('ETag', entry.etag);
  if (entry.link) res.setHeader('Link', entry.link);
  res.setHeader('X-Cache', 'hit');
  res.setHeader('Vary', 'Accept-Encoding');
  if (entry.etag && req.fresh) return void res.status(304).end();
  const gzip = entry.gzipped !== null && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  if (gzip) res.setHeader('Content-Encoding', 'gzip');
  const body = gzip ? entry.gzipped! : entry.body;
  res.setHeader('Content-Length', body.length);
  res.end(req.method === 'HEAD' ? undefined : body);
}
