export { createAlertDispatcher, type AlertDispatcher, type AlertDispatcherOptions, type DeliveryRecord } from './dispatcher.js';
export { alertOnSnapshots, type AlertWatch } from './watch-scheduler.js';
export { alertLine, alertTitle, slotLabel, webhookBody } from './alert-text.js';
export { execDelivery } from './exec-delivery.js';
export { webhookDelivery, isWebhookUrl } from './webhook-delivery.js';
export { withRetry, DeliveryError, type RetryPolicy } from './retry.js';
export type { Alert, AlertKind } from '../../store/alerts.js';
