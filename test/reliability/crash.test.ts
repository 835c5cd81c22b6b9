import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crashDemoRounds, crashImports, seededRandom } from '../../bench/lib/crash-kill.js';
import { hasSharedData, sharedData } from '../helpers/shared-data.js';

// Runs the built binary (`npm run build` first). The full counts are in bench/crash.js.
const WEEK = 'raw/2026-29.tar.gz';
// Five demo sources of all four booking systems that answer quickly: the round is short, most of it writing.
const DEMO_SOURCES = ['kassel', 'regensburg', 'muenster', 'landkreis?leipzig', 'frankfurt?kfz'].flatMap((id) => [
  '-i',
  id,
]);
// A fixed seed, so that CI runs the same kills each time; OFFICE_WATCH_SEED tries others (failures print it).
const SEED = Number(process.env.OFFICE_WATCH_SEED ?? 2026_12);
const dir = mkdtempSync(join(tmpdir(), 'office-watch-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kill -9 at random moments leaves a sound database', () => {
  console.log(`crash test seed ${SEED} (OFFICE_WATCH_SEED=${SEED} repeats it)`);

  it.runIf(hasSharedData(WEEK))(
    'during import: check finds nothing, and a rerun exports the published week byte for byte',
    async () => {
      const result = await crashImports({
        tar: sharedData(WEEK)!,
        kills: 3,
        random: seededRandom(SEED),
        dir: join(dir, 'import'),
        fresh: true,
        spanMs: 50,
        wholeMs: 1_500,
        log: console.log,
      });
      expect({ seed: SEED, kills: result.kills, problems: result.problems, identical: result.identical }).toEqual({
        seed: SEED,
        kills: 3,
        problems: [],
        identical: true,
      });
    },
    60_000,
  );

  it('during --demo scraping: check finds nothing', async () => {
    const result = await crashDemoRounds({
      kills: 3,
      random: seededRandom(SEED + 1),
      dir: join(dir, 'demo'),
      minMs: 0,
      maxMs: 1_500,
      args: DEMO_SOURCES,
      log: console.log,
    });
    expect({ seed: SEED, kills: result.kills, problems: result.problems }).toEqual({
      seed: SEED,
      kills: 3,
      problems: [],
    });
    expect(result.snapshots).toBeGreaterThan(0);
  }, 60_000);
});
