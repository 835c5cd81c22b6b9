import { useEffect, useRef, useState } from 'react';
import type { Alert } from '../../../store/index.js';
import type { AlertsData } from '../data/app-data.js';

export interface AlertsView {
  list: readonly Alert[];
  problems: readonly string[];
  /** The newest fresh alert while the banner shows, and how many others came with it. */
  banner?: { alert: Alert; more: number };
}

/** The alerts, re-read on each event; a banner for `bannerMs` after the last fresh alert. */
export function useAlerts(alerts: AlertsData | undefined, bannerMs: number): AlertsView {
  const [view, setView] = useState<AlertsView>(() => ({
    list: alerts?.list() ?? [],
    problems: alerts?.problems() ?? [],
  }));
  const timer = useRef<NodeJS.Timeout | undefined>(undefined);
  useEffect(() => {
    if (!alerts) return;
    const read = () => ({ list: [...alerts.list()], problems: [...alerts.problems()] });
    setView(read());
    const off = alerts.subscribe((alert) => {
      setView((before) => {
        if (!alert) return { ...read(), ...(before.banner ? { banner: before.banner } : {}) };
        return { ...read(), banner: { alert, more: before.banner ? before.banner.more + 1 : 0 } };
      });
      if (!alert) return;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setView(({ banner: _gone, ...rest }) => rest), bannerMs);
    });
    return () => {
      off();
      clearTimeout(timer.current);
    };
  }, [alerts, bannerMs]);
  return view;
}
