import { EventEmitter } from 'node:events';
import { render } from 'ink';
import { test } from 'vitest';
import { App } from '../../source/tui/app.js';
import { createStoreWatchData } from '../../source/tui/data/store-watch-data.js';
import { loadRegistry } from '../../scrapers/registry/registry.js';
import { openStore } from '../../store/index.js';

class Out extends EventEmitter { columns = 80; rows = 24; isTTY = true; frames = 0; log: string[] = []; t0 = 0; write = (d: string) => { this.frames++; this.log.push(`${Math.round(performance.now() - this.t0)}:${d.length}`); return true; }; }
class In extends EventEmitter { isTTY = true; data: string | null = null; setEncoding() {} setRawMode() {} resume() {} pause() {} ref() {} unref() {} read = () => { const d = this.data; this.data = null; return d; }; write(d: string) { this.data = d; this.emit('readable'); } }

test('perf', async () => {
  const store = await openStore('/tmp/office-watch-bench-tui-week');
  const w = createStoreWatchData({ store, sites: [], lookup: loadRegistry() });
  await w.ready;
  const out = new Out(); const input = new In();
  (globalThis as any).__log = (x: string) => out.log.push(`${x}${Math.round(performance.now() - out.t0)}`);
  const origFrame = w.data.frame; const origTimes = w.data.snapshotTimes;
  (w.data as any).frame = async (c: string, a?: string) => { const s0 = performance.now(); out.log.push(`F>${Math.round(s0 - out.t0)}`); const r = await origFrame(c, a); out.log.push(`F<${Math.round(performance.now() - out.t0)}`); return r; };
  (w.data as any).snapshotTimes = async (c: string) => { out.log.push(`T>${Math.round(performance.now() - out.t0)}`); const r = await origTimes(c); out.log.push(`T<${Math.round(performance.now() - out.t0)}`); return r; };
  const renders: number[] = [];
  const i = render(<App data={w.data} colour={false} throttleMs={250} />, { stdout: out as any, stdin: input as any, maxFps: 120, patchConsole: false, onRender: (m) => { renders.push(m.renderTime); out.log.push(`R@${Math.round(performance.now() - out.t0)}`); } } as any);
  await new Promise((r) => setTimeout(r, 1000));
  const measure = async (key: string, n = 10) => {
    const res: string[] = [];
    for (let k = 0; k < n; k++) {
      renders.length = 0; out.log = []; out.t0 = performance.now();
      const t = performance.now(); let last = t; let count = out.frames;
      input.write(key);
      while (performance.now() - t < 300) { if (out.frames !== count) { count = out.frames; last = performance.now(); } await new Promise((r) => setImmediate(r)); }
      res.push(`${Math.round(last - t)}(${renders.map((x) => x.toFixed(0)).join('+')})[${out.log.join(' ')}]`);
    }
    console.log(key, res.join(' '));
  };
  await measure('j', 8);
  await measure('[');
  i.unmount();
  await store.close();
}, 60000);
