import type { Alert } from '../../store/alerts.js';
import { desktopNotifier } from './desktop-notifier.js';

export interface AlertEffectsOptions {
  /** --quiet: no bell. */
  quiet: boolean;
  /** Where the bell rings (default: the terminal, stdout). */
  write?: (text: string) => void;
  /** A desktop notifier given where to log its failures (default: toasted-notifier's). */
  notifier?: (log: (line: string) => void) => (alert: Alert, more: number) => void;
  /** Alerts arriving within this many ms make one bell and one notification (a round raises many). Default 1000. */
  gatherMs?: number;
}

/** Per burst of fresh alerts: the bell (BEL) unless --quiet, and one desktop notification where the platform has one. */
export function alertEffects({ quiet, write = (text) => void process.stdout.write(text), notifier = desktopNotifier, gatherMs = 1000 }: AlertEffectsOptions): (alert: Alert, log: (line: string) => void) => void {
  let notify: ((alert: Alert, more: number) => void) | undefined;
  let burst: Alert[] = [];
  return (alert, log) => {
    burst.push(alert);
    if (burst.length > 1) return;
    setTimeout(() => {
      const [first, ...others] = burst;
      burst = [];
      if (!quiet) write('\u0007');
      notify ??= notifier(log);
      notify(first!, others.length);
    }, gatherMs).unref();
  };
}
