import { Box, Text, useApp, type Key } from 'ink';
import { useMemo, useRef, useState } from 'react';
import { alertTargets } from './data/alert-targets.js';
import type { WatchData } from './data/app-data.js';
import { appCommands } from './app-commands.js';
import { useAlerts } from './hooks/use-alerts.js';
import { useInsightsData } from './hooks/use-insights-data.js';
import { neighbours, usePrefetch } from './hooks/use-prefetch.js';
import { useKeyBuffer, type KeyOutcome } from './hooks/use-key-buffer.js';
import { useLiveVersion } from './hooks/use-live-version.js';
import { useSlotsData } from './hooks/use-slots-data.js';
import { useStatus } from './hooks/use-status.js';
import { useTerminalSize, type TerminalSize } from './hooks/use-terminal-size.js';
import { useTicker } from './hooks/use-ticker.js';
import { useTimelineData } from './hooks/use-timeline-data.js';
import { TIMELINE_SPANS } from './data/timeline-series.js';
import { keyAction } from './keys.js';
import { initialApp, reduceApp, selectedAlert, usesCityData } from './state/app-state.js';
import type { AppContext, AppState } from './state/app-state.js';
import { selectedCity, visibleCities } from './state/cities-state.js';
import { makeTheme, paint, ThemeContext, type ThemeSettings } from './theme.js';
import { AlertBanner } from './views/alert-banner.js';
import { Alerts, alertsVisible } from './views/alerts.js';
import { Cities, NoCityMatch } from './views/cities.js';
import { Footer } from './views/footer.js';
import { firstRoundText, Header } from './views/header.js';
import { Health, healthLayout } from './views/health.js';
import { Help } from './views/help.js';
import { helpLayout } from './views/help-layout.js';
import { InsightsView } from './views/insights.js';
import { Slots } from './views/slots.js';
import { slotsLayout } from './views/slots-layout.js';
import { chartPoints, Timeline } from './views/timeline.js';

export interface AppProps {
  data: WatchData;
  /** A fixed size instead of the terminal's (tests). */
  size?: TerminalSize;
  colour?: boolean;
  /** The 16 basic colours or 256 (default). */
  depth?: ThemeSettings['depth'];
  /** The terminal's background, for the palette (default unknown: colours that read on both). */
  background?: ThemeSettings['background'];
  /** At most one re-render for new data per this many ms. Default 250. */
  throttleMs?: number;
  initial?: AppState;
  /** Called when the user quits, before the app unmounts. */
  onQuit?: () => void;
  /** How long the alert banner stays after the last new alert. Default 20 s. */
  bannerMs?: number;
}

export const MIN_SIZE = { columns: 50, rows: 12 };

