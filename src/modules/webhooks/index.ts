export { createWebhooksService, type WebhooksService } from './webhooks-service';
export { webhookSubscriber } from './webhook-subscriber';
export { webhooksRoutes } from './webhooks-routes';
export { WEBHOOK_EVENTS, signature, type WebhookEventType } from './webhook-events';
