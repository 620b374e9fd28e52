import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs, written asynchronously (flushed at shutdown); secrets are redacted wherever they might appear. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.token'],
        censor: '[redacted]',
      },
    },
    destination ?? pino.destination({ dest: 1, sync: false }),
  );
}