/** The terminal app: header, cities pane, the chosen view, footer; keys drive a pure reducer. */
export function App(props: AppProps) {
  const { data, size: fixedSize, colour = true, depth = 'full', background = 'unknown', throttleMs = 250 } = props;
  const { initial = initialApp, onQuit, bannerMs = 20_000 } = props;
  const { exit } = useApp();
  const size = useTerminalSize(fixedSize);
  const version = useLiveVersion(data, throttleMs);
  const tick = useTicker(5000);
  const [state, setState] = useState(initial);
  const stateRef = useRef(state);
  const [status, setStatus] = useStatus();
  const commands = appCommands(data, setStatus);

  const overview = useMemo(() => data.overview(), [data, version, tick]);
  const cityNames = useMemo(() => overview.cities.map((city) => city.name), [overview]);
  const visible = useMemo(() => {
    const names = new Set(visibleCities(state.cities, cityNames));
    return overview.cities.filter((city) => names.has(city.name));
  }, [overview, cityNames, state.cities]);
  const city = selectedCity(state.cities, cityNames);
  const cityInfo = overview.cities.find((c) => c.name === city);
  const cityKey = cityInfo?.sources.map((s) => `${s.sourceId}:${data.version(s.sourceId)}`).join(',') ?? '';

  const alerts = useAlerts(data.alerts, bannerMs);
  // One object while the colour settings stay: the memoized views below re-render only when their own props change.
  const theme = useMemo(() => makeTheme({ colour, depth, background }), [colour, depth, background]);
  const height = Math.max(1, size.rows - 1);
  const bodyHeight = Math.max(1, height - 2 - (alerts.banner ? 1 : 0));
  const leftWidth = Math.max(18, Math.min(30, Math.floor(size.columns * 0.28)));
  const rightWidth = Math.max(10, size.columns - leftWidth - 2);

  const view = state.view;
  const slots = useSlotsData(data, city, state.slots, view === 'slots', cityKey);
  const { frame, grid } = slots;
  // Keyed by the city whose frame is shown: a later load (a step back) does not start them again.
  usePrefetch(data, view === 'slots' && frame?.city === city ? neighbours(visible, city) : [], state.slots.cursor);
  const span = TIMELINE_SPANS[state.span]!.hours;
  const points = chartPoints(rightWidth);
  const timeline = useTimelineData(data, city, state.scope, view === 'timeline', cityKey, points, span);

  const healthRows = useMemo(() => (view === 'health' ? data.health() : []), [data, view, version, tick]);

  const insights = useInsightsData(data, view === 'insights', version);

  // Whatever the view: "5" and Enter typed in one go open the alert before the alerts view has been drawn.
  const targets = useMemo(() => alertTargets(alerts.list, overview.cities), [alerts.list, overview]);
  const help = useMemo(() => helpLayout(size.columns, bodyHeight), [size.columns, bodyHeight]);
  const layout = slotsLayout(rightWidth, bodyHeight, frame?.columns.length ?? 0);
  const context: AppContext = {
    cityNames,
    days: grid.days,
    times: slots.times,
    columns: frame?.columns.length ?? 0,
    visibleColumns: layout.visibleColumns,
    rows: grid.rows.length,
    visibleRows: layout.visibleRows,
    scopes: Math.max(1, timeline.scopes.length),
    healthRows: healthRows.length,
    healthVisible: healthLayout(healthRows, bodyHeight).visible,
    alerts: targets,
    alertVisible: alertsVisible(bodyHeight, alerts.problems.length),
    helpMaxRow: help.maxRow,
    helpVisible: help.visible,
  };
  const contextRef = useRef(context);
  contextRef.current = context;

  // A key that acts on the city's data (a step back, another day, scrolling) waits while another city's is shown.
  const cityShown =
    view === 'slots'
      ? (frame?.city === city && !slots.loading) || slots.error !== undefined
      : view === 'timeline'
        ? !timeline.loading
        : true;
  const step = (char: string, press: Key, shownCity: string | undefined): KeyOutcome => {
    const current = stateRef.current;
    const action = keyAction(char, press, current.cities.filtering, current.prompt !== undefined);
    if (action && usesCityData(current, action) && selectedCity(current.cities, cityNames) !== shownCity) return 'wait';
    if (!action) return 'next';
    if (action.type === 'quit') return (onQuit?.(), exit(), 'stop');
    if (action.type === 'rescrape') {
      const target = overview.cities.find((c) => c.name === selectedCity(current.cities, cityNames));
      if (target) commands.rescrape(target);
      return 'next';
    }
    if (action.type === 'watch' && !data.alerts) {
      setStatus('watches need the database; office-watch watch add adds one');
      return 'next';
    }
    if (action.type === 'prompt-accept' && current.prompt) {
      commands.accept(current.prompt, { times: contextRef.current.times, cursor: current.slots.cursor });
    }
    stateRef.current = reduceApp(current, action, contextRef.current);
    return 'next';
  };
  useKeyBuffer({
    shown: cityShown,
    city,
    selectedCity: () => selectedCity(stateRef.current.cities, cityNames),
    step,
    flush: () => stateRef.current !== state && setState(stateRef.current),
  });

  if (size.columns < MIN_SIZE.columns || size.rows < MIN_SIZE.rows) {
    const needs = `${MIN_SIZE.columns}×${MIN_SIZE.rows}`;
    return <Text>{`terminal too small (${size.columns}×${size.rows}); office-watch needs ${needs}`}</Text>;
  }

  const focused = state.focus === 'view';
  const pending = firstRoundText(overview) ?? (overview.scraping ? undefined : 'not scraping here (--no-scrape)');
  const right = () => {
    const cityView = view === 'slots' || view === 'timeline' || view === 'insights';
    if (city === undefined && state.cities.filter !== '' && cityView) {
      return <NoCityMatch filter={state.cities.filter} width={rightWidth} height={bodyHeight} />;
    }
    switch (view) {
      case 'timeline':
        return (
          <Timeline
            scopeIndex={Math.min(state.scope, Math.max(0, timeline.scopes.length - 1))}
            scopes={Math.max(1, timeline.scopes.length)}
            width={rightWidth}
            height={bodyHeight}
            focused={focused}
            loading={timeline.loading}
            city={city}
            scope={timeline.scope}
            series={timeline.series}
            end={timeline.end}
            error={timeline.error}
          />
        );
      case 'insights':
        return (
          <InsightsView
            insights={insights.insights}
            city={city}
            loading={insights.loading}
            error={data.insights ? insights.error : 'not available here'}
            width={rightWidth}
            height={bodyHeight}
            focused={focused}
          />
        );
      case 'alerts':
        return (
          <Alerts
            alerts={alerts.list}
            problems={alerts.problems}
            selected={selectedAlert(state, context)}
            available={data.alerts !== undefined}
            width={rightWidth}
            height={bodyHeight}
            focused={focused}
          />
        );
      case 'health':
        return (
          <Health
            rows={healthRows}
            offset={state.healthRow}
            highlight={new Set(cityInfo?.sources.map((s) => s.sourceId))}
            width={rightWidth}
            height={bodyHeight}
            focused={focused}
          />
        );
      default:
        return (
          <Slots
            city={city}
            grid={grid}
            state={state.slots}
            width={rightWidth}
            height={bodyHeight}
            focused={focused}
            loading={slots.loading}
            frame={frame}
            history={slots.history}
            error={slots.error}
            pending={pending}
            times={slots.times}
            scraping={overview.scraping}
          />
        );
    }
  };
  return (
    <ThemeContext.Provider value={theme}>
      <Box flexDirection="column" width={size.columns} height={height}>
        <Header overview={overview} width={size.columns} label={data.label} />
        {alerts.banner && <AlertBanner alert={alerts.banner.alert} more={alerts.banner.more} width={size.columns} />}
        {view === 'help' ? (
          <Help width={size.columns} height={bodyHeight} offset={state.helpRow} />
        ) : (
          <Box height={bodyHeight}>
            <Box
              width={leftWidth + 1}
              borderStyle="single"
              borderTop={false}
              borderBottom={false}
              borderLeft={false}
              borderColor={paint(theme, 'gray')}
            >
              <Cities
                cities={visible}
                filter={state.cities.filter}
                filtering={state.cities.filtering}
                focused={!focused}
                width={leftWidth}
                height={bodyHeight}
                selected={city}
              />
            </Box>
            <Box paddingLeft={1}>{right()}</Box>
          </Box>
        )}
        <Footer
          width={size.columns}
          focus={state.focus}
          view={view}
          filtering={state.cities.filtering}
          status={status}
          prompt={state.prompt}
        />
      </Box>
    </ThemeContext.Provider>
  );
}
