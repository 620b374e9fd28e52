import type { Db } from '../../db/knex';
import { parseInput } from '../../lib/parse';
import type { DomainEvents } from '../../events';
import type { AuditContext } from '../audit';
import { NOTIFICATION_KINDS, type NotificationKind } from './notification-kinds';
import { EmailSettingsForm, EmailSettingsInput, findEmailSettings, KIND_TITLES, saveEmailSettings, type EmailSettings } from './email-settings';

/** Email settings as Your account shows them: each kind with its title and whether it is chosen. */
export interface EmailSettingsView extends EmailSettings {
  /** Whether this server sends email at all (SMTP_URL is set). */
  emailEnabled: boolean;
  choices: { kind: NotificationKind; title: string; chosen: boolean }[];
}

export type EmailSettingsService = ReturnType<typeof createEmailSettingsService>;

/** Each person's email address for notifications and the kinds they want by email. */
export function createEmailSettingsService(db: Db, events: DomainEvents, options: { emailEnabled: boolean }) {
  const view = (settings: EmailSettings): EmailSettingsView => ({
    ...settings,
    emailEnabled: options.emailEnabled,
    choices: NOTIFICATION_KINDS.map((kind) => ({ kind, title: KIND_TITLES[kind], chosen: settings.kinds.includes(kind) })),
  });

  return {
    async find(userId: number): Promise<EmailSettingsView> {
      return view(await findEmailSettings(db, userId));
    },

    /**
     * Replaces the person's settings (the API's body, or the account form's with `from: 'form'`).
     * A changed address is audited: it is where Factline sends what happens on the desk.
     */
    async save(account: { id: number; username: string }, raw: unknown, context: AuditContext, from: 'api' | 'form' = 'api'): Promise<EmailSettingsView> {
      const input = parseInput(from === 'form' ? EmailSettingsForm : EmailSettingsInput, raw);
      return db.transaction(async (tx) => {
        const before = await findEmailSettings(tx, account.id);
        const saved = await saveEmailSettings(tx, account.id, input);
        if (before.address !== saved.address)
          await events.record(tx, {
            kind: 'account.email_changed',
            actor: context,
            subject: account.username,
            details: { hadAddress: before.address !== null, hasAddress: saved.address !== null },
          });
        return view(saved);
      });
    },
  };
}
