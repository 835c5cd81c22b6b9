import type { CityFrame, DataListener, HealthRow, Overview, TimelineScope, WatchData } from '../../source/tui/data/app-data.js';
import type { HourlyCount } from '../../store/types.js';

/** A small in-memory WatchData for view and key tests: two snapshots per city, a few hourly counts. */
export class FakeWatchData implements WatchData {
  listeners = new Set<DataListener>();
  frames = new Map<string, CityFrame[]>();
  counts: HourlyCount[] = [];
  rescrapes: string[][] = [];
  frameCalls: { city: string; at?: string }[] = [];
  label = 'test';
  control = { rescrape: async (ids: string[]) => (this.rescrapes.push(ids), { ok: ids.length, failed: 0, skipped: 0 }) };

  constructor(
    public overviewValue: Overview,
    public healthRows: HealthRow[] = [],
  ) {}

  overview(): Overview {
    return this.overviewValue;
  }
  health(): HealthRow[] {
    return this.healthRows;
  }
  async snapshotTimes(city: string): Promise<string[]> {
    return (this.frames.get(city) ?? []).map((frame) => frame.at!).filter(Boolean);
  }
  async frame(city: string, at?: string): Promise<CityFrame> {
    this.frameCalls.push(at === undefined ? { city } : { city, at });
    const list = this.frames.get(city) ?? [];
    const found = at === undefined ? list[list.length - 1] : [...list].reverse().find((frame) => frame.at! <= at);
    return found ?? { city, columns: [] };
  }
  async scopes(city: string): Promise<TimelineScope[]> {
    const frame = this.frames.get(city)?.[0];
    return [{ label: city }, ...(frame?.columns ?? []).map((c) => ({ label: c.name, sourceId: c.sourceId, locationId: c.locationId }))];
  }
  async hourly(): Promise<{ end: string; counts: HourlyCount[] }> {
    return { end: '2021-08-10 12:10:00', counts: this.counts };
  }
  subscribe(listener: DataListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
  emit(changed?: string[]): void {
    for (const listener of this.listeners) listener(changed);
  }
}

const slot = (day: string, time: string) => `${day} ${time}:00`;

/** Bonn with three departments and two snapshots (one booking, one cancellation); Dresden; a failing Frankfurt. */
export function sampleData(): FakeWatchData {
  const data = new FakeWatchData(
    {
      sources: 3,
      offices: 5,
      failing: 1,
      scraping: true,
      running: 0,
      nextRoundAt: '2021-08-10 12:15:00',
      cities: [
        { name: 'Bonn', state: 'ok', free: 41, sources: [{ sourceId: 'bonn', name: 'Stadt Bonn', state: 'ok', free: 41, locations: 3 }] },
        { name: 'Dresden', state: 'stale', free: 12, sources: [{ sourceId: 'dresden', name: 'Dresden', state: 'stale', free: 12, locations: 1 }] },
        { name: 'Frankfurt', state: 'failing', sources: [{ sourceId: 'frankfurt', name: 'Frankfurt', state: 'failing', locations: 1 }] },
      ],
    },
    [
      { sourceId: 'frankfurt', name: 'Frankfurt', city: 'Frankfurt', state: 'failing', running: false, lastRun: '2021-08-10 12:00:00', lastOk: false, durationMs: 1200, lastError: 'http-status: HTTP 500 \u001b[31mred\u001b[0m', nextRun: '2021-08-10 12:02:00', successRate: 0.5, runs24h: 4 },
      { sourceId: 'bonn', name: 'Stadt Bonn', city: 'Bonn', state: 'ok', running: false, lastRun: '2021-08-10 12:00:00', lastOk: true, durationMs: 850, nextRun: '2021-08-10 12:15:00', successRate: 1, runs24h: 4 },
    ],
  );
  const d1 = '2021-08-10';
  const d2 = '2021-08-11';
  const columns = (slots: string[][], previous?: string[][], at = '2021-08-10 12:00:00', previousAt = '2021-08-10 11:45:00') =>
    ['Führerscheinwesen', 'Kfz-Zulassungswesen', 'Meldewesen \u001b]0;evil\u0007'].map((name, i) => ({
      sourceId: 'bonn',
      locationId: `loc${i}`,
      name,
      takenAt: at,
      slots: slots[i]!,
      ...(previous ? { previousAt, previous: previous[i]! } : {}),
    }));
  data.frames.set('Bonn', [
    { city: 'Bonn', at: '2021-08-10 11:45:00', columns: columns([[slot(d1, '07:45')], [slot(d1, '07:50')], []], undefined, '2021-08-10 11:45:00') },
    {
      city: 'Bonn',
      at: '2021-08-10 12:00:00',
      columns: columns(
        [[slot(d1, '07:55'), slot(d2, '09:00')], [slot(d1, '07:50')], [slot(d2, '10:00')]],
        [[slot(d1, '07:45')], [slot(d1, '07:50')], []],
      ),
    },
  ]);
  data.counts = [
    { hour: '2021-08-09 09:00:00', appointments: 5, cancellations: 1 },
    { hour: '2021-08-10 10:00:00', appointments: 3, cancellations: 2 },
  ];
  return data;
}
