import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestHandler, Response } from 'express';
import type { Db } from './knex';

const storage = new AsyncLocalStorage<{ count: number }>();

/**
 * Diagnostic (FACTLINE_QUERY_COUNT=1, used by the benchmark): counts the SQL queries each request
 * runs and reports them in an X-Query-Count response header.
 */
export function countQueries(db: Db): RequestHandler {
  db.on('query', () => {
    const store = storage.getStore();
    if (store) store.count += 1;
  });
  return (_req, res, next) => {
    const store = { count: 0 };
    const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => Response;
    res.writeHead = ((...args: unknown[]) => {
      if (!res.headersSent) res.setHeader('X-Query-Count', String(store.count));
      return writeHead(...args);
    }) as typeof res.writeHead;
    storage.run(store, next);
  };
}
