// The terminal app over a db holding a week of data: time to the first frame (and to the first grid), and
// key press → updated frame, measured from outside, in a real pseudo-terminal (80×24), as a user sees it.
//   npm run build && node bench/tui-frame.js [--weeks 52]
// The week is the published 2021-28 (36 sources, 24k snapshots) imported once into a cached db
// (BENCH_TUI_DB, default $TMPDIR/office-watch-bench-tui-week); without the shared data, a synthetic week.
// --weeks 52: the 52-week db that bench/history-import.js leaves in .bench/db-52 (2026-05…08 and shifted copies;
// imported here if missing), and the timeline's spans (s) timed too.
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import xterm from '@xterm/headless';
import { spawn } from 'node-pty';
import { openStore } from '../dist/store/index.js';
import { importWeeklyFiles } from '../dist/store/import-weeks.js';
import { consecutiveWeeks } from './lib/shifted-weeks.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin/office-watch.js');
const LONG = process.argv.includes('--weeks');
const db =
  process.env.BENCH_TUI_DB ?? (LONG ? join(root, '.bench/db-52') : join(tmpdir(), 'office-watch-bench-tui-week'));
const week = resolve(process.env.OFFICE_WATCH_DATA ?? join(root, '../shared/data'), 'raw/2021-28.tar.gz');
// TUI_BENCH_STARTS / TUI_BENCH_ROUNDS: how many starts and rounds. 60 rounds are about 190 presses: with 66 (20
// rounds), the p95 was the 4th-slowest press, which one collection or a busy host decided.
const RUNS = Number(process.env.TUI_BENCH_STARTS ?? 5);
const ROUNDS = Number(process.env.TUI_BENCH_ROUNDS ?? 60);

async function ensureWeek() {
  if (existsSync(join(db, 'CURRENT'))) return 'cached';
  if (LONG) {
    const weeks = consecutiveWeeks(52);
    const run = spawnSync(process.execPath, [bin, 'import', ...weeks, '--db', db], { stdio: 'inherit' });
    if (run.status !== 0) throw new Error('the import of 52 weeks failed');
    return 'imported 52 weeks: 2026-05…08 and copies shifted by 4…48 weeks';
  }
  rmSync(db, { recursive: true, force: true });
  const store = await openStore(db);
  try {
    if (existsSync(week)) {
      const summary = await importWeeklyFiles(store, [week]);
      return `imported 2021-28: ${summary.sources} sources, ${summary.snapshots} snapshots`;
    }
    return await syntheticWeek(store);
  } finally {
    await store.close();
  }
}

/** 12 sources × 4 locations, a snapshot every 15 minutes for 7 days, a few slots booked and freed each time. */
async function syntheticWeek(store) {
  const pad = (n) => String(n).padStart(2, '0');
  const wall = (ms) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
  const start = Date.parse('2021-07-12T00:00:00Z');
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let s = 0; s < 12; s++) {
    const free = Array.from({ length: 4 }, () => new Set());
    for (let i = 0; i < 672; i++) {
      const now = start + i * 15 * 60_000;
      for (const set of free) {
        for (let k = 0; k < 6; k++) {
          const day = now + Math.floor(random() * 28) * 86_400_000;
          const hour = pad(8 + Math.floor(random() * 8));
          const slot = `${wall(day).slice(0, 10)} ${hour}:${pad(Math.floor(random() * 12) * 5)}:00`;
          if (random() < 0.5) set.add(slot);
          else set.delete([...set][Math.floor(random() * set.size)]);
        }
      }
      await store.recordSnapshot({
        sourceId: `synthetic-${s}`,
        takenAt: wall(now),
        locations: free.map((set, l) => ({ locationId: `l${l}`, name: `Amt ${l}`, slots: [...set].sort() })),
      });
    }
  }
  return 'synthetic: 12 sources, 8064 snapshots';
}

