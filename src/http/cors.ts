import type { RequestHandler } from 'express';

/**
 * Public read endpoints (those whose route spec declares `cors: 'any-origin'`) that publishers' pages call from their own origin (embed.js): any origin
 * may read them, with GET only and never with credentials (no `Access-Control-Allow-Credentials`,
 * so a browser sends no cookie and exposes no answer to a credentialed request). They serve
 * published data only. A preflight is answered here, before sessions and CSRF.
 */
export function publicReadCors(publicReads: readonly RegExp[]): RequestHandler {
  return (req, res, next) => {
    if (!publicReads.some((pattern) => pattern.test(req.path))) return next();
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET, OPTIONS');
      res.setHeader('Access-Control-Max-Age', '86400');
      return void res.status(204).end();
    }
    next();
  };
}
