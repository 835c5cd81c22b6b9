import { afterEach, describe, expect, it, vi } from 'vitest';
import { addDays } from '../../core/berlin-time.js';
import type { WallTime } from '../../scrapers/types.js';
import { REFUSED_RETRIES } from '../../scrapers/zms-api.js';
import { createZmsScraper } from '../../scrapers/zms.js';
import { startZmsWorld, type Logged, type ZmsWorld } from '../helpers/zms-world.js';

const NOW = new Date('2026-09-01T05:00:00Z'); // Tuesday 07:00 in Berlin
const worlds: ZmsWorld[] = [];
afterEach(async () => Promise.all(worlds.splice(0).map((world) => world.close())));

/** Two services at two offices, each free on every day of the next eight weeks: a round of some 120 requests. */
function busySlots(): Record<string, WallTime[]> {
  const days = Array.from({ length: 56 }, (_, i) => addDays('2026-09-01', i));
  return {
    '1-7': days.map((d) => `${d} 09:00:00`),
    '2-7': days.map((d) => `${d} 10:00:00`),
    '1-8': days.map((d) => `${d} 11:00:00`),
  };
}

async function world(options: Partial<Parameters<typeof startZmsWorld>[0]> = {}): Promise<ZmsWorld> {
  const started = await startZmsWorld({ now: NOW, slots: busySlots(), ...options });
  worlds.push(started);
  return started;
}

/** The most requests the server accepted within any 60 s. */
function mostPerMinute(log: Logged[]): number {
  const accepted = log.filter((r) => r.status !== 429).map((r) => r.at);
  return Math.max(...accepted.map((at) => accepted.filter((other) => other > at - 60_000 && other <= at).length));
}

describe('zms politeness (simulated time: a minute of pausing takes none)', () => {
  it('keeps a round to bursts of 50, 1 s apart, then 61 s of quiet: ≤ 0.5 requests/s, none refused', async () => {
    const w = await world();
    const result = await w.scrape(8);
    expect(result.ok).toBe(true);
    expect(w.log.length).toBeGreaterThan(100);
    expect(w.server.limiter.refusals).toBe(0);
    expect(mostPerMinute(w.log)).toBeLessThanOrEqual(50);
    const gaps = w.log.slice(1).map((r, i) => r.at - w.log[i]!.at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1_000);
    expect(gaps.filter((gap) => gap >= 61_000)).toHaveLength(Math.floor((w.log.length - 1) / 50));
    expect(gaps[49]).toBeGreaterThanOrEqual(61_000);
    const seconds = (w.log.at(-1)!.at - w.log[0]!.at) / 1000;
    expect((w.log.length - 1) / seconds).toBeLessThanOrEqual(0.5);
  });

  it("fits a round of München's configured services into the 15 minutes, with 12 to spare", async () => {
    // Six Bürgerbüros × Wohnsitz anmelden, Reisepass, Personalausweis, every day Mon–Sat bookable: the worst case.
    const days = Array.from({ length: 29 }, (_, i) => addDays('2026-09-01', i)).filter(
      (d) => new Date(d).getUTCDay() !== 0,
    );
    const services = [1063475, 1063453, 1063441];
    const offices = [10489, 10470, 102522, 54261, 10351880, 10187259];
    const list = days.map((d) => `${d} 09:00:00`);
    const slots = Object.fromEntries(offices.flatMap((office) => services.map((s) => [`${office}-${s}`, list])));
    const w = await world({ slots, params: { services: services.join(',') } });
    expect((await w.scrape(4)).ok).toBe(true);
    expect(w.log.length).toBeLessThanOrEqual(1 + 3 * (2 + days.length));
    expect(w.log.at(-1)!.at - w.log[0]!.at).toBeLessThan(3 * 60_000);
    expect(w.server.limiter.refusals).toBe(0);
  });

  it('continues its pacing from one round to the next', async () => {
    const w = await world({ slots: { '1-7': busySlots()['1-7']!.slice(0, 20) } });
    await w.scrape(4);
    await w.scrape(4);
    await w.scrape(4);
    expect(w.log.length).toBeGreaterThan(50);
    expect(w.server.limiter.refusals).toBe(0);
    expect(mostPerMinute(w.log)).toBeLessThanOrEqual(50);
  });

  it('pauses early where the server allows fewer than 50 (X-RateLimit-Remaining): none refused', async () => {
    const w = await world({ maxRequests: 30 });
    expect((await w.scrape(8)).ok).toBe(true);
    expect(w.server.limiter.refusals).toBe(0);
    expect(mostPerMinute(w.log)).toBeLessThanOrEqual(30);
  });

  it('waits out a 429 storm (another client on the same address), a full pause before each new try', async () => {
    const w = await world({ slots: { '1-7': ['2026-09-02 09:00:00'] } });
    // The neighbour's last accepted request comes 100 s from now: the limit holds until 160 s.
    w.server.limiter.occupy('127.0.0.1', w.timer.now() + 100_000);
    const result = await w.scrape(1);
    expect(result.ok && result.snapshot.locations[0]!.slots).toEqual(['2026-09-02 09:00:00']);
    const refused = w.log.filter((r) => r.status === 429);
    expect(refused).toHaveLength(3);
    const tries = w.log.slice(0, 4).map((r) => r.at);
    for (let i = 1; i < tries.length; i++) expect(tries[i]! - tries[i - 1]!).toBeGreaterThanOrEqual(61_000);
    expect(w.log[3]!.status).toBe(200);
  });

  it('gives up after a few refused tries, as an http-status 429 failure', async () => {
    const w = await world({ slots: { '1-7': ['2026-09-02 09:00:00'] } });
    w.server.limiter.occupy('127.0.0.1', w.timer.now() + 600_000);
    const result = await w.scrape(1);
    expect(result.ok ? 'ok' : [result.failure.kind, result.failure.status]).toEqual(['http-status', 429]);
    expect(w.log).toHaveLength(REFUSED_RETRIES + 1);
    expect(w.log.every((r) => r.status === 429)).toBe(true);
  });

  it('stops pausing at once when the scrape is aborted (real time)', async () => {
    const w = await world();
    const scraper = createZmsScraper({ timeoutMs: 5_000 });
    const controller = new AbortController();
    const site = { ...w.site, params: { ...w.site.params, burst: '3', pauseMs: '600000', spacingMs: '0' } };
    const scraping = scraper(site, { weeks: 8, now: NOW, signal: controller.signal });
    // Aborted once the burst of 3 is spent (the server has them): the scraper is in, or about to begin, its pause.
    await vi.waitFor(() => expect(w.log).toHaveLength(3), { timeout: 10_000, interval: 5 });
    const started = performance.now();
    controller.abort();
    const result = await scraping;
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(result.ok ? 'ok' : result.failure.kind).toBe('timeout');
    expect(w.log).toHaveLength(3);
  });
});
