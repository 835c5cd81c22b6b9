export {
  createAlertDispatcher,
  type AlertDispatcher,
  type AlertDispatcherOptions,
  type DeliveryRecord,
  type RetryPolicy,
} from './dispatcher.js';
export { alertOnSnapshots, type AlertWatch } from './watch-scheduler.js';
export { composeMessages, headlineAlert, type AlertMessage } from './alert-message.js';
export {
  alertLine,
  alertWhat,
  messageHeadline,
  messageTerminalText,
  messageText,
  messageTitle,
  slotLabel,
} from './alert-text.js';
export { webhookOptions } from './webhook-options.js';
export { watchSummary } from './watch-text.js';
export type { Alert, AlertKind } from '../../store/index.js';
