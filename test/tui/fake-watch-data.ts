import { SourceVersions } from '../../source/tui/data/source-versions.js';
import type {
  AlertsData,
  CityFrame,
  CitySlots,
  DataListener,
  HealthRow,
  Overview,
  TimelineScope,
  WatchData,
} from '../../source/tui/data/app-data.js';
import type { Alert } from '../../store/alerts.js';
import type { CityInsights, Insights } from '../../store/insights.js';
import type { HourlyCount } from '../../store/types.js';
import type { Watch, WatchSpec } from '../../store/watches.js';

/** A small in-memory WatchData for view and key tests: two snapshots per city, a few hourly counts. */
export class FakeWatchData implements WatchData {
  listeners = new Set<DataListener>();
  versions = new SourceVersions();
  frames = new Map<string, CityFrame[]>();
  counts: HourlyCount[] = [];
  rescrapes: string[][] = [];
  frameCalls: { city: string; at?: string }[] = [];
  label = 'test';
  insightsValue: Insights | undefined;
  insightsCalls = 0;
  alerts?: FakeAlerts;
  control = {
    rescrape: async (ids: string[]) => (this.rescrapes.push(ids), { ok: ids.length, failed: 0, skipped: 0 }),
  };

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
  async slots(city: string, at?: string): Promise<CitySlots> {
    this.frameCalls.push(at === undefined ? { city } : { city, at });
    const list = this.frames.get(city) ?? [];
    const found = at === undefined ? list[list.length - 1] : [...list].reverse().find((frame) => frame.at! <= at);
    return { times: list.map((frame) => frame.at!).filter(Boolean), frame: found ?? { city, columns: [] } };
  }
  async scopes(city: string): Promise<TimelineScope[]> {
    const frame = this.frames.get(city)?.[0];
    return [
      { label: city },
      ...(frame?.columns ?? []).map((c) => ({ label: c.name, sourceId: c.sourceId, locationId: c.locationId })),
    ];
  }
  async hourly(): Promise<{ end: string; counts: HourlyCount[] }> {
    return { end: '2021-08-10 12:10:00', counts: this.counts };
  }
  async insights(): Promise<Insights | undefined> {
    this.insightsCalls++;
    return this.insightsValue;
  }
  subscribe(listener: DataListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
  version(sourceId: string): number {
    return this.versions.of(sourceId);
  }
  /** As the store's data does: the changed sources' versions move, then the listeners hear of it. */
  emit(changed?: string[]): void {
    this.versions.bump(changed ?? []);
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
        {
          name: 'Bonn',
          state: 'ok',
          free: 41,
          sources: [{ sourceId: 'bonn', name: 'Stadt Bonn', state: 'ok', free: 41, locations: 3 }],
        },
        {
          name: 'Dresden',
          state: 'stale',
          free: 12,
          sources: [{ sourceId: 'dresden', name: 'Dresden', state: 'stale', free: 12, locations: 1 }],
        },
        {
          name: 'Frankfurt',
          state: 'failing',
          sources: [{ sourceId: 'frankfurt', name: 'Frankfurt', state: 'failing', locations: 1 }],
        },
      ],
    },
    [
      {
        sourceId: 'frankfurt',
        name: 'Frankfurt',
        city: 'Frankfurt',
        state: 'failing',
        running: false,
        lastRun: '2021-08-10 12:00:00',
        lastOk: false,
        durationMs: 1200,
        lastError: 'http-status: HTTP 500 \u001b[31mred\u001b[0m',
        nextRun: '2021-08-10 12:02:00',
        successRate: 0.5,
        runs24h: 4,
      },
      {
        sourceId: 'bonn',
        name: 'Stadt Bonn',
        city: 'Bonn',
        state: 'ok',
        running: false,
        lastRun: '2021-08-10 12:00:00',
        lastOk: true,
        durationMs: 850,
        nextRun: '2021-08-10 12:15:00',
        successRate: 1,
        runs24h: 4,
      },
    ],
  );
  const d1 = '2021-08-10';
  const d2 = '2021-08-11';
  const columns = (
    slots: string[][],
    previous?: string[][],
    at = '2021-08-10 12:00:00',
    previousAt = '2021-08-10 11:45:00',
  ) =>
    ['Führerscheinwesen', 'Kfz-Zulassungswesen', 'Meldewesen \u001b]0;evil\u0007'].map((name, i) => ({
      sourceId: 'bonn',
      locationId: `loc${i}`,
      name,
      takenAt: at,
      slots: slots[i]!,
      ...(previous ? { previousAt, previous: previous[i]! } : {}),
    }));
  data.frames.set('Bonn', [
    {
      city: 'Bonn',
      at: '2021-08-10 11:45:00',
      columns: columns([[slot(d1, '07:45')], [slot(d1, '07:50')], []], undefined, '2021-08-10 11:45:00'),
    },
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

/** Alerts and watches in memory: `raise` plays a round that raised alerts. */
export class FakeAlerts implements AlertsData {
  alerts: Alert[] = [];
  problemLines: string[] = [];
  watches: Watch[] = [];
  listeners = new Set<(alert: Alert | undefined) => void>();
  list(): readonly Alert[] {
    return this.alerts;
  }
  problems(): readonly string[] {
    return this.problemLines;
  }
  async addWatch(spec: WatchSpec): Promise<Watch> {
    const watch = { id: String(this.watches.length + 1), ...spec, createdAt: '2021-08-10T10:00:00.000Z' };
    this.watches.push(watch);
    return watch;
  }
  subscribe(listener: (alert: Alert | undefined) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
  raise(...alerts: Alert[]): void {
    for (const alert of alerts) {
      this.alerts.push(alert);
      this.listeners.forEach((listener) => listener(alert));
    }
  }
  problem(line: string): void {
    this.problemLines.push(line);
    this.listeners.forEach((listener) => listener(undefined));
  }
}

/** An alert at Bonn's Meldewesen (a name with an escape sequence, as a hostile site might send). */
export function sampleAlert(slot = '2021-08-11 08:30:00', kind: Alert['kind'] = 'cancellation'): Alert {
  return {
    id: `2021-08-10 12:00:00|bonn|loc2|${slot}`,
    sourceId: 'bonn',
    locationId: 'loc2',
    office: 'Meldewesen \u001b]0;evil\u0007',
    siteName: 'Stadt Bonn',
    city: 'Bonn',
    slot,
    kind,
    url: 'https://example.test/bonn',
    takenAt: '2021-08-10 12:00:00',
    previousAt: '2021-08-10 11:45:00',
    watchIds: ['1'],
  };
}

const hist = (length: number, at: Record<number, number>) => Array.from({ length }, (_, i) => at[i] ?? 0);

export function cityFigures(city: string, rank: number, bookingsPerDay: number, locations = 1): CityInsights {
  const leadDays = hist(42, { 0: 2, 1: 5, 3: 9, 6: 4, 13: 2, 41: 1 });
  const slotHours = hist(24, { 8: 10, 9: 6, 10: 3 });
  const bookingHours = hist(24, { 7: 8, 12: 5, 19: 2 });
  const figures = {
    days: 10,
    snapshots: 900,
    bookings: bookingsPerDay * 10,
    cancellations: 23,
    bookingsPerDay,
    cancellationsPerDay: 2.3,
    cancellationRate: 0.099,
    leadMedianDays: 3,
    leadDays,
    slotHours,
    bookingHours,
    popularSlotHours: [8, 9, 10],
    popularBookingHours: [7, 12, 19],
    freeSlotsPerDay: 40.5,
    published: { bookings: 250, cancellations: 30 },
  };
  // One source, of `locations` offices.
  const source = { sourceId: city.toLowerCase(), city, ...figures, locations };
  return { city, rank, ...figures, locations, sources: [source] };
}

/** Insights of Bonn (#2; 1 source, 3 offices), Dresden (#1) and a city whose name carries an escape sequence. */
export function sampleInsights(): Insights {
  return {
    first: '2021-08-01 00:00:00',
    last: '2021-08-10 12:00:00',
    cities: [
      cityFigures('Dresden', 1, 31.4),
      cityFigures('Bonn', 2, 23.3, 3),
      cityFigures('Evil \u001b[2J City', 3, 4.2),
    ],
  };
}
