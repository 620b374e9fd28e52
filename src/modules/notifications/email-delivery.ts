import type { Db } from '../../db/knex';
import type { Logger } from '../../lib/logger';
import type { Mailer, OutgoingMail } from '../../outbound/mailer';
import { finishEmail, leaseNextEmail, type OutgoingEmail, type OutboxStatus } from './email-outbox';
import { KIND_TITLES } from './email-settings';

/** An email is tried at most this many times: now, then after each delay (about an hour in all). */
export const EMAIL_MAX_ATTEMPTS = 5;
export const EMAIL_RETRY_DELAYS_MS = [60_000, 5 * 60_000, 15 * 60_000, 40 * 60_000];
/** An email about something older than this is not sent (the server had no SMTP then, or could not send for a day). */
export const EMAIL_STALE_AFTER_MS = 24 * 60 * 60_000;
/**
 * How long a worker holds the one email it took: the mailer gives up on a send after at most
 * about 40 s (connection, greeting and socket timeouts), so the lease outlives its work; past it
 * (the instance died), another worker may take the email.
 */
const LEASE_MS = 120_000;
/** Emails one round sends at most, one after another, each leased just before it is sent. */
const ROUND = 20;

export type EmailDelivery = ReturnType<typeof createEmailDelivery>;

/** The text of a notification's email: what happened, where to see it, and how to stop such emails. */
export function composeEmail(email: OutgoingEmail & { address: string }, baseUrl: string): OutgoingMail {
  return {
    to: email.address,
    subject: `Factline: ${KIND_TITLES[email.kind]}`,
    text: [
      email.message,
      '',
      `Open it in Factline: ${baseUrl}${email.link}`,
      '',
      '--',
      `You get this email because of your notification settings. Choose which emails you get on Your account: ${baseUrl}/account#email`,
      '',
    ].join('\n'),
  };
}

/** Why an email that was queued is no longer wanted (checked when it is about to go), or null. */
function reasonToSkip(email: OutgoingEmail, now: number): string | null {
  if (email.accountDisabled) return 'The account is disabled.';
  if (!email.address) return 'The person no longer has an email address.';
  if (!email.wantsKind) return 'The person no longer wants this kind by email.';
  if (email.read) return 'The notification was read in Factline before the email went.';
  if (now - Date.parse(email.notifiedAt) > EMAIL_STALE_AFTER_MS) return 'The notification is more than a day old.';
  return null;
}

/**
 * The email worker: sends what the outbox holds, after the transactions that queued it
 * committed, through the mailer; a failure is retried with backoff and never reaches the request
 * that caused the notification (it finished long before). Every instance may run it: the lease
 * hands each email to one worker.
 */
export function createEmailDelivery(db: Db, mailer: Mailer, options: { baseUrl: string; logger: Logger }) {
  /** Writes the outcome if this worker still holds the email ('lost' when another took it over). */
  const finish = async (email: OutgoingEmail, token: string, status: OutboxStatus, outcome: Omit<Parameters<typeof finishEmail>[3], 'status'>) =>
    (await finishEmail(db, email.id, token, { status, ...outcome })) ? status : ('lost' as const);

  async function deliver(email: OutgoingEmail, token: string, now: number): Promise<OutboxStatus | 'lost'> {
    const attempts = email.attempts + 1;
    const skip = reasonToSkip(email, now);
    if (skip) return finish(email, token, 'skipped', { attempts: email.attempts, error: skip });
    try {
      await mailer.send(composeEmail({ ...email, address: email.address! }, options.baseUrl));
      return await finish(email, token, 'sent', { attempts, error: null });
    } catch (failure) {
      const error = (failure as Error).message.slice(0, 500);
      const retry = attempts < EMAIL_MAX_ATTEMPTS;
      options.logger.warn({ emailId: email.id, attempts, retry, err: error }, 'could not send a notification email');
      return finish(email, token, retry ? 'pending' : 'failed', {
        attempts,
        nextAttemptAt: retry ? now + EMAIL_RETRY_DELAYS_MS[attempts - 1] : undefined,
        error,
      });
    }
  }

  return {
    /**
     * Sends what is due (a worker's round), leasing one email at a time just before sending it;
     * `now` is the round's clock (tests move it), advanced by the time the round has taken.
     * Returns what happened to each email; `lost` (only when present) counts outcomes not written
     * because the lease had run out and another worker held the email.
     */
    async deliverDue(now = Date.now()): Promise<Record<OutboxStatus, number> & { lost?: number }> {
      const counts: Record<OutboxStatus, number> & { lost?: number } = { sent: 0, pending: 0, failed: 0, skipped: 0 };
      const started = Date.now();
      for (let i = 0; i < ROUND; i++) {
        const at = now + (Date.now() - started);
        const next = await leaseNextEmail(db, at, at + LEASE_MS);
        if (!next) break;
        const outcome = await deliver(next.email, next.token, at);
        counts[outcome] = (counts[outcome] ?? 0) + 1;
      }
      return counts;
    },
  };
}
