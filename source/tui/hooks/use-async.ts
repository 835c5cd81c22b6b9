import { useEffect, useRef, useState, type DependencyList } from 'react';

export interface AsyncState<T> {
  value?: T;
  error?: string;
  loading: boolean;
}

const sameDeps = (a: DependencyList | undefined, b: DependencyList) =>
  a !== undefined && a.length === b.length && a.every((dep, i) => Object.is(dep, b[i]));

/**
 * The result of an async load that depends on `deps`; the previous value stays while the next one loads
 * (no flashing), and a result that arrives after the deps changed again is dropped. The render in which the deps
 * change already says loading: the load starts only after it, and that frame would otherwise tell what the
 * previous deps found (nothing yet, say) of the new ones.
 */
export function useAsync<T>(load: (() => Promise<T>) | undefined, deps: DependencyList): AsyncState<T> {
  const [state, setState] = useState<AsyncState<T>>({ loading: load !== undefined });
  const started = useRef<DependencyList | undefined>(undefined);
  useEffect(() => {
    started.current = deps;
    if (!load) return;
    let current = true;
    setState((before) => ({ ...before, loading: true }));
    load().then(
      (value) => current && setState({ value, loading: false }),
      (error: unknown) =>
        current && setState({ error: error instanceof Error ? error.message : String(error), loading: false }),
    );
    return () => {
      current = false;
    };
  }, deps);
  return load !== undefined && !state.loading && !sameDeps(started.current, deps) ? { ...state, loading: true } : state;
}
