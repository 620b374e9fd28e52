import type { Db } from '../../src/db/knex';
import { nowIso } from '../../src/db/time';

const idOf = (row: unknown) => Number(typeof row === 'object' && row !== null ? (row as { id: number }).id : row);

/** `count` due deliveries of one new webhook, as the webhook subscriber would queue them; their ids in order. */
export async function queueWebhookDeliveries(db: Db, count: number, now: number): Promise<number[]> {
  const [hook] = await db('webhooks')
    .insert({ url: 'http://127.0.0.1:9/hook', events: '[]', secret: 'x'.repeat(16), created_at: nowIso() })
    .returning('id');
  const ids: number[] = [];
  for (let n = 0; n < count; n++) {
    const [row] = await db('webhook_deliveries')
      .insert({ webhook_id: idOf(hook), event_id: `event-${n}`, event_type: 'article.created', payload: '{}', next_attempt_at: now, created_at: nowIso() })
      .returning('id');
    ids.push(idOf(row));
  }
  return ids;
}
