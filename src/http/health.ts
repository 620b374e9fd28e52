import { Router } from 'express';
import type { Db } from '../db/knex';

/** GET /healthz: 200 when the database answers a query, 503 when it does not. */
export function healthRouter(db: Db): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    try {
      await db.raw('select 1');
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'unavailable', error: { code: 'database_unavailable', message: 'The database does not answer.' } });
    }
  });
  return router;
}
