import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ScrapeRun } from '../../../scrapers/types.js';
import { NetworkWatch, probeHosts } from '../../../source/scheduler/index.js';
import { probeNetwork } from '../../../source/scheduler/network-probe.js';
import { site } from './helpers.js';

const errno = (code: string) => Object.assign(new Error(`getaddrinfo ${code}`), { code });
const run = (ok: boolean, error?: ScrapeRun['error'], requests = 1): ScrapeRun => ({
  sourceId: 'x',
  startedAt: '2021-08-10T05:45:00.000Z',
  durationMs: 10,
  ok,
  requests,
  ...(error ? { error } : {}),
});
const down = (code: string | undefined) =>
  run(false, { kind: 'down', message: `${code} at x`, ...(code ? { code } : {}) });

describe('NetworkWatch', () => {
  it('calls the network down when three hosts fail their lookups and nothing resolved', () => {
    const watch = new NetworkWatch();
    watch.lookedUp('a.de', errno('EAI_AGAIN'));
    watch.lookedUp('b.de', errno('EAI_AGAIN'));
    expect(watch.verdict()).toBeUndefined();
    watch.lookedUp('b.de', errno('EAI_AGAIN'));
    expect(watch.verdict()).toBeUndefined(); // the same host twice is one host
    watch.lookedUp('c.de', errno('ENOTFOUND'));
    expect(watch.verdict()).toBe('EAI_AGAIN, ENOTFOUND for 3 hosts: a.de, b.de, …');
    expect(watch.sawNetwork).toBe(false);
  });

  it('counts scrapes that failed to look up or to route, by their code', () => {
    const watch = new NetworkWatch();
    watch.ran('a.de', down('ENETUNREACH'));
    watch.ran('b.de', down('ENETUNREACH'));
    watch.ran('c.de', down('EAI_AGAIN'));
    expect(watch.verdict()).toMatch(/^ENETUNREACH, EAI_AGAIN for 3 hosts/);
  });

  it('one name that resolves means DNS works: failed lookups are then dead domains, not a dead network', () => {
    const watch = new NetworkWatch();
    watch.lookedUp('alive.de');
    for (const host of ['gone1.de', 'gone2.de', 'gone3.de', 'gone4.de']) watch.ran(host, down('ENOTFOUND'));
    expect(watch.verdict()).toBeUndefined();
    expect(watch.sawNetwork).toBe(true);
    // … but with names resolving and no route anywhere, it is down all the same.
    for (const host of ['a.de', 'b.de', 'c.de']) watch.ran(host, down('ENETUNREACH'));
    expect(watch.verdict()).toMatch(/ENETUNREACH/);
  });

  it('anything that got through rules it out: a snapshot, a server that answered, a refused connection', () => {
    const status = run(false, { kind: 'http-status', message: 'HTTP 500', status: 500 });
    const answered = [run(true), status, down('ECONNREFUSED')];
    for (const through of answered) {
      const watch = new NetworkWatch();
      for (const host of ['a.de', 'b.de', 'c.de']) watch.lookedUp(host, errno('EAI_AGAIN'));
      watch.ran('d.de', through);
      expect(watch.verdict(), JSON.stringify(through)).toBeUndefined();
      expect(watch.sawNetwork).toBe(true);
    }
  });

  it('timeouts, failures without a code and sites never asked tell nothing', () => {
    const watch = new NetworkWatch();
    watch.ran('a.de', run(false, { kind: 'timeout', message: 'slow' }));
    watch.ran('b.de', down(undefined));
    watch.ran('c.de', run(false, { kind: 'unsupported', message: 'no scraper' }, 0));
    expect(watch.verdict()).toBeUndefined();
    expect(watch.sawNetwork).toBe(false);
  });
});

describe('probeHosts', () => {
  it('takes the names most sites share first, leaves out addresses and loopback names, at most six', () => {
    const sites = [
      site('a', 'small.de'),
      site('b', 'tempus-termine.com'),
      site('c', 'tempus-termine.com'),
      site('c2', 'tempus-termine.com'),
      site('d', 'www.etermin.net'),
      site('d2', 'www.etermin.net'),
      site('e', '127.0.0.1:8080'),
      site('f', 'localhost:9000'),
      site('g', '[::1]:80'),
      ...['h1', 'h2', 'h3', 'h4', 'h5'].map((id) => site(id, `${id}.de`)),
    ];
    const hosts = probeHosts(sites);
    expect(hosts).toHaveLength(6);
    expect(hosts.slice(0, 2)).toEqual(['tempus-termine.com', 'www.etermin.net']);
    expect(hosts.some((h) => /127\.0\.0\.1|localhost|::1/.test(h))).toBe(false);
  });
});

/** Whether `promise` has ended after `ms` on the fake clock. */
async function endedAfter(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let ended = false;
  void promise.then(() => (ended = true));
  await vi.advanceTimersByTimeAsync(ms);
  return ended;
}

describe('probeNetwork', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('ends at the first name that resolves', async () => {
    const watch = new NetworkWatch();
    const lookup = (host: string) => (host === 'fast.de' ? Promise.resolve('1.2.3.4') : new Promise(() => undefined));
    // At once, not at its 5 s limit: no time passes.
    expect(await endedAfter(probeNetwork(['slow.de', 'fast.de'], lookup, watch, 5000), 0)).toBe(true);
    expect(watch.sawNetwork).toBe(true);
  });

  it('ends when every lookup failed, or at its time limit when the resolver does not answer', async () => {
    const failing = new NetworkWatch();
    await probeNetwork(['a.de', 'b.de', 'c.de'], () => Promise.reject(errno('EAI_AGAIN')), failing, 5000);
    expect(failing.verdict()).toMatch(/^EAI_AGAIN for 3 hosts/);
    const silent = new NetworkWatch();
    const probing = probeNetwork(['a.de', 'b.de', 'c.de'], () => new Promise(() => undefined), silent, 50);
    expect(await endedAfter(probing, 49)).toBe(false);
    expect(await endedAfter(probing, 1)).toBe(true);
    expect(silent.verdict()).toBeUndefined();
  });
});
