/**
 * Request logging (src/http/request-logging.ts): an access line per request when the logger
 * writes info lines; otherwise none, and error lines still carry the request's id.
 */
import { Writable } from 'node:stream';
import express from 'express';
import request from 'supertest';
import { errorHandler } from '../../src/http/error-handler';
import { requestLogging } from '../../src/http/request-logging';
import { createLogger } from '../../src/lib/logger';

function appLoggingAt(level: string) {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger(
    level,
    new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    }),
  );
  const app = express();
  app.use(requestLogging(logger));
  app.get('/fine', (_req, res) => void res.json({ ok: true }));
  app.get('/healthz', (_req, res) => void res.json({ ok: true }));
  app.get('/broken', () => {
    throw new Error('the disk is on fire');
  });
  app.use(errorHandler(logger));
  return { app, lines, flush: () => new Promise<void>((resolve) => logger.flush(() => resolve())) };
}

describe('request logging', () => {
  test('when the logger writes info lines, then each request but the health check gets an access line with its id', async () => {
    const { app, lines, flush } = appLoggingAt('info');
    await request(app).get('/fine').set('X-Request-Id', 'from-the-proxy').expect(200);
    await request(app).get('/healthz').expect(200);
    await flush();
    const access = lines.filter((line) => line.msg === 'request completed');
    expect(access).toHaveLength(1);
    expect(access[0]).toMatchObject({ req: { id: 'from-the-proxy', method: 'GET', url: '/fine' }, res: { statusCode: 200 } });
  });

  test('when the logger writes warnings only, then no access line is written, and an error line still carries the request id', async () => {
    const { app, lines, flush } = appLoggingAt('warn');
    await request(app).get('/fine').expect(200);
    await request(app).get('/broken').set('X-Request-Id', 'trace-me').expect(500);
    await request(app).get('/broken').expect(500);
    await flush();
    expect(lines.filter((line) => line.msg === 'request completed')).toEqual([]);
    const errors = lines.filter((line) => line.msg === 'request failed');
    expect(errors.map((line) => line.reqId)).toEqual(['trace-me', expect.stringMatching(/^[0-9a-f-]{36}$/)]);
  });
});
