import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { AppError, NotFoundError } from '../lib/errors';
import type { Logger } from '../lib/logger';

export const notFound: RequestHandler = (_req, _res, next) => next(new NotFoundError());

/** JSON endpoints outside /api/ (oEmbed's address is fixed by convention). */
const JSON_PATHS = new Set(['/oembed', '/claimreview.json']);

function wantsJson(req: Request): boolean {
  return req.path.startsWith('/api/') || JSON_PATHS.has(req.path) || !req.accepts('html');
}

/** Express and body-parser raise errors with a `status` or `type`; map them to AppErrors. */
function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  const { type, status } = (error ?? {}) as { type?: string; status?: number };
  if (type === 'entity.too.large') return new AppError(413, 'too_large', 'The request body is too large.');
  if (type === 'entity.parse.failed') return new AppError(400, 'invalid_json', 'The request body is not valid JSON.');
  if (type === 'charset.unsupported' || type === 'encoding.unsupported')
    return new AppError(415, 'unsupported_encoding', 'The request body encoding is not supported.');
  if ((error as { code?: string })?.code === 'EBADCSRFTOKEN' || (error as Error)?.message === 'invalid csrf token') {
    return new AppError(403, 'invalid_csrf_token', 'The form has expired or did not come from this site. Reload the page and try again.');
  }
  if (typeof status === 'number' && status >= 400 && status < 500) return new AppError(status, 'bad_request', 'The request could not be understood.');
  return null;
}

/** The one error handler: a JSON body for the API and non-HTML clients, an error page for browsers. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const appError = toAppError(error) ?? new AppError(500, 'internal', 'Something went wrong on our side. It has been logged.');
    if (appError.status >= 500) logger.error({ err: error, reqId: req.id }, 'request failed');
    if (res.headersSent) return;
    res.status(appError.status);
    for (const [name, value] of Object.entries(appError.headers)) res.setHeader(name, value);
    if (wantsJson(req)) {
      res.json({ error: { code: appError.code, message: appError.message } });
      return;
    }
    res.render('errors/error', { title: `Error ${appError.status}`, status: appError.status, message: appError.message });
  };
}
