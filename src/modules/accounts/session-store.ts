import session from 'express-session';
import type { Queryable } from '../../db/knex';

const DAY_MS = 24 * 60 * 60 * 1000;
/** About one write in this many also deletes expired sessions, so no timer keeps the process alive. */
const PRUNE_EVERY = 200;

type Callback<T = void> = (err?: unknown, value?: T) => void;

/**
 * express-session store over Knex: sessions live in the `sessions` table of whichever database
 * the app uses, so they survive restarts and are shared by every instance on one PostgreSQL.
 * (connect-session-knex would create its own table outside our migrations and run a timer.)
 */
export class KnexSessionStore extends session.Store {
  private writes = 0;

  constructor(private readonly db: Queryable) {
    super();
  }

  private static expiry(sess: session.SessionData): number {
    const expires = sess.cookie?.expires;
    return expires ? new Date(expires).getTime() : Date.now() + DAY_MS;
  }

  override get(sid: string, callback: Callback<session.SessionData | null>): void {
    this.db('sessions')
      .where({ sid })
      .andWhere('expires_at', '>', Date.now())
      .first('sess')
      .then((row: { sess: string } | undefined) => callback(null, row ? (JSON.parse(row.sess) as session.SessionData) : null))
      .catch(callback);
  }

  override set(sid: string, sess: session.SessionData, callback?: Callback): void {
    this.db('sessions')
      .insert({ sid, sess: JSON.stringify(sess), expires_at: KnexSessionStore.expiry(sess) })
      .onConflict('sid')
      .merge()
      .then(() => this.maybePrune())
      .then(() => callback?.())
      .catch((err: unknown) => callback?.(err));
  }

  override touch(sid: string, sess: session.SessionData, callback?: Callback): void {
    this.db('sessions')
      .where({ sid })
      .update({ expires_at: KnexSessionStore.expiry(sess) })
      .then(() => callback?.())
      .catch((err: unknown) => callback?.(err));
  }

  override destroy(sid: string, callback?: Callback): void {
    this.db('sessions')
      .where({ sid })
      .delete()
      .then(() => callback?.())
      .catch((err: unknown) => callback?.(err));
  }

  async pruneExpired(): Promise<number> {
    return this.db('sessions').where('expires_at', '<=', Date.now()).delete();
  }

  private async maybePrune(): Promise<void> {
    this.writes += 1;
    if (this.writes % PRUNE_EVERY === 0) await this.pruneExpired();
  }
}
