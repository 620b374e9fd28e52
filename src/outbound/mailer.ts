import type { Transporter } from 'nodemailer';

/** A plain-text email, as Factline writes them (no HTML, no attachments). */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** Resolves once the SMTP server accepted the message; rejects with the reason otherwise. */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** Each step of talking to the SMTP server may take this long, so one send ends well inside the outbox lease. */
const CONNECT_TIMEOUT_MS = 10_000;
const SOCKET_TIMEOUT_MS = 20_000;

/**
 * Sends through the SMTP server the operator configured (`SMTP_URL`, e.g.
 * `smtps://user:password@smtp.example.org` or `smtp://mail.internal:25`) with nodemailer, from
 * `from`. The server is the operator's, not an address a user gave: it does not go through the
 * safe fetcher. Connections are pooled (at most 2) so a burst of notifications does not open
 * one connection per email.
 */
export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  // nodemailer is loaded with the first email, not at start: it is over a megabyte of the live heap (bench/FINDINGS.md).
  let transport: Promise<Transporter> | null = null;
  const open = () =>
    (transport ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport({
        url: smtpUrl,
        pool: true,
        maxConnections: 2,
        connectionTimeout: CONNECT_TIMEOUT_MS,
        greetingTimeout: CONNECT_TIMEOUT_MS,
        socketTimeout: SOCKET_TIMEOUT_MS,
      }),
    ));
  return {
    async send(mail) {
      await (await open()).sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close: () => void transport?.then((opened) => opened.close()),
  };
}
