export { notify, countUnread, NOTIFICATION_KINDS, type NewNotification, type NotificationKind } from './notifications';
export { notificationsRoutes } from './notifications-routes';
