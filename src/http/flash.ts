import type { Request, RequestHandler } from 'express';

/**
 * A message for the next page a person sees, after a form that redirects ("Article added"):
 * kept in their session until that page shows it, once. Only signed-in pages carry it, and those
 * are never cached.
 */
export interface Flash {
  kind: 'success' | 'warning';
  message: string;
  /** What to check, one line each (an import's warnings). */
  details?: string[];
}

declare module 'express-session' {
  interface SessionData {
    flash?: Flash;
  }
}

export function flash(req: Request, message: Flash): void {
  if (req.session) req.session.flash = message;
}

/** Moves a waiting message to the page being rendered (`flash` in the views), so it shows once. */
export const showFlash: RequestHandler = (req, res, next) => {
  const waiting = req.session?.flash;
  if (waiting && req.method === 'GET') {
    res.locals.flash = waiting;
    delete req.session.flash;
  }
  next();
};
