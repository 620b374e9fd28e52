import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { Request, RequestHandler, Response } from 'express';
import { LRUCache } from 'lru-cache';
import type { ChangeFeed } from '../lib/change-feed';
import { variantFor, type CacheRule } from './route-sharing';
import { SESSION_COOKIE_NAME } from './sessions';

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
  /** Every header the full stack set on the response (security headers, CORS…), ready for the fast path: plain and gzipped. */
  plainHeaders: OutgoingHttpHeaders;
  gzipHeaders: OutgoingHttpHeaders | null;
}

/** Headers of one response that must not be replayed on another (or that the entry sets itself). */
const PER_RESPONSE = new Set([
  'content-length',
  'content-encoding',
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'set-cookie',
  'x-cache',
  'x-request-id',
]);

/**
 * The session cookie's name: a request whose Cookie header mentions it anywhere goes through the
 * whole stack (it may be signed in). A substring test, not a parse: however the cookie is spelt
 * (`factline.sid =…` is read as the session by the cookie parser), the fast path steps aside.
 */
const SESSION_COOKIE = SESSION_COOKIE_NAME;

function replayable(res: Response, entry: Pick<Entry, 'body' | 'gzipped'>): Pick<Entry, 'plainHeaders' | 'gzipHeaders'> {
  const kept: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(res.getHeaders())) if (!PER_RESPONSE.has(name) && value !== undefined) kept[name] = value;
  kept.vary = 'Accept-Encoding';
  kept['x-cache'] = 'hit';
  return {
    plainHeaders: { ...kept, 'content-length': entry.body.length },
    gzipHeaders: entry.gzipped ? { ...kept, 'content-encoding': 'gzip', 'content-length': entry.gzipped.length } : null,
  };
}

/** Whether an `If-None-Match` header names this ETag (weak or strong, or `*`). */
function notModified(header: string | undefined, etag: string | undefined): boolean {
  if (!header || !etag) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
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
  /** Least recently used first out, bounded by the entries' bytes (lru-cache's `maxSize`). */
  private readonly entries: LRUCache<string, Entry>;
  /** Bumped by every clear: a page rendered before it is not stored after it. */
  private generation = 0;
  hits = 0;
  /** Of the hits, those answered by the fast path. */
  fastHits = 0;
  misses = 0;

  /**
   * `rules` come from the route specs (route-sharing.ts): a page is stored only when the first
   * route matching its path declares which query parameters vary it (only published data may).
   */
  constructor(
    feed: ChangeFeed,
    maxBytes = DEFAULT_CACHE_BYTES,
    private readonly rules: readonly CacheRule[] = [],
  ) {
    this.entries = new LRUCache<string, Entry>({ maxSize: maxBytes, sizeCalculation: (entry) => entry.bytes });
    feed.onPublicContentChanged(() => this.clear());
  }

  clear(): void {
    this.entries.clear();
    this.generation += 1;
  }

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.entries.calculatedSize;
  }

  /** An entry larger than the whole cache is not stored (lru-cache refuses it). */
  private store(key: string, entry: Entry): void {
    this.entries.set(key, entry);
  }

  private lookup(key: string): Entry | undefined {
    return this.entries.get(key);
  }

  /**
   * The fast path: answers a cache hit straight from Node's request, before Express and every
   * middleware, with the headers the full stack set when the page was stored (security headers,
   * CORS, ETag, Vary), gzipped when the client accepts it, 304 when its ETag matches. Only a
   * request that is anonymous on its face takes it: GET or HEAD, no Authorization header, no
   * session cookie, each query parameter given once. Everything else (and every miss) returns
   * false and goes the whole way, where the cache middleware below may still answer it.
   * Hits taken here are counted (`fastHits`), not written to the request log.
   */
  fastPath(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (req.headers.authorization || req.headers.cookie?.includes(SESSION_COOKIE)) return false;
    const url = req.url ?? '/';
    const mark = url.indexOf('?');
    const path = mark < 0 ? url : url.slice(0, mark);
    const variantOf = variantFor(this.rules, path);
    if (!variantOf) return false;
    const query: Record<string, string> = {};
    if (mark >= 0)
      for (const [name, value] of new URLSearchParams(url.slice(mark + 1))) {
        if (name in query) return false; // a repeated parameter: Express reads it differently, let it decide
        query[name] = value;
      }
    const variant = variantOf(query);
    const entry = variant === null ? undefined : this.lookup(path + variant);
    if (!entry) return false;
    this.hits += 1;
    this.fastHits += 1;
    const gzip = entry.gzipHeaders !== null && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const headers = gzip ? entry.gzipHeaders! : entry.plainHeaders;
    if (notModified(req.headers['if-none-match'], entry.etag)) {
      const { 'content-length': _length, 'content-encoding': _encoding, ...rest } = headers;
      res.writeHead(304, rest);
      res.end();
      return true;
    }
    res.writeHead(entry.status, headers);
    res.end(req.method === 'HEAD' ? undefined : gzip ? entry.gzipped! : entry.body);
    return true;
  }

  middleware(): RequestHandler {
    return (req, res, next) => {
      if (req.user || req.headers.authorization) {
        res.setHeader('Cache-Control', PRIVATE);
        return next();
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return next();
      const variant = variantFor(this.rules, req.path)?.(req.query) ?? null;
      if (variant === null) return next();
      const key = req.path + variant;
      const entry = this.lookup(key);
      if (entry) {
        this.hits += 1;
        return void sendEntry(req, res, entry);
      }
      this.misses += 1;
      const generation = this.generation;
      const send = res.send.bind(res);
      res.send = (body?: unknown) => {
        const cacheable = res.statusCode === 200 && !req.user && !res.locals.personal && (typeof body === 'string' || Buffer.isBuffer(body));
        if (!cacheable || generation !== this.generation) return send(body);
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
          ...replayable(res, { body: buffer, gzipped }),
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
