import type { AlertMessage } from '../alerts/alert-message.js';
import { messageText, messageTitle } from '../alerts/alert-text.js';
import { desktopNotifier, type Notification } from './desktop-notifier.js';

export interface AlertEffectsOptions {
  /** --quiet: no bell. */
  quiet: boolean;
  /** Where the bell rings (default: the terminal, stdout). */
  write?: (text: string) => void;
  /** A desktop notifier given where to log its failures (default: toasted-notifier's). */
  notifier?: (log: (line: string) => void) => (notification: Notification, more: number) => void;
  /** Messages within this many ms make one bell and one notification (several watches, a round). Default 1000. */
  gatherMs?: number;
}

/** The desktop notification of a message: its title, and its text in a few lines. */
export const notificationOf = (message: AlertMessage): Notification => ({
  title: messageTitle(message),
  message: messageText(message, 3),
});

/** What alertEffects does with a message; `log` takes its failures. */
export type AlertEffect = (message: AlertMessage, log: (line: string) => void) => void;

/** Per burst of messages (a round's, one per watch): the bell (BEL) unless --quiet, and one desktop notification. */
export function alertEffects(options: AlertEffectsOptions): AlertEffect {
  const { quiet, notifier = desktopNotifier, gatherMs = 1000 } = options;
  const write = options.write ?? ((text: string) => void process.stdout.write(text));
  let notify: ((notification: Notification, more: number) => void) | undefined;
  let burst: AlertMessage[] = [];
  return (message, log) => {
    burst.push(message);
    if (burst.length > 1) return;
    setTimeout(() => {
      const [first, ...others] = burst;
      burst = [];
      if (!quiet) write('\u0007');
      notify ??= notifier(log);
      notify(notificationOf(first!), others.length);
    }, gatherMs).unref();
  };
}
