export { countUnread, type NewNotification } from './notifications';
export { notificationSubscriber } from './notification-subscriber';
export { NOTIFICATION_KINDS, type NotificationKind } from './notification-kinds';
export { notificationsRoutes } from './notifications-routes';
export { createEmailDelivery, type EmailDelivery } from './email-delivery';
export { createEmailSettingsService, type EmailSettingsService, type EmailSettingsView } from './email-settings-service';
