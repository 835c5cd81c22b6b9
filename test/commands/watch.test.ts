import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from '../../store/alerts.js';
import { openStore } from '../../store/index.js';
import { untrueAlerts } from '../helpers/demo-truth.js';
import { cli } from '../helpers/run-bin.js';
import { startReceiver } from '../helpers/webhook-receiver.js';

const dir = mkdtempSync(join(tmpdir(), 'office-watch-watch-'));
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => (receiver = await startReceiver()));
afterAll(async () => {
  await receiver.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The ALERT lines (one per message) and the lines under them. */
const alertLines = (stdout: string) => stdout.split('\n').filter((line) => line.startsWith('ALERT'));

describe('office-watch watch / snapshot / alerts', () => {
  it('an identical watch is refused: one sentence, exit 1, nothing stored', async () => {
    const db = join(dir, 'twice');
    const first = await cli('watch', 'add', '--city', 'Bonn', '--within', '14', '--demo', '--db', db);
    expect(first.stdout).toBe('added watch 1  city Bonn · within 14 days\n');
    const again = await cli('watch', 'add', '--within', '14', '--city', 'bonn', '--demo', '--db', db);
    const sentence = 'watch 1 already watches that (city Bonn · within 14 days); office-watch watch list shows it.';
    expect(again).toEqual({ code: 1, stdout: '', stderr: `office-watch: ${sentence}\n` });
    expect(JSON.parse((await cli('watch', 'list', '--json', '--db', db)).stdout)).toHaveLength(1);
  });

  it('a first round prints and POSTs one summary per watch; the next round only slots that were not free', async () => {
    const db = join(dir, 'db');
    expect((await cli('watch', 'add', '--city', 'Bonn', '--within', '14', '--demo', '--db', db)).code).toBe(0);
    const meldewesen = ['--office', 'Meldewesen', '--within', '7', '--hours', '08-12'];
    expect((await cli('watch', 'add', ...meldewesen, '--demo', '--db', db)).code).toBe(0);
    const watches = 2;
    const round = async () => {
      const before = receiver.received.length;
      const webhook = ['--webhook', `${receiver.origin}/ow-alerts`];
      const run = await cli('snapshot', '--demo', '-i', 'bonn', '-i', 'offenbach', '-w', '2', ...webhook, '--db', db);
      expect(run.code, run.stderr).toBe(0);
      return { ...run, posts: receiver.received.slice(before) };
    };

    const first = await round();
    const summaries = alertLines(first.stdout);
    expect(summaries).toHaveLength(watches);
    const earliest = / · \d+ slots free now at (\d) offices, earliest \w{3} \d{4}-\d\d-\d\d \d\d:\d\d$/;
    expect(summaries[0]!.startsWith('ALERT  watch 1 (city Bonn · within 14 days) · ')).toBe(true);
    expect(summaries[1]!.startsWith('ALERT  watch 2 (office Meldewesen · within 7 days, 08-12 h) · ')).toBe(true);
    expect(summaries.map((line) => earliest.exec(line)?.[1])).toEqual(['3', '2']);
    // The summary names each office under it, nothing slot by slot.
    expect(first.stdout.split('\n').filter((line) => line.startsWith('       '))).toHaveLength(5);
    expect(first.posts).toHaveLength(watches);
    const topics = first.posts.map((p) => [p.path, (p.body as { topic: string }).topic]);
    expect(topics).toEqual([
      ['/', 'ow-alerts'],
      ['/', 'ow-alerts'],
    ]);

    const second = await round();
    expect(alertLines(second.stdout).length).toBeLessThanOrEqual(watches);
    expect(second.posts.length).toBeLessThanOrEqual(watches);
    expect(second.posts).toHaveLength(alertLines(second.stdout).length);

    const alerts = JSON.parse((await cli('alerts', '--json', '--db', db)).stdout) as Alert[];
    expect(new Set(alerts.map((a) => a.id)).size).toBe(alerts.length);
    // The summaries are the first round's (one per watch and office); none came with the second.
    const free = alerts.filter((a) => a.kind === 'free now');
    expect(free.length).toBeGreaterThan(0);
    expect(free.every((a) => a.count! > 0)).toBe(true);
    expect(free.map((a) => `${a.watchIds.join()} ${a.sourceId}/${a.locationId}`).sort()).toEqual([
      '1 bonn/fuhrerscheinwesen',
      '1 bonn/kfz-zulassungswesen',
      '1 bonn/meldewesen',
      '2 bonn/meldewesen',
      '2 offenbach/burgeramt/meldewesen',
    ]);
    // Each later alert is a slot free in its snapshot and not in the one before, and (the second run being a
    // restarted demo) a cancellation its simulated office really had.
    const later = alerts.filter((a) => a.kind !== 'free now');
    expect(await untrueAlerts(db, later)).toEqual([]);
    const store = await openStore(db, { readOnly: true });
    try {
      for (const alert of later) {
        const slotsAt = async (at: string) => {
          const snapshot = await store.snapshotAt(alert.sourceId, at);
          return snapshot!.locations.find((l) => l.locationId === alert.locationId)?.slots ?? [];
        };
        expect(await slotsAt(alert.takenAt)).toContain(alert.slot);
        expect(await slotsAt(alert.previousAt!)).not.toContain(alert.slot);
      }
    } finally {
      await store.close();
    }
    expect((await cli('alerts', '--since', '2999-01-01', '--json', '--db', db)).stdout.trim()).toBe('[]');
    const listed = (await cli('alerts', '--db', db)).stdout;
    expect(listed).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d {2}FREE {3}Stadt Bonn · \S+ · \d+ slots free now, earliest /m);
    expect((await cli('watch', 'rm', '1', '--db', db)).code).toBe(0);
    expect(JSON.parse((await cli('watch', 'list', '--json', '--db', db)).stdout)).toHaveLength(1);
  }, 240_000);

  it('bad watch input: one sentence, exit ≠ 0, nothing stored', async () => {
    const db = join(dir, 'bad');
    const cases = [
      ['--city', 'Bonn', '--before', '2001-01-01'],
      ['--city', 'Atlantis', '--within', '7'],
      ['--office', 'no-such-office-anywhere', '--within', '7'],
      ['--city', 'Bonn', '--within', '7', '--hours', '25-3'],
      ['--city', 'Bonn', '--within', '7', '--weekdays', 'mon,funday'],
      ['--within', '7'],
      ['--city', 'Bonn'],
    ];
    for (const args of cases) {
      const { code, stdout, stderr } = await cli('watch', 'add', ...args, '--db', db);
      expect(code, args.join(' ')).not.toBe(0);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^office-watch: [^\n]+\.\n$/);
    }
    expect((await cli('watch', 'list', '--json', '--db', db)).stdout.trim()).toBe('[]');
    expect((await cli('watch', 'rm', '7', '--db', db)).stderr).toMatch(/^office-watch: there is no watch "7"/);
    expect((await cli('alerts', '--since', 'yesterday', '--db', db)).code).toBe(2);
  });

  it('bad --webhook and --webhook-format: one sentence, exit 2, before any scraping', async () => {
    const db = join(dir, 'bad-webhook');
    const cases: [string[], RegExp][] = [
      [['--webhook', 'ftp://x'], /--webhook needs an http\(s\) URL/],
      [
        ['--webhook', 'https://example.org/x', '--webhook-format', 'pigeon'],
        /--webhook-format takes ntfy, gotify, slack, discord, telegram; got "pigeon"\./,
      ],
      [['--webhook-format', 'slack'], /--webhook-format needs --webhook URL\./],
      [['--webhook', 'https://ntfy.sh/'], /an ntfy --webhook is the topic URL, such as https:\/\/ntfy\.sh\/my-topic\./],
      [['--webhook', 'https://api.telegram.org/bot1:A/sendMessage'], /a Telegram --webhook needs the chat/],
    ];
    for (const [args, sentence] of cases) {
      const { code, stdout, stderr } = await cli('snapshot', '--demo', ...args, '--db', db);
      expect(code, args.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(new RegExp(`^office-watch: ${sentence.source}`));
    }
  });
});
