import { render } from 'ink-testing-library';
import { test } from 'vitest';
import { App } from '../../source/tui/app.js';
import { createStoreWatchData } from '../../source/tui/data/store-watch-data.js';
import { loadRegistry } from '../../scrapers/registry/registry.js';
import { openStore } from '../../store/index.js';

test('perf', async () => {
  const store = await openStore('/tmp/office-watch-bench-tui-week');
  const w = createStoreWatchData({ store, sites: [], lookup: loadRegistry() });
  await w.ready;
  const i = render(<App data={w.data} size={{ columns: 80, rows: 24 }} colour={false} throttleMs={250} />);
  await new Promise((r) => setTimeout(r, 1000));
  const measure = async (key: string, n = 10) => {
    const out: number[] = [];
    for (let k = 0; k < n; k++) {
      const before = i.frames.length;
      const t = performance.now();
      i.stdin.write(key);
      while (i.frames.length === before) await new Promise((r) => setImmediate(r));
      const first = performance.now() - t;
      await new Promise((r) => setTimeout(r, 150));
      out.push(Math.round(first));
    }
    console.log(key, out.join(' '), 'frames', i.frames.length);
  };
  await measure('j');
  await measure('[');
  await measure(']', 3);
  i.unmount();
  await store.close();
}, 60000);
