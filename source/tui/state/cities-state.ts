import { filterCities } from '../data/city-index.js';

/** The cities pane: which city is selected and the name filter (being typed or accepted). */
export interface CitiesState {
  selected?: string;
  filter: string;
  filtering: boolean;
}

export type CitiesAction =
  | { type: 'move'; delta: number }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'select'; name: string }
  | { type: 'filter-start' }
  | { type: 'filter-input'; text: string }
  | { type: 'filter-backspace' }
  | { type: 'filter-accept' }
  | { type: 'filter-clear' };

export const initialCities: CitiesState = { filter: '', filtering: false };

/** The cities the filter lets through. */
export function visibleCities(state: CitiesState, names: readonly string[]): string[] {
  return filterCities(
    names.map((name) => ({ name })),
    state.filter,
  ).map((city) => city.name);
}

/** The selected city as shown: the chosen one if visible, else the first visible one. */
export function selectedCity(state: CitiesState, names: readonly string[]): string | undefined {
  const visible = visibleCities(state, names);
  return state.selected !== undefined && visible.includes(state.selected) ? state.selected : visible[0];
}

/** The pure state transition of the cities pane; `names` are all city names in display order. */
export function reduceCities(state: CitiesState, action: CitiesAction, names: readonly string[]): CitiesState {
  switch (action.type) {
    case 'move':
    case 'first':
    case 'last': {
      const visible = visibleCities(state, names);
      if (visible.length === 0) return state;
      const current = Math.max(0, visible.indexOf(selectedCity(state, names) ?? ''));
      const target = action.type === 'first' ? 0 : action.type === 'last' ? visible.length - 1 : current + action.delta;
      return { ...state, selected: visible[Math.min(visible.length - 1, Math.max(0, target))] };
    }
    case 'select': {
      if (!names.includes(action.name)) return state;
      // A city the filter hides: the filter goes, so that the selection shows.
      const hidden = !visibleCities(state, names).includes(action.name);
      return { ...state, ...(hidden ? { filter: '', filtering: false } : {}), selected: action.name };
    }
    case 'filter-start':
      return { ...state, filtering: true };
    case 'filter-input':
      return keepSelection({ ...state, filter: state.filter + action.text }, names);
    case 'filter-backspace':
      return keepSelection({ ...state, filter: [...state.filter].slice(0, -1).join('') }, names);
    case 'filter-accept':
      return keepSelection({ ...state, filtering: false }, names);
    case 'filter-clear':
      return {
        ...state,
        filter: '',
        filtering: false,
        ...(state.selected === undefined ? {} : { selected: selectedCity(state, names) ?? state.selected }),
      };
  }
}

/** After the filter changed: select what is now shown (the same city if it is still visible). */
function keepSelection(state: CitiesState, names: readonly string[]): CitiesState {
  const selected = selectedCity(state, names);
  const { selected: _old, ...rest } = state;
  return selected === undefined ? rest : { ...rest, selected };
}
