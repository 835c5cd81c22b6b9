import { Box, Text, useApp, useInput } from 'ink';
import { useEffect, useMemo, useRef, useState } from 'react';
import { sanitize } from '../sanitize.js';
import type { WatchData } from './data/app-data.js';
import { atOrBefore } from './data/cursor.js';
import { buildSlotGrid } from './data/slot-grid.js';
import { timelineSeries } from './data/timeline-series.js';
import { useAsync } from './hooks/use-async.js';
import { useLiveVersions } from './hooks/use-live-versions.js';
import { useTerminalSize, type TerminalSize } from './hooks/use-terminal-size.js';
import { keyAction, splitKeys } from './keys.js';
import { initialApp, reduceApp, type AppContext, type AppState } from './state/app-state.js';
import { selectedCity, visibleCities } from './state/cities-state.js';
import { ThemeContext } from './theme.js';
import { Cities } from './views/cities.js';
import { Footer } from './views/footer.js';
import { Header } from './views/header.js';
import { Health } from './views/health.js';
import { Help } from './views/help.js';
import { Slots } from './views/slots.js';
import { slotsLayout } from './views/slots-layout.js';
import { chartPoints, Timeline } from './views/timeline.js';

export interface AppProps {
  data: WatchData;
  /** A fixed size instead of the terminal's (tests). */
  size?: TerminalSize;
  colour?: boolean;
  /** At most one re-render for new data per this many ms. Default 250. */
  throttleMs?: number;
  initial?: AppState;
  /** Called when the user quits, before the app unmounts. */
  onQuit?: () => void;
}

export const MIN_SIZE = { columns: 50, rows: 12 };

