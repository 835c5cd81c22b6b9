import type { WallTime } from '../../../scrapers/types.js';
import { VIEW_CYCLE, type DataView, type KeyAction, type ViewName } from '../keys.js';
import { initialCities, reduceCities, selectedCity, type CitiesState } from './cities-state.js';
import { resolveGoto } from '../data/cursor.js';
import { TIMELINE_SPANS } from '../data/timeline-series.js';
import { initialSlots, reduceSlots, type SlotsContext, type SlotsState } from './slots-state.js';

export type Focus = 'cities' | 'view';

/** The whole app's UI state (the data lives in WatchData). */
export interface AppState {
  view: ViewName;
  /** The view to return to when help closes. */
  lastView: DataView;
  focus: Focus;
  cities: CitiesState;
  slots: SlotsState;
  /** Index of the timeline scope (0: the whole city). */
  scope: number;
  /** Index of the timeline's span in TIMELINE_SPANS (0: 7 days). */
  span: number;
  /** First row shown in the health view. */
  healthRow: number;
  /** The id of the selected alert (undefined: the newest); an id, so that new alerts do not move the selection. */
  alert?: string;
  /** First line shown in the help. */
  helpRow: number;
  /** The open prompt ("watch this city", "go to a time"): the city and the text typed so far. */
  prompt?: { kind: 'watch' | 'goto'; city: string; text: string };
}

/** What the reducer needs to know of the data on screen. */
export interface AppContext extends SlotsContext {
  cityNames: readonly string[];
  scopes: number;
  healthRows: number;
  healthVisible: number;
  /** The alerts as listed (newest first): where Enter on each leads. */
  alerts: readonly AlertTarget[];
  alertVisible: number;
  /** The last first line of the help that scrolling reaches. */
  helpMaxRow: number;
  helpVisible: number;
}

/** Where an alert's slot is: the app's city (undefined if the app does not list it), the slot's day, the snapshot. */
export interface AlertTarget {
  id: string;
  city: string | undefined;
  day: string;
  at: WallTime;
}

export const initialApp: AppState = {
  view: 'slots',
  lastView: 'slots',
  focus: 'cities',
  cities: initialCities,
  slots: initialSlots,
  scope: 0,
  span: 0,
  healthRow: 0,
  helpRow: 0,
};

const clamp = (value: number, max: number) => Math.max(0, Math.min(Math.max(0, max), value));

/** The pure state transition for a key action (quit and rescrape are effects, handled by the app). */
export function reduceApp(state: AppState, action: KeyAction, context: AppContext): AppState {
  switch (action.type) {
    case 'quit':
    case 'rescrape':
      return state;
    case 'span':
      return state.view === 'timeline' ? { ...state, span: (state.span + 1) % TIMELINE_SPANS.length } : state;
    case 'watch':
    case 'goto': {
      const city = selectedCity(state.cities, context.cityNames);
      return city === undefined ? state : { ...state, prompt: { kind: action.type, city, text: '' } };
    }
    case 'prompt-input':
      return state.prompt
        ? { ...state, prompt: { ...state.prompt, text: (state.prompt.text + action.text).slice(0, 40) } }
        : state;
    case 'prompt-backspace':
      return state.prompt
        ? { ...state, prompt: { ...state.prompt, text: [...state.prompt.text].slice(0, -1).join('') } }
        : state;
    case 'prompt-accept':
    case 'prompt-cancel': {
      const { prompt, ...rest } = state;
      const accepted = action.type === 'prompt-accept' && prompt?.kind === 'goto';
      const goto = accepted ? resolveGoto(prompt.text, context.times, state.slots.cursor) : undefined;
      if (!goto || !('at' in goto)) return rest;
      const slots = reduceSlots(rest.slots, { type: 'goto', at: goto.at }, context);
      return { ...rest, view: 'slots', lastView: 'slots', slots };
    }
    case 'help':
      return state.view === 'help' ? { ...state, view: state.lastView } : { ...state, view: 'help', helpRow: 0 };
    case 'view':
      return { ...state, view: action.view, lastView: action.view };
    case 'next-view': {
      const from = VIEW_CYCLE.indexOf(state.view === 'help' ? state.lastView : state.view);
      const view = VIEW_CYCLE[(from + action.delta + VIEW_CYCLE.length) % VIEW_CYCLE.length]!;
      return { ...state, view, lastView: view };
    }
    case 'move':
    case 'page': {
      const delta = action.type === 'page' ? action.delta * Math.max(1, pageOf(state, context)) : action.delta;
      const onCities = state.focus === 'cities' && action.type === 'move' && state.view !== 'help';
      if (onCities) return moveCity(state, { type: 'move', delta }, context);
      return scrollView(state, delta, context);
    }
    // The focused pane's ends: the first or last city, or the first or last row of the view (help: always).
    case 'first':
    case 'last':
      if (state.focus === 'cities' && state.view !== 'help') return moveCity(state, { type: action.type }, context);
      return scrollView(state, action.type === 'first' ? -Infinity : Infinity, context);
    case 'latest':
      if (state.view === 'help') return scrollView(state, Infinity, context);
      return { ...state, slots: reduceSlots(state.slots, action, context) };
    case 'day':
    case 'columns':
    case 'history':
    case 'history-day':
      return { ...state, slots: reduceSlots(state.slots, action, context) };
    case 'enter':
      if (state.view === 'alerts' && context.alerts.length > 0) {
        return state.focus === 'view' ? openAlert(state, context) : { ...state, focus: 'view' };
      }
      return {
        ...state,
        focus: 'view',
        ...(state.view === 'slots' || state.view === 'timeline'
          ? {}
          : { view: 'slots' as const, lastView: 'slots' as const }),
      };
    case 'back':
      if (state.view === 'help') return { ...state, view: state.lastView };
      if (state.focus === 'view') return { ...state, focus: 'cities' };
      return state.cities.filter
        ? { ...state, cities: reduceCities(state.cities, { type: 'filter-clear' }, context.cityNames) }
        : state;
    case 'filter-start':
      return { ...state, focus: 'cities', cities: reduceCities(state.cities, action, context.cityNames) };
    case 'filter-input':
    case 'filter-backspace':
    case 'filter-accept':
    case 'filter-clear':
      return afterCityChange(
        state,
        { ...state, cities: reduceCities(state.cities, action, context.cityNames) },
        context,
      );
  }
}

