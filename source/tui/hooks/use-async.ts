import { useEffect, useState, type DependencyList } from 'react';

export interface AsyncState<T> {
  value?: T;
  error?: string;
  loading: boolean;
}

/**
 * The result of an async load that depends on `deps`; the previous value stays while the next one loads
 * (no flashing), and a result that arrives after the deps changed again is dropped.
 */
export function useAsync<T>(load: (() => Promise<T>) | undefined, deps: DependencyList): AsyncState<T> {
  const [state, setState] = useState<AsyncState<T>>({ loading: load !== undefined });
  useEffect(() => {
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
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}