/** The terminal app: header, cities pane, the chosen view, footer; keys drive a pure reducer. */
export function App({ data, size: fixedSize, colour = true, throttleMs = 250, initial = initialApp, onQuit }: AppProps) {
  const { exit } = useApp();
  const size = useTerminalSize(fixedSize);
  const versions = useLiveVersions(data, throttleMs);
  const tick = useTicker(5000);
  const [state, setState] = useState(initial);
  const stateRef = useRef(state);
  const [status, setStatus] = useStatus();

  const overview = useMemo(() => data.overview(), [data, versions.overview, tick]);
  const cityNames = useMemo(() => overview.cities.map((city) => city.name), [overview]);
  const visible = useMemo(() => {
    const names = new Set(visibleCities(state.cities, cityNames));
    return overview.cities.filter((city) => names.has(city.name));
  }, [overview, cityNames, state.cities]);
  const city = selectedCity(state.cities, cityNames);
  const cityInfo = overview.cities.find((c) => c.name === city);
  const cityKey = cityInfo?.sources.map((s) => `${s.sourceId}:${versions.sources.get(s.sourceId) ?? 0}`).join(',') ?? '';

  const height = Math.max(1, size.rows - 1);
  const bodyHeight = Math.max(1, height - 2);
  const leftWidth = Math.max(18, Math.min(30, Math.floor(size.columns * 0.28)));
  const rightWidth = Math.max(10, size.columns - leftWidth - 2);

  const view = state.view;
  // One load (one re-render) for the snapshot times and the frame; in history mode new snapshots leave it be.
  const live = state.slots.cursor === undefined;
  const loadSlots = async (name: string) => {
    const [times, frame] = await Promise.all([data.snapshotTimes(name), data.frame(name, state.slots.cursor)]);
    return { times, frame };
  };
  const frameState = useAsync(city && view === 'slots' ? () => loadSlots(city) : undefined, [data, city, state.slots.cursor, live ? cityKey : '', view === 'slots']);
  const frame = frameState.value?.frame.city === city ? frameState.value?.frame : undefined;
  const grid = useMemo(() => buildSlotGrid(frame ?? { city: '', columns: [] }, state.slots.day), [frame, state.slots.day]);
  const timeList = (frame && frameState.value?.times) || [];
  usePrefetch(data, view === 'slots' && frame !== undefined && !frameState.loading ? neighbours(visible, city) : []);
  const history = frame?.at && timeList.length > 0 ? { index: live ? timeList.length : atOrBefore(timeList, frame.at) + 1, total: timeList.length } : undefined;

  const scopes = useAsync(city && view === 'timeline' ? () => data.scopes(city) : undefined, [data, city, view === 'timeline']);
  const scopeList = scopes.value && scopes.value[0]?.label === city ? scopes.value : undefined;
  const scope = scopeList?.[Math.min(state.scope, scopeList.length - 1)];
  const counts = useAsync(city && scope && view === 'timeline' ? () => data.hourly(city, scope) : undefined, [data, city, scope, cityKey, view === 'timeline']);
  const series = useMemo(() => (counts.value ? timelineSeries(counts.value.counts, counts.value.end, chartPoints(rightWidth)) : undefined), [counts.value, rightWidth]);

  const healthRows = useMemo(() => (view === 'health' ? data.health() : []), [data, view, versions.overview, tick]);

  const layout = slotsLayout(rightWidth, bodyHeight, frame?.columns.length ?? 0);
  const context: AppContext = {
    cityNames,
    days: grid.days,
    times: timeList,
    columns: frame?.columns.length ?? 0,
    visibleColumns: layout.visibleColumns,
    rows: grid.rows.length,
    visibleRows: layout.visibleRows,
    scopes: scopeList?.length ?? 1,
    healthRows: healthRows.length,
    healthVisible: Math.max(1, bodyHeight - 2),
  };
  const contextRef = useRef(context);
  contextRef.current = context;

  useInput((input, key) => {
    for (const [char, press] of splitKeys(input, key)) {
      const current = stateRef.current;
      const action = keyAction(char, press, current.cities.filtering);
      if (!action) continue;
      if (action.type === 'quit') return onQuit?.(), exit();
      if (action.type === 'rescrape') {
        rescrape();
        continue;
      }
      stateRef.current = reduceApp(current, action, contextRef.current);
    }
    if (stateRef.current !== state) setState(stateRef.current);
  });

  function rescrape(): void {
    if (!cityInfo) return;
    if (!data.control) return setStatus('scraping is off (--no-scrape): nothing to rescrape');
    const name = sanitize(cityInfo.name, 40);
    setStatus(`rescraping ${name} (${cityInfo.sources.length} ${cityInfo.sources.length === 1 ? 'source' : 'sources'})…`, 0);
    data.control.rescrape(cityInfo.sources.map((s) => s.sourceId)).then(
      (r) => setStatus(`${name} rescraped: ${r.ok} ok, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped (too soon or busy)` : ''}`),
      (error: unknown) => setStatus(`rescrape of ${name} failed: ${sanitize(String(error instanceof Error ? error.message : error), 100)}`),
    );
  }

  if (size.columns < MIN_SIZE.columns || size.rows < MIN_SIZE.rows) {
    return <Text>{`terminal too small (${size.columns}×${size.rows}); office-watch needs ${MIN_SIZE.columns}×${MIN_SIZE.rows}`}</Text>;
  }

  const focused = state.focus === 'view';
  const right = () => {
    switch (view) {
      case 'timeline':
        return <Timeline scopeIndex={Math.min(state.scope, (scopeList?.length ?? 1) - 1)} scopes={scopeList?.length ?? 1} width={rightWidth} height={bodyHeight} focused={focused} loading={counts.loading || scopes.loading} city={city} scope={scope} series={series} end={counts.value?.end} error={counts.error ?? scopes.error} />;
      case 'health':
        return <Health rows={healthRows} offset={state.healthRow} highlight={new Set(cityInfo?.sources.map((s) => s.sourceId))} width={rightWidth} height={bodyHeight} focused={focused} />;
      default:
        return <Slots grid={grid} state={state.slots} width={rightWidth} height={bodyHeight} focused={focused} loading={frameState.loading} frame={frame} history={history} error={frameState.error} />;
    }
  };
  return (
    <ThemeContext.Provider value={{ colour }}>
      <Box flexDirection="column" width={size.columns} height={height}>
        <Header overview={overview} width={size.columns} label={data.label} />
        {view === 'help' ? (
          <Help width={size.columns} height={bodyHeight} />
        ) : (
          <Box height={bodyHeight}>
            <Box width={leftWidth + 1} borderStyle="single" borderTop={false} borderBottom={false} borderLeft={false} borderColor={colour ? 'gray' : undefined}>
              <Cities cities={visible} filter={state.cities.filter} filtering={state.cities.filtering} focused={!focused} width={leftWidth} height={bodyHeight} selected={city} />
            </Box>
            <Box paddingLeft={1}>{right()}</Box>
          </Box>
        )}
        <Footer width={size.columns} focus={state.focus} filtering={state.cities.filtering} status={status} />
      </Box>
    </ThemeContext.Provider>
  );
}

/** The cities above and below the selected one: where j and k go next. */
function neighbours(cities: readonly { name: string }[], city: string | undefined): string[] {
  const index = cities.findIndex((c) => c.name === city);
  return index < 0 ? [] : [cities[index + 1]?.name, cities[index - 1]?.name].filter((name): name is string => name !== undefined);
}

/** Once the shown city has loaded, read its neighbours' newest frames ahead, so that j/k show them at once. */
function usePrefetch(data: WatchData, cities: string[]): void {
  const key = cities.join('\u0000');
  useEffect(() => {
    if (!data.prefetch || cities.length === 0) return;
    const timer = setTimeout(() => cities.forEach((city) => data.prefetch?.(city)), 30);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, key]);
}

/** A counter that changes every `ms` (clock-driven parts: next run, stale states). */
function useTicker(ms: number): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((t) => t + 1), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return tick;
}

/** A passing status message: cleared after `ms` (0: stays until replaced). */
function useStatus(): [string | undefined, (text: string, ms?: number) => void] {
  const [status, setStatus] = useState<string>();
  const timer = useRef<NodeJS.Timeout | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  return [
    status,
    (text, ms = 6000) => {
      clearTimeout(timer.current);
      setStatus(text);
      if (ms > 0) timer.current = setTimeout(() => setStatus(undefined), ms);
    },
  ];
}