/** The app in a pty; `until(test)` resolves when the parsed screen passes `test`, checked after every chunk. */
function startApp() {
  const term = new xterm.Terminal({ cols: 80, rows: 24, allowProposedApi: true });
  const proc = spawn(process.execPath, [bin, '--no-scrape', '--db', db], {
    name: 'xterm-256color',
    cols: 80,
    rows: 24,
    cwd: root,
    env: process.env,
  });
  let waiter;
  const screen = () => {
    const buffer = term.buffer.active;
    return Array.from(
      { length: 24 },
      (_, y) => buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '',
    ).join('\n');
  };
  const check = () => {
    if (waiter?.test(screen())) {
      const { resolve } = waiter;
      waiter = undefined;
      resolve(performance.now());
    }
  };
  proc.onData((data) => term.write(data, check));
  const exited = new Promise((resolve) => proc.onExit(resolve));
  const until = (test, timeoutMs = 30_000) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out; screen:\n${screen()}`)), timeoutMs);
      waiter = { test, resolve: (at) => (clearTimeout(timer), resolve(at)) };
      term.write('', check);
    });
  return { proc, until, screen, exited };
}

// With --no-scrape the newest snapshot is history too: "history 672/672 23:48"; a step back "history 671/672 …".
const NEWEST = (t) => /· history (\d+)\/\1 (?:\d\d-\d\d )?\d\d:\d\d$/.test(t);
const BACK = (t) =>
  /· history (\d+)\/(\d+) /
    .exec(t)
    ?.slice(1)
    .reduce((a, b) => a !== b) === true;
const GRID = (s) => NEWEST(title(s)) && /│ \d\d:\d\d\s/.test(s);
const selected = (s) => /^▸ (.+?)\s+(?:✓O|✗F|~S|··)/m.exec(s)?.[1];
const title = (s) => s.split('\n')[1]?.split('│')[1]?.trim() ?? '';
const dayOf = (s) => /\((\d+)\/(\d+)\) · (?:snapshot|history|live)/.exec(title(s));
const percentile = (values, p) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)];
const ms = (v) => `${v.toFixed(0)} ms`;

console.log(`tui-frame  (${await ensureWeek()}; db ${db})`);

// 1. Time to first frame: from spawning node to the header on screen, and to the first city's grid.
const firstFrame = [];
const firstGrid = [];
for (let run = 0; run < RUNS; run++) {
  const t0 = performance.now();
  const app = startApp();
  firstFrame.push((await app.until((s) => s.includes(' sources · '))) - t0);
  firstGrid.push((await app.until(GRID)) - t0);
  app.proc.write('q');
  await app.exited;
}
if (RUNS > 0) {
  console.log(
    `  first frame   median ${ms(percentile(firstFrame, 50))}, max ${ms(Math.max(...firstFrame))}` +
      ` over ${RUNS} starts (node start included; budget ≤ 500 ms)`,
  );
  console.log(`  first grid    median ${ms(percentile(firstGrid, 50))}, max ${ms(Math.max(...firstGrid))}`);
}

// 2. Key press → the first frame that shows its effect: the next city selected and named in the title (then,
// separately, its grid loaded), another day, a step back through the history and forward again; 60 rounds by
// default, down 30 of the 36 cities and up again. Keys come as soon as the previous frame is there (faster than
// typing).
if (ROUNDS === 0) process.exit(0);
const app = startApp();
await app.until(GRID);
// Down as many cities as there are below the first (at most 30), then up again: 2021-28 has 36, the 52 weeks fewer.
const insights = spawnSync(process.execPath, [bin, 'insights', '--json', '--db', db], { encoding: 'utf8' });
const SWING = Math.max(1, Math.min(30, JSON.parse(insights.stdout).cities.length - 1));
const latency = { city: [], day: [], history: [] };
const cityGrid = [];
for (let i = 0; i < ROUNDS; i++) {
  const before = selected(app.screen());
  const t0 = performance.now();
  app.proc.write(Math.floor(i / SWING) % 2 === 0 ? 'j' : 'k');
  const named = (s) => {
    const city = selected(s)?.replace(/…$/, '');
    // The title shortens the name where its history position is long (52 weeks: "Berg… · … history 1343/1343").
    const shown = title(s).split(' · ')[0].replace(/…$/, '').slice(0, 6);
    return city !== undefined && city !== before?.replace(/…$/, '') && shown.length >= 3 && city.startsWith(shown);
  };
  latency.city.push((await app.until(named)) - t0);
  cityGrid.push((await app.until((s) => named(s) && NEWEST(title(s)))) - t0);
  const day = dayOf(app.screen());
  if (day && Number(day[2]) > 1) {
    const key = Number(day[1]) < Number(day[2]) ? 'l' : 'h';
    const t1 = performance.now();
    app.proc.write(key);
    latency.day.push((await app.until((s) => dayOf(s)?.[1] !== day[1])) - t1);
  }
  const t2 = performance.now();
  app.proc.write('[');
  latency.history.push((await app.until((s) => BACK(title(s)))) - t2);
  const t3 = performance.now();
  app.proc.write(']');
  latency.history.push((await app.until((s) => NEWEST(title(s)))) - t3);
}
// 3. The timeline view (key 2), then its spans in turn (s): 7 days → 4 weeks → 52 weeks → 7 days, each until drawn.
const spans = [];
app.proc.write('2');
await app.until((s) => /last 7 days/.test(s));
for (let i = 0; i < (LONG ? 9 : 3); i++) {
  const want = ['last 4 weeks', 'last 52 weeks', 'last 7 days'][i % 3];
  const t0 = performance.now();
  app.proc.write('s');
  const at = await app.until((s) => s.includes(want) && !/loading|reading/i.test(s));
  spans.push([want, at - t0]);
}
app.proc.write('q');
await app.exited;
const all = [...latency.city, ...latency.day, ...latency.history];
for (const [name, values] of Object.entries(latency)) {
  if (values.length > 0)
    console.log(
      `  key → frame   ${name.padEnd(8)} p50 ${ms(percentile(values, 50))}, p95 ${ms(percentile(values, 95))}` +
        `, max ${ms(Math.max(...values))} (${values.length} presses)`,
    );
}
console.log(`  key → frame   all      p95 ${ms(percentile(all, 95))} (budget ≤ 30 ms)`);
console.log(
  `  key → grid    city     p50 ${ms(percentile(cityGrid, 50))}, p95 ${ms(percentile(cityGrid, 95))}` +
    `, max ${ms(Math.max(...cityGrid))}` +
    ` (the next city's grid read and drawn)`,
);
for (const want of ['last 7 days', 'last 4 weeks', 'last 52 weeks']) {
  const values = spans.filter(([w]) => w === want).map(([, v]) => v);
  if (values.length > 0)
    console.log(`  s → timeline  ${want.padEnd(13)} max ${ms(Math.max(...values))} over ${values.length} presses`);
}
