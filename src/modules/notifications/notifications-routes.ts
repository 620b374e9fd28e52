import type { Response } from 'express';
import { z } from 'zod';
import { api, page, route, type RouteSpec, type SignedInRequest } from '../../http/routes';
import type { Db } from '../../db/knex';
import { IdParam } from '../../lib/ids';
import { atLeast } from '../accounts';
import { auditContext } from '../audit';
import { countUnread, listFor, markRead } from './notifications';
import { EmailSettingsInput } from './email-settings';
import type { EmailSettingsService } from './email-settings-service';
import { NOTIFICATION_KINDS } from './notification-kinds';

const SHOWN = 100;

const NotificationsQuery = z.object({ unread: z.enum(['true', 'false'], { error: 'must be true or false' }).optional() });
const NotificationsResponse = z.object({
  unread: z.number().int(),
  notifications: z.array(
    z.object({
      id: z.number().int(),
      kind: z.enum(NOTIFICATION_KINDS),
      claimId: z.number().int().nullable(),
      message: z.string(),
      link: z.string(),
      createdAt: z.string(),
      read: z.boolean(),
    }),
  ),
});
const MarkedResponse = z.object({ marked: z.number().int(), unread: z.number().int() });
const EmailSettingsResponse = z.object({
  address: z.string().nullable(),
  kinds: z.array(z.enum(NOTIFICATION_KINDS)),
  emailEnabled: z.boolean(),
});
const emailSettingsJson = ({ address, kinds, emailEnabled }: { address: string | null; kinds: string[]; emailEnabled: boolean }) => ({
  address,
  kinds,
  emailEnabled,
});

/** Your notifications: the page, the API, marking read, and which of them you get by email. Everyone signed in has them. */
export function notificationsRoutes(db: Db, emailSettings: EmailSettingsService): RouteSpec[] {
  const pageView = async (req: SignedInRequest, res: Response) => {
    const [notifications, unread] = await Promise.all([listFor(db, req.user.id, { unreadOnly: false, limit: SHOWN }), countUnread(db, req.user.id)]);
    res.render('notifications/index', { title: 'Notifications', notifications, unread });
  };

  return [
    page('get', '/notifications', atLeast('reviewer'), {}, async (_input, req, res) => pageView(req, res)),
    route('post', '/notifications/read-all', atLeast('reviewer'), async (req: SignedInRequest, res: Response) => {
      await markRead(db, req.user.id, null);
      res.redirect(303, '/notifications');
    }),
    route('post', '/notifications/:id/read', atLeast('reviewer'), async (req: SignedInRequest, res: Response) => {
      await markRead(db, req.user.id, IdParam.parse(req.params).id);
      res.redirect(303, '/notifications');
    }),
    api(
      'get',
      '/api/v1/notifications',
      atLeast('reviewer'),
      {
        tag: 'Notifications',
        summary: 'Your latest 100 notifications (or only unread ones), newest first, and how many are unread.',
        query: NotificationsQuery,
        response: NotificationsResponse,
      },
      async ({ query }, req, res) => {
        const [notifications, unread] = await Promise.all([
          listFor(db, req.user.id, { unreadOnly: query.unread === 'true', limit: SHOWN }),
          countUnread(db, req.user.id),
        ]);
        res.json({ unread, notifications });
      },
    ),
    api(
      'post',
      '/api/v1/notifications/:id/read',
      atLeast('reviewer'),
      { tag: 'Notifications', summary: 'Mark one of your notifications read.', params: IdParam, response: MarkedResponse },
      async ({ params }, req, res) => {
        res.json({ marked: await markRead(db, req.user.id, params.id), unread: await countUnread(db, req.user.id) });
      },
    ),
    api(
      'post',
      '/api/v1/notifications/read-all',
      atLeast('reviewer'),
      { tag: 'Notifications', summary: 'Mark all your notifications read.', response: MarkedResponse },
      async (_input, req, res) => {
        res.json({ marked: await markRead(db, req.user.id, null), unread: 0 });
      },
    ),
    api(
      'get',
      '/api/v1/me/email-settings',
      atLeast('reviewer'),
      {
        tag: 'Notifications',
        summary: 'Where your notification emails go and which kinds you get by email (emailEnabled: whether this server sends email at all).',
        response: EmailSettingsResponse,
      },
      async (_input, req, res) => {
        res.json(emailSettingsJson(await emailSettings.find(req.user.id)));
      },
    ),
    api(
      'put',
      '/api/v1/me/email-settings',
      atLeast('reviewer'),
      {
        tag: 'Notifications',
        summary: 'Set your email address for notifications (null: none) and the kinds you get by email (the whole list).',
        body: EmailSettingsInput,
        response: EmailSettingsResponse,
      },
      async ({ body }, req, res) => {
        res.json(emailSettingsJson(await emailSettings.save(req.user, body, auditContext(req))));
      },
    ),
  ];
}
