import type { Alert } from '../../store/alerts.js';
import { alertTitle, slotLabel } from '../alerts/index.js';
import { sanitize } from '../sanitize.js';

/** One desktop notification; calls back with an error when it was not shown. */
export type NotifyFunction = (notification: { title: string; message: string; wait: boolean }, done: (error: Error | null) => void) => void;

/** toasted-notifier's errors when the platform has no notifier (no notify-send, no Notification Center, …). */
const MISSING = /not found|must be installed|only supported|ENOENT/i;

const loadNotifier = async (): Promise<NotifyFunction> => {
  const { default: notifier } = await import('toasted-notifier');
  return (notification, done) => void notifier.notify(notification, done);
};

/**
 * A desktop notification per alert (and how many more came with it) through toasted-notifier (the maintained fork of node-notifier). Where the
 * platform has no notifier, nothing happens, silently and from then on; any other failure is logged; nothing throws.
 */
export function desktopNotifier(log: (line: string) => void, load: () => Promise<NotifyFunction> = loadNotifier): (alert: Alert, more: number) => void {
  let notify: Promise<NotifyFunction | undefined> | undefined;
  let missing = false;
  const failed = (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    if (MISSING.test(message)) missing = true;
    else log(`desktop notification failed: ${sanitize(message, 200)}`);
  };
  return (alert, more) => {
    if (missing) return;
    notify ??= load().catch((error: unknown) => (failed(error), undefined));
    void notify.then((send) => {
      if (!send || missing) return;
      const message = `${slotLabel(alert.slot)} · ${sanitize(alert.siteName, 60)} (${alert.kind})${more > 0 ? `; ${more} more in the app` : ''}`;
      try {
        send({ title: alertTitle(alert), message, wait: false }, (error) => error && failed(error));
      } catch (error) {
        failed(error);
      }
    });
  };
}
