/** What a notification is about (the events people are told of). */
export const NOTIFICATION_KINDS = ['assigned', 'due-tomorrow', 'mentioned', 'comment', 'decision-published', 'needs-recheck'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
