import type { Db } from '../../db/knex';
import type { Logger } from '../../lib/logger';
import type { Mailer, OutgoingMail } from '../../outbound/mailer';
import { afterFailure, createLeasedWorker, type Lease, type RetryPolicy } from '../../db/leased-worker';
import { emailOutcome, outgoingEmail, type OutgoingEmail, type OutboxStatus } from './email-outbox';
import { KIND_TITLES } from './email-settings';

/** An email is tried at most this many times: now, then after each delay (about an hour in all). */
export const EMAIL_RETRIES: RetryPolicy = { maxAttempts: 5, delaysMs: [60_000, 5 * 60_000, 15 * 60_000, 40 * 60_000] };
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
 * that caused the notification (it finished long before). It is the one leased worker
 * (src/db/leased-worker.ts) over `email_outbox`.
 */
export function createEmailDelivery(db: Db, mailer: Mailer, options: { baseUrl: string; logger: Logger }) {
  async function deliver(email: OutgoingEmail, lease: Lease): Promise<OutboxStatus> {
    const finish = async (status: OutboxStatus, outcome: { attempts: number; nextAttemptAt?: number; error: string | null }) => {
      await lease.finish(emailOutcome({ status, ...outcome }));
      return status;
    };
    const attempts = email.attempts + 1;
    const skip = reasonToSkip(email, lease.now);
    if (skip) return finish('skipped', { attempts: email.attempts, error: skip });
    try {
      await mailer.send(composeEmail({ ...email, address: email.address! }, options.baseUrl));
      return await finish('sent', { attempts, error: null });
    } catch (failure) {
      const error = (failure as Error).message.slice(0, 500);
      const next = afterFailure(attempts, EMAIL_RETRIES, lease.now);
      options.logger.warn({ emailId: email.id, attempts, retry: next.retry, err: error }, 'could not send a notification email');
      return finish(next.retry ? 'pending' : 'failed', { attempts, nextAttemptAt: next.retry ? next.nextAttemptAt : undefined, error });
    }
  }

  const worker = createLeasedWorker(db, {
    table: 'email_outbox',
    leaseMs: LEASE_MS,
    round: ROUND,
    outcomes: ['sent', 'pending', 'failed', 'skipped'] as const,
    load: (tx, row) => outgoingEmail(tx, Number(row.id)),
    whenVanished: (row) => emailOutcome({ status: 'skipped', attempts: Number(row.attempts), error: 'The notification no longer exists.' }),
    work: deliver,
  });

  return {
    /**
     * Sends what is due (a worker's round); `now` is the round's clock (tests move it). Returns
     * what happened to each email; `vanished` (only when present) counts emails whose notification
     * was deleted meanwhile (each is skipped), and `lost` (likewise) counts outcomes not written
     * because the lease had run out and another worker held the email.
     */
    deliverDue: (now?: number) => worker.runRound(now),
    /** Emails due, being sent, and failed for good. */
    queueMetrics: (now?: number) => worker.metrics(now),
  };
}
