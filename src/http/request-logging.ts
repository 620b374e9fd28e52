import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../lib/logger';

/** A request's id: the one a proxy in front sent, or a new one. Error lines carry it. */
const requestId = (req: IncomingMessage): string => (req.headers['x-request-id'] as string) || randomUUID();

/**
 * Access lines (pino-http, one per request but `/healthz`) when the logger writes info lines, as
 * it does by default; otherwise only the request id. pino-http makes a child logger with the
 * request serialised into it for every request, whether a line is written or not: under the write
 * load that was about a sixth of what each request left for the old generation (bench/FINDINGS.md).
 */
export function requestLogging(logger: Logger): RequestHandler {
  if (logger.isLevelEnabled('info')) return pinoHttp({ logger, genReqId: requestId, autoLogging: { ignore: (req) => req.url === '/healthz' } });
  return (req, _res, next) => {
    req.id = requestId(req);
    next();
  };
}
