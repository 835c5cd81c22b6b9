import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Scheduler } from '../scheduler/index.js';

let gc: (() => void) | undefined;
let usedAfterLast = 0;

/**
 * A full garbage collection, now. A scrape round parses hundreds of pages and leaves them behind; V8 would
 * rather grow the heap to several times what the app keeps than collect them. Collected as they pile up,
 * the app's RSS stays near its live data over a long run (bench/demo-soak.js).
 */
export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
  usedAfterLast = getHeapStatistics().used_heap_size;
}

/** collectGarbage once more than `pileMb` of heap was taken since the last one (cheap to ask after every scrape). */
export function collectGarbageIfPiled(pileMb = 16): void {
  if (getHeapStatistics().used_heap_size - usedAfterLast > pileMb * 1_048_576) collectGarbage();
}

/**
 * V8 doubles the young generation each time much of it survives, up to 32 MB, and gives nothing back while the
 * app allocates steadily (a round a second in the demo): a fifth of the app's RSS. From here on it keeps the
 * size it has; the collections are smaller and more frequent, and what survives them moves on to the old one.
 */
export function stopYoungGenerationGrowth(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}

/**
 * What keeps a scraping app's memory down: garbage collected as scrapes pile it up and after each round, and a
 * young generation that stops growing. Returns the function that stops the collections.
 */
export function keepMemoryDown(scheduler: Pick<Scheduler, 'onRun' | 'onRound'>): () => void {
  const offRun = scheduler.onRun(() => collectGarbageIfPiled());
  const offRound = scheduler.onRound(() => collectGarbage());
  stopYoungGenerationGrowth();
  return () => {
    offRun();
    offRound();
  };
}
