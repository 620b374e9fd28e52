import type { Response } from 'express';

/**
 * Every page may be framed only by Factline itself (helmet: CSP `frame-ancestors 'self'` and
 * `X-Frame-Options: SAMEORIGIN`). A page made to be embedded on other sites (the fact-check
 * card) calls this to let any site frame it; nothing else does.
 */
export function allowFramingAnywhere(res: Response): void {
  const policy = String(res.getHeader('Content-Security-Policy') ?? '');
  res.setHeader('Content-Security-Policy', policy.replace(/frame-ancestors [^;]*/, 'frame-ancestors *'));
  res.removeHeader('X-Frame-Options');
}
