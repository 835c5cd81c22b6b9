import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createScheduler, type Lookup } from '../../source/scheduler/index.js';
import { createStoreWatchData } from '../../source/tui/data/store-watch-data.js';
import { ThemeContext } from '../../source/tui/theme.js';
import { Header } from '../../source/tui/views/header.js';
import { openStore, type LevelStore } from '../../store/index.js';
import { manualClock, site, trackingScraper } from '../source/scheduler/helpers.js';

let dir: string;
let store: LevelStore;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ow-network-down-'));
  store = await openStore(join(dir, 'db'));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const header = (overview: ReturnType<ReturnType<typeof createStoreWatchData>['data']['overview']>) =>
  render(
    <ThemeContext.Provider value={{ colour: false }}>
      <Header overview={overview} width={100} />
    </ThemeContext.Provider>,
  ).lastFrame()!;

describe('the app on a machine without network', () => {
  test('the header says "network down", not that every scraper fails, until a round gets through', async () => {
    const sites = Array.from({ length: 8 }, (_, i) => ({ ...site(`s${i}`, `h${i}.example`), city: `City ${i}` }));
    let online = false;
    const offline = (host: string) => Promise.reject(Object.assign(new Error(host), { code: 'EAI_AGAIN' }));
    const lookup: Lookup = (host) => (online ? Promise.resolve('192.0.2.1') : offline(host));
    const tracker = trackingScraper(() => 1);
    const clock = manualClock();
    const scraperFor = () => tracker.scraper;
    const scheduler = createScheduler({ sites, store, scraperFor, now: clock.now, network: { lookup } });
    const { data, ready, close } = createStoreWatchData({ store, sites, scheduler, now: clock.now });
    try {
      await ready;
      await scheduler.runRound();
      const down = data.overview();
      expect(down.networkDown).toMatch(/^EAI_AGAIN for 6 hosts/);
      expect(down.failing).toBe(0);
      expect(header(down)).toContain('· network down');
      expect(header(down)).not.toMatch(/failing/);

      online = true;
      clock.advance(15 * 60_000);
      await scheduler.runRound();
      const up = data.overview();
      expect(up.networkDown).toBeUndefined();
      expect(header(up)).toContain('none failing');
    } finally {
      close();
      await scheduler.stop();
    }
  });
});
