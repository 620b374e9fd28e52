import { gzipSync } from 'node:zlib';
import type { RequestHandler } from 'express';
import type { ChangeFeed } from '../lib/change-feed';

/** Paths whose anonymous response depends only on published data. */
const CACHEABLE = [
  /^\/$/,
  /^\/articles\/[a-z0-9-]+$/,
  /^\/claims\/\d+$/,
  /^\/claimreview\.json$/,
  /^\/api\/v1\/articles$/,
  /^\/api\/v1\/articles\/[a-z0-9-]+(\/verdicts|\/claimreview)?$/,
];

/** Bodies smaller than this are not worth compressing. */
const COMPRESS_FROM_BYTES = 1024;

interface Entry {
  status: number;
  body: Buffer;
  /** The body gzipped once when cached, for clients that accept gzip. */
  gzipped: Buffer | null;
  contentType: string;
  etag: string | undefined;
}

/**
 * Caches the rendered responses anonymous readers get (no session cookie, no Authorization),
 * in memory, and drops them all whenever published content changes. Express's ETag and
 * If-None-Match handling still apply, so a reader with a fresh copy gets a 304. Each entry is
 * gzipped once when stored and sent compressed to clients that accept it: the article page is
 * hundreds of kilobytes, and bytes, not rendering, bound how fast it can be served.
 */
export class PublicCache {
  private entries = new Map<string, Entry>();
  hits = 0;
  misses = 0;

  constructor(feed: ChangeFeed, private readonly maxEntries = 500) {
    feed.onPublicContentChanged(() => this.clear());
  }

  clear(): void {
    this.entries = new Map();
  }

  get size(): number {
    return this.entries.size;
  }

  middleware(): RequestHandler {
    return (req, res, next) => {
      if ((req.method !== 'GET' && req.method !== 'HEAD') || req.headers.authorization || /(?:^|;\s*)factline\.sid=/.test(req.headers.cookie ?? '')) return next();
      if (!CACHEABLE.some((pattern) => pattern.test(req.path))) return next();
      const key = req.originalUrl;
      const entry = this.entries.get(key);
      if (entry) {
        this.hits += 1;
        res.status(entry.status).type(entry.contentType);
        if (entry.etag) res.setHeader('ETag', entry.etag);
        res.setHeader('X-Cache', 'hit');
        res.setHeader('Vary', 'Accept-Encoding');
        if (entry.etag && req.fresh) return void res.status(304).end();
        const gzip = entry.gzipped !== null && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
        if (gzip) res.setHeader('Content-Encoding', 'gzip');
        const body = gzip ? entry.gzipped! : entry.body;
        res.setHeader('Content-Length', body.length);
        return void res.end(req.method === 'HEAD' ? undefined : body);
      }
      this.misses += 1;
      const entries = this.entries;
      const send = res.send.bind(res);
      res.send = (body?: unknown) => {
        if (res.statusCode === 200 && (typeof body === 'string' || Buffer.isBuffer(body)) && entries === this.entries) {
          const buffer = Buffer.isBuffer(body) ? body : Buffer.from(body);
          const result = send(body);
          if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
          const gzipped = buffer.length >= COMPRESS_FROM_BYTES ? gzipSync(buffer) : null;
          this.entries.set(key, { status: 200, body: buffer, gzipped, contentType: String(res.getHeader('Content-Type') ?? 'text/html'), etag: res.getHeader('ETag') as string | undefined });
          return result;
        }
        return send(body);
      };
      res.setHeader('X-Cache', 'miss');
      next();
    };
  }
}