/** Whether reduceApp reads the selected city's data (its snapshot times, days, rows or columns) for this action. */
export function usesCityData(state: AppState, action: KeyAction): boolean {
  switch (action.type) {
    case 'day':
    case 'columns':
    case 'history':
    case 'history-day':
    case 'latest':
    case 'prompt-accept':
      return true;
    case 'move':
    case 'page':
    case 'first':
    case 'last':
      return state.focus === 'view' && state.view === 'slots';
    default:
      return false;
  }
}

function pageOf(state: AppState, context: AppContext): number {
  if (state.view === 'help') return context.helpVisible;
  if (state.view === 'alerts') return context.alertVisible;
  return state.view === 'health' ? context.healthVisible : context.visibleRows;
}

function moveCity(state: AppState, action: Parameters<typeof reduceCities>[1], context: AppContext): AppState {
  return afterCityChange(state, { ...state, cities: reduceCities(state.cities, action, context.cityNames) }, context);
}

/** A different city: at the same moment (or live), scrolled home, the whole city's timeline. */
function afterCityChange(before: AppState, after: AppState, context: AppContext): AppState {
  if (selectedCity(before.cities, context.cityNames) === selectedCity(after.cities, context.cityNames)) return after;
  return { ...after, slots: reduceSlots(after.slots, { type: 'city-changed' }, context), scope: 0 };
}

function scrollView(state: AppState, delta: number, context: AppContext): AppState {
  switch (state.view) {
    case 'slots':
      return { ...state, slots: reduceSlots(state.slots, { type: 'rows', delta }, context) };
    case 'timeline':
      return { ...state, scope: clamp(state.scope + delta, context.scopes - 1) };
    case 'health':
      return { ...state, healthRow: clamp(state.healthRow + delta, context.healthRows - context.healthVisible) };
    case 'alerts': {
      const target = context.alerts[clamp(selectedAlert(state, context) + delta, context.alerts.length - 1)];
      return target ? { ...state, alert: target.id } : state;
    }
    case 'help':
      return { ...state, helpRow: clamp(state.helpRow + delta, context.helpMaxRow) };
    case 'insights':
      return state;
  }
}

/** The index of the selected alert in the newest-first list (the newest when none is or it has gone). */
export function selectedAlert(state: Pick<AppState, 'alert'>, context: Pick<AppContext, 'alerts'>): number {
  return Math.max(
    0,
    context.alerts.findIndex((target) => target.id === state.alert),
  );
}

/** Enter on an alert: its city in the slots view, on the slot's day, at the snapshot that showed it. */
function openAlert(state: AppState, context: AppContext): AppState {
  const target = context.alerts[selectedAlert(state, context)];
  if (target?.city === undefined || !context.cityNames.includes(target.city)) return state;
  const cities = reduceCities(state.cities, { type: 'select', name: target.city }, context.cityNames);
  const slots = { ...reduceSlots(state.slots, { type: 'city-changed' }, context), day: target.day, cursor: target.at };
  return { ...state, cities, slots, scope: 0, view: 'slots', lastView: 'slots', focus: 'view' };
}
