import { z } from 'zod';
import type { Queryable } from '../../db/knex';
import { nowIso } from '../../db/time';
import { text } from '../../lib/text';
import { NOTIFICATION_KINDS, type NotificationKind } from './notification-kinds';

/**
 * The kinds a person gets by email once they give an address, until they choose: everything
 * that asks them to act or tells them of a decision; new comments stay in-app only (a lively
 * discussion would fill an inbox).
 */
export const DEFAULT_EMAIL_KINDS: readonly NotificationKind[] = ['assigned', 'due-tomorrow', 'mentioned', 'decision-published', 'needs-recheck'];

/** How each kind is named on Your account and in an email's subject line. */
export const KIND_TITLES: Record<NotificationKind, string> = {
  assigned: 'A claim is assigned to you',
  'due-tomorrow': 'Work of yours is due tomorrow',
  mentioned: 'You are mentioned in a discussion',
  comment: 'A new comment in a discussion you take part in',
  'decision-published': 'A decision is published on a claim you checked',
  'needs-recheck': 'A published verdict needs re-checking',
};

export interface EmailSettings {
  /** Where notification emails go; null: no email. */
  address: string | null;
  /** Which kinds of notification are emailed (in NOTIFICATION_KINDS order). */
  kinds: NotificationKind[];
}

const ADDRESS_ERROR = 'must be an email address such as name@example.org (or empty, for no email)';
const KINDS_ERROR = `must be among ${NOTIFICATION_KINDS.join(', ')}`;

const address = z.preprocess(
  (value) => (typeof value === 'string' ? (value.trim() === '' ? null : value.trim()) : value),
  text({ error: ADDRESS_ERROR })
    .max(254, 'must be at most 254 characters')
    .pipe(z.email({ error: ADDRESS_ERROR }))
    .nullable(),
);
const kinds = z.array(z.enum(NOTIFICATION_KINDS, { error: KINDS_ERROR }), { error: 'must be a list of notification kinds' }).max(20, KINDS_ERROR);

/** `PUT /api/v1/me/email-settings`: both fields, always (a missing list is an error, not "none"). */
export const EmailSettingsInput = z.object({ address, kinds });
/** The Your account form: a checkbox left unticked is not sent, so no `kinds` means none, and one means one. */
export const EmailSettingsForm = z.object({
  address: address.optional().transform((value) => value ?? null),
  kinds: z.preprocess((value) => (value === undefined ? [] : typeof value === 'string' ? [value] : value), kinds),
});
export type EmailSettingsInput = z.output<typeof EmailSettingsInput>;

const inOrder = (chosen: readonly NotificationKind[]) => NOTIFICATION_KINDS.filter((kind) => chosen.includes(kind));

export async function findEmailSettings(db: Queryable, userId: number): Promise<EmailSettings> {
  const row = (await db('email_settings').where({ user_id: userId }).first()) as { address: string | null; kinds: string } | undefined;
  if (!row) return { address: null, kinds: [...DEFAULT_EMAIL_KINDS] };
  return { address: row.address, kinds: inOrder(JSON.parse(row.kinds) as NotificationKind[]) };
}

export async function saveEmailSettings(db: Queryable, userId: number, settings: EmailSettingsInput): Promise<EmailSettings> {
  const saved = { address: settings.address, kinds: inOrder(settings.kinds) };
  await db('email_settings')
    .insert({ user_id: userId, address: saved.address, kinds: JSON.stringify(saved.kinds), updated_at: nowIso() })
    .onConflict('user_id')
    .merge();
  return saved;
}

/** Of these people, those who want this kind of notification by email, and where (one query). */
export async function emailRecipients(db: Queryable, userIds: number[]): Promise<Map<number, EmailSettings>> {
  if (userIds.length === 0) return new Map();
  const rows: { user_id: number; address: string | null; kinds: string }[] = await db('email_settings')
    .whereIn('user_id', [...new Set(userIds)])
    .whereNotNull('address');
  return new Map(rows.map((row) => [Number(row.user_id), { address: row.address, kinds: JSON.parse(row.kinds) as NotificationKind[] }]));
}
