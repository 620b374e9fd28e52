import session from 'express-session';
import type { Queryable } from './knex';

const MINUTE_MS = 60_000;
/** A session with no one signed in (a visitor who opened the sign-in form) lives this long. */
export const ANONYMOUS_SESSION_MS = 2 * 60 * MINUTE_MS;
/** "Still in use" is written at most this often per session. */
export const TOUCH_RESOLUTION_MS = MINUTE_MS;
/** Bound on the remembered touch times (one entry per active session). */
const MAX_TOUCHES_REMEMBERED = 50_000;

type Callback<T = void> = (err?: unknown, value?: T) => void;
type StoredSession = session.SessionData & { passport?: { user?: number } };

/**
 * express-session store over Knex: sessions live in the `sessions` table of whichever database
 * the app uses, so they survive restarts and are shared by every instance on one PostgreSQL.
 * (connect-session-knex would create its own table outside our migrations and run a timer.)
 *
 * - Each row records whose session it is (`user_id`), so disabling an account or changing a
 *   password can delete its sessions.
 * - A session nobody has signed in to expires after two hours, not the cookie's 14 days, so
 *   opening the sign-in form over and over cannot fill the table with long-lived rows.
 * - `touch` (express-session calls it on every request that did not change the session) writes
 *   at most once a minute per session.
 * - Expired rows are deleted by housekeeping (housekeeping.ts), never inside someone's request.
 */
export class KnexSessionStore extends session.Store {
  private readonly touchedAt = new Map<string, number>();

  constructor(private readonly db: Queryable) {
    super();
  }

  static expiry(sess: StoredSession, now = Date.now()): number {
    const expires = sess.cookie?.expires;
    const cookieExpiry = expires ? new Date(expires).getTime() : now + ANONYMOUS_SESSION_MS;
    return sess.passport?.user ? cookieExpiry : Math.min(cookieExpiry, now + ANONYMOUS_SESSION_MS);
  }

  override get(sid: string, callback: Callback<session.SessionData | null>): void {
    this.db('sessions')
      .where({ sid })
      .andWhere('expires_at', '>', Date.now())
      .first('sess')
      .then((row: { sess: string } | undefined) => callback(null, row ? (JSON.parse(row.sess) as session.SessionData) : null))
      .catch(callback);
  }

  override set(sid: string, sess: StoredSession, callback?: Callback): void {
    this.db('sessions')
      .insert({ sid, sess: JSON.stringify(sess), expires_at: KnexSessionStore.expiry(sess), user_id: sess.passport?.user ?? null })
      .onConflict('sid')
      .merge()
      .then(() => this.touchedAt.delete(sid))
      .then(() => callback?.())
      .catch((err: unknown) => callback?.(err));
  }

  override touch(sid: string, sess: StoredSession, callback?: Callback): void {
    const now = Date.now();
    const last = this.touchedAt.get(sid);
    if (last !== undefined && now - last < TOUCH_RESOLUTION_MS) return void callback?.();
    if (this.touchedAt.size >= MAX_TOUCHES_REMEMBERED) this.touchedAt.clear();
    this.touchedAt.set(sid, now);
    this.db('sessions')
      .where({ sid })
      .update({ expires_at: KnexSessionStore.expiry(sess, now) })
      .then(() => callback?.())
      .catch((err: unknown) => callback?.(err));
  }

  override destroy(sid: string, callback?: Callback): void {
    this.touchedAt.delete(sid);
    this.db('sessions')
      .where({ sid })
      .delete()
      .then(() => callback?.())
      .catch((err: unknown) => callback?.(err));
  }

  async pruneExpired(now = Date.now()): Promise<number> {
    return this.db('sessions').where('expires_at', '<=', now).delete();
  }
}
