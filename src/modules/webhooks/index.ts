export { createWebhooksService, emitWebhookEvent, emitWebhookEvents, type WebhooksService } from './webhooks-service';
export { webhooksRoutes } from './webhooks-routes';
export { WEBHOOK_EVENTS, signature, type WebhookEventType } from './webhook-events';
