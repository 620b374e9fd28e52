import type { Db } from '../../db/knex';
import type { Logger } from '../../lib/logger';
import type { Mailer, OutgoingMail } from '../../outbound/mailer';
import { finishEmail, leaseDueEmails, type OutgoingEmail, type OutboxStatus } from './email-outbox';
import { KIND_TITLES } from './email-settings';

/** An email is tried at most this many times: now, then after each delay (about an hour in all). */
export const EMAIL_MAX_ATTEMPTS = 5;
export const EMAIL_RETRY_DELAYS_MS = [60_000, 5 * 60_000, 15 * 60_000, 40 * 60_000];
/** An email about something older than this is not sent (the server had no SMTP then, or could not send for a day). */
export const EMAIL_STALE_AFTER_MS = 24 * 60 * 60_000;
/** How long a worker holds an email it took (a send times out well before); past it, another may take it. */
const LEASE_MS = 60_000;
const BATCH = 20;

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
  async function deliver(email: OutgoingEmail, now: number): Promise<OutboxStatus> {
    const attempts = email.attempts + 1;
    const skip = reasonToSkip(email, now);
    if (skip) {
      await finishEmail(db, email.id, { status: 'skipped', attempts: email.attempts, error: skip });
      return 'skipped';
    }
    try {
      await mailer.send(composeEmail({ ...email, address: email.address! }, options.baseUrl));
      await finishEmail(db, email.id, { status: 'sent', attempts, error: null });
      return 'sent';
    } catch (failure) {
      const error = (failure as Error).message.slice(0, 500);
      const retry = attempts < EMAIL_MAX_ATTEMPTS;
      options.logger.warn({ emailId: email.id, attempts, retry, err: error }, 'could not send a notification email');
      await finishEmail(db, email.id, {
        status: retry ? 'pending' : 'failed',
        attempts,
        nextAttemptAt: retry ? now + EMAIL_RETRY_DELAYS_MS[attempts - 1] : undefined,
        error,
      });
      return retry ? 'pending' : 'failed';
    }
  }

  return {
    /** Sends what is due now (a worker's round); returns what happened to each email. */
    async deliverDue(now = Date.now()): Promise<Record<OutboxStatus, number>> {
      const counts: Record<OutboxStatus, number> = { sent: 0, pending: 0, failed: 0, skipped: 0 };
      for (const email of await leaseDueEmails(db, now, now + LEASE_MS, BATCH)) counts[await deliver(email, now)] += 1;
      return counts;
    },
  };
}
