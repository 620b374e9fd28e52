import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { BoundedConcurrency } from '../lib/bounded-concurrency';

export type BulkheadLimits = Record<string, { concurrency: number; maxWaiting: number }>;

/**
 * Sign-in gets more places than the password queue holds (1 running + 8 waiting), so a sign-in
 * beyond that queue still gets its quick 503 there rather than a long wait here.
 */
const DEFAULT_LIMITS: BulkheadLimits = {
  '/register': { concurrency: 4, maxWaiting: 256 },
  '/login': { concurrency: 12, maxWaiting: 256 },
};

const BUSY = 'Too many people are signing in or registering right now. Try again in a few seconds.';

/**
 * A bulkhead for the forms anyone can post without an account (the doors a flood comes
 * through). Posts to each path are handled at most `concurrency` at a time; the rest wait, in
 * arrival order, before any of their work (body, session, CSRF, database) has started, and
 * beyond `maxWaiting` they are refused with a 503 and Retry-After. Thirty-two clients flooding
 * /register then share the server with everyone else as a handful of requests, not thirty-two:
 * /healthz, readers and signed-in work keep their place. Mounted before the body parser and the
 * session layer.
 */
export function anonymousFormBulkhead(limits: BulkheadLimits = DEFAULT_LIMITS): RequestHandler {
  const bulkheads = new Map(Object.entries(limits).map(([path, limit]) => [path, new BoundedConcurrency(limit.concurrency, limit.maxWaiting, BUSY)]));
  return (req: Request, res: Response, next: NextFunction) => {
    const slots = req.method === 'POST' ? bulkheads.get(req.path) : undefined;
    if (!slots) return next();
    // Listen for the end before waiting: a client that gives up while queued must not keep its place forever.
    let closed = false;
    let release: (() => void) | null = null;
    res.once('close', () => {
      closed = true;
      release?.();
    });
    slots.acquire().then((give) => {
      if (closed) return give();
      release = give;
      next();
    }, next);
  };
}
