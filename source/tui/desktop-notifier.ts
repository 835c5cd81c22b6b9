import { sanitize } from '../sanitize.js';

/** What a desktop notification shows. */
export interface Notification {
  title: string;
  message: string;
}

/** One desktop notification; calls back with an error when it was not shown. */
export type NotifyFunction = (
  notification: Notification & { wait: boolean },
  done: (error: Error | null) => void,
) => void;

/** toasted-notifier's errors when the platform has no notifier (no notify-send, no Notification Center, …). */
const MISSING = /not found|must be installed|only supported|ENOENT/i;

/** toasted-notifier's notify (exported so a test can hear when the real one is done). */
export const loadNotifier = async (): Promise<NotifyFunction> => {
  const { default: notifier } = await import('toasted-notifier');
  return (notification, done) => void notifier.notify(notification, done);
};

/**
 * A desktop notification per message (and how many more came with it) through toasted-notifier (the maintained fork
 * of node-notifier). Where the platform has no notifier, nothing happens, silently and from then on; any other
 * failure is logged; nothing throws.
 */
export function desktopNotifier(
  log: (line: string) => void,
  load: () => Promise<NotifyFunction> = loadNotifier,
): (notification: Notification, more: number) => void {
  let notify: Promise<NotifyFunction | undefined> | undefined;
  let missing = false;
  const failed = (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    if (MISSING.test(message)) missing = true;
    else log(`desktop notification failed: ${sanitize(message, 200)}`);
  };
  return ({ title, message }, more) => {
    if (missing) return;
    notify ??= load().catch((error: unknown) => (failed(error), undefined));
    void notify.then((send) => {
      if (!send || missing) return;
      const text = `${message}${more > 0 ? `\n(${more} more in the app)` : ''}`;
      try {
        send({ title, message: text, wait: false }, (error) => error && failed(error));
      } catch (error) {
        failed(error);
      }
    });
  };
}
