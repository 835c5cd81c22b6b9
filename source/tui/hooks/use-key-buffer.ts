import { useInput, type Key } from 'ink';
import { useEffect, useRef } from 'react';
import { splitKeys } from '../keys.js';

/** What became of one key: applied (or ignored), held back until the city is shown, or the last (quit). */
export type KeyOutcome = 'next' | 'wait' | 'stop';

export interface KeyBufferOptions {
  /** The screen shows the selected city's data (or the view needs none). */
  shown: boolean;
  /** The selected city as drawn now. */
  city: string | undefined;
  /** The city the keys applied so far selected. */
  selectedCity(): string | undefined;
  /** Apply one key, or say it waits: it acts on the city's data and `shownCity` is not the selected one yet. */
  step(char: string, press: Key, shownCity: string | undefined): KeyOutcome;
  /** After the keys that could be applied now (the state they made is drawn). */
  flush(): void;
}

/** How long a key waits for the city's data at most: a read that hangs does not hold the keyboard. */
const MAX_WAIT_MS = 500;

/**
 * Keys in the order typed, each applied at once unless it acts on a city whose data is not on the screen yet: typed
 * right after j (in one read, or before the next frame), a step back or another day means the new city's snapshots
 * and days, not the old's. Such a key and those after it wait until the city is shown, MAX_WAIT_MS at most.
 */
export function useKeyBuffer(options: KeyBufferOptions): void {
  const shownCity = useRef<string | undefined>(undefined);
  shownCity.current = options.shown ? options.city : undefined;
  const waiting = useRef<{ keys: [string, Key][]; since: number }>({ keys: [], since: 0 });
  const drain = () => {
    const keys = waiting.current.keys;
    while (keys.length > 0) {
      const [char, press] = keys[0]!;
      const outcome = options.step(char, press, shownCity.current);
      if (outcome === 'wait') {
        if (waiting.current.since === 0) waiting.current.since = Date.now();
        break;
      }
      keys.shift();
      waiting.current.since = 0;
      if (outcome === 'stop') return;
    }
    options.flush();
  };
  useInput((input, key) => {
    waiting.current.keys.push(...splitKeys(input, key));
    drain();
  });
  useEffect(() => {
    if (waiting.current.keys.length === 0) return;
    const applyAnyway = () => {
      shownCity.current = options.selectedCity();
      drain();
    };
    const left = waiting.current.since + MAX_WAIT_MS - Date.now();
    if (options.shown) return drain();
    if (left <= 0) return applyAnyway();
    const timer = setTimeout(applyAnyway, left);
    return () => clearTimeout(timer);
  });
}
