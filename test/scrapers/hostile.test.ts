import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUGE_BODY_BYTES } from '../../scrapers/simulator/stream-faults.js';
import type { FaultKind } from '../../scrapers/simulator/types.js';
import type { ScrapeResult, Snapshot } from '../../scrapers/types.js';
import {
  CP1252_NAME,
  HOSTILE_NOW,
  SETUP_LABELS,
  startHostileSetups,
  type HostileSetup,
} from '../helpers/hostile-setups.js';

const LIMITS = { timeoutMs: 1500, retries: 0, maxBytes: 1024 * 1024 };
/** Generous: a scrape that hangs or reads without end would never come back, or only after far longer. */
const BOUND_MS = 15_000;

type Expected = FailureExpected | 'ok';
type FailureExpected = 'too-large' | 'redirect-loop' | 'error-page' | 'markup';

/** What each hostile fault must end as, per setup ('ok': the snapshot equals the one taken without a fault). */
function expectedOf(fault: FaultKind, label: string): Expected {
  switch (fault) {
    case 'endless-body':
    case 'huge-body':
    case 'gzip-bomb':
      return 'too-large';
    case 'redirect-loop':
      return 'redirect-loop';
    case 'error-200':
      return 'error-page';
    case 'json-for-html':
      return label === 'etermin' || label === 'zms' ? 'ok' : 'markup';
    case 'html-for-json':
      return label === 'etermin' || label === 'zms' || label === 'tevis-classic' ? 'markup' : 'ok';
    default:
      return 'ok';
  }
}

const HOSTILE_FAULTS: FaultKind[] = [
  'endless-body',
  'huge-body',
  'gzip-bomb',
  'redirect-loop',
  'latin1',
  'cp1252',
  'cp1252-meta',
  'cp1252-bare',
  'error-200',
  'json-for-html',
  'html-for-json',
  'hostile-names',
];

const setups = new Map<string, HostileSetup>();
const baselines = new Map<string, Snapshot>();

async function scrape(setup: HostileSetup): Promise<{ result: ScrapeResult; ms: number }> {
  const started = performance.now();
  const result = await setup.scraper(setup.site, { weeks: 2, now: HOSTILE_NOW });
  return { result, ms: performance.now() - started };
}

beforeAll(async () => {
  for (const setup of await startHostileSetups(LIMITS)) {
    setups.set(setup.label, setup);
    const { result } = await scrape(setup);
    if (!result.ok)
      throw new Error(`${setup.label} fails without a fault: ${result.failure.kind}: ${result.failure.message}`);
    baselines.set(setup.label, result.snapshot);
  }
});
afterAll(async () => Promise.all([...setups.values()].map((setup) => setup.running.close())));

describe.each(SETUP_LABELS)('%s against hostile sites', (label) => {
  it('reads the windows-1252 name right without a fault', () => {
    expect(baselines.get(label)?.locations.some((l) => l.name.includes(CP1252_NAME))).toBe(true);
    expect(baselines.get(label)?.locations.flatMap((l) => l.slots).length).toBe(3);
  });

  for (const fault of HOSTILE_FAULTS) {
    const expected = expectedOf(fault, label);
    it(`${fault}: ${expected === 'ok' ? 'a clean snapshot' : `a '${expected}' failure`}, in bounded time`, async () => {
      const setup = setups.get(label) as HostileSetup;
      const streamedBefore = setup.running.streamedBytes;
      setup.office.fault = fault;
      try {
        const { result, ms } = await scrape(setup);
        expect(ms).toBeLessThan(BOUND_MS);
        if (expected !== 'ok') {
          expect(result.ok ? 'ok' : result.failure.kind).toBe(expected);
        } else if (fault === 'hostile-names') {
          expectHostileButComplete(result, baselines.get(label) as Snapshot);
        } else {
          expect(result.ok && result.snapshot).toEqual(baselines.get(label));
        }
        if (fault === 'huge-body' || fault === 'endless-body') {
          // Cut at the cap: the client stopped reading long before 50 MB (socket buffers let a few MB more through).
          const streamed = setup.running.streamedBytes - streamedBefore;
          expect(streamed).toBeGreaterThan(LIMITS.maxBytes);
          expect(streamed).toBeLessThan(HUGE_BODY_BYTES / 2);
        }
      } finally {
        setup.office.fault = undefined;
      }
    });
  }
});

/**
 * The scrape succeeds with the same locations and slots; the names carry what the site sent (sanitizing is for output).
 */
function expectHostileButComplete(result: ScrapeResult, baseline: Snapshot): void {
  if (!result.ok) throw new Error(`hostile names failed the scrape: ${result.failure.kind}: ${result.failure.message}`);
  expect(result.snapshot.locations.map((l) => l.slots)).toEqual(baseline.locations.map((l) => l.slots));
  expect(result.snapshot.locations.some((l) => l.name.length > 10_000)).toBe(true);
}
