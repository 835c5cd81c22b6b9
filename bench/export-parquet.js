// export --parquet over real published weeks: rows per second, MB written, peak RSS (budget: ≤ 250 MB whatever the
// history's length). Histories: 2021-28 (36 sources, one big week), 2026-05…08 (4 weeks of 35 sources), and those
// 4 weeks plus the same 4 shifted forward by 4 and 8 weeks (12 weeks). Prints figures; asserts nothing.
//   npm run build && node bench/export-parquet.js
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createGunzip, createGzip } from 'node:zlib';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(repo, 'bin/office-watch.js');
const DATA = resolve(process.env.OFFICE_WATCH_DATA ?? join(repo, '../shared/data'));
const raw = (week) => join(DATA, 'raw', `${week}.tar.gz`);
const FOUR = ['2026-05', '2026-06', '2026-07', '2026-08'];

if (![...FOUR, '2021-28'].every((week) => existsSync(raw(week)))) {
  console.log(
    `export-parquet: skipped, the weeks 2021-28 and 2026-05…08 are not all in ${DATA}/raw (set OFFICE_WATCH_DATA)`,
  );
  process.exit(0);
}
if (!existsSync(join(repo, 'dist/bundle/main.js'))) {
  console.log('export-parquet: build first (npm run build)');
  process.exit(1);
}
const { TarReader, tarHeader, tarPadding, TAR_END } = await import(join(repo, 'dist/store/tar.js'));

/** Run the binary; its wall time (s), exit code, stderr and peak RSS (MB, from /usr/bin/time or the child itself). */
function run(args) {
  const hasTime = existsSync('/usr/bin/time');
  const [file, argv] = hasTime
    ? ['/usr/bin/time', ['-v', process.execPath, BIN, ...args]]
    : [process.execPath, [BIN, ...args]];
  return new Promise((done) => {
    const started = process.hrtime.bigint();
    const child = spawn(file, argv, { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      done({
        seconds,
        code,
        stderr: stderr.split('\n\tCommand being timed')[0],
        peakMb: rss ? Number(rss[1]) / 1024 : undefined,
      });
    });
  });
}

/** A published week moved forward by `weeks` weeks: every date and slot column shifted (real data, new dates). */
async function shiftedWeek(week, weeks, folder) {
  const shift = (text) =>
    text.replace(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/g, (time) => {
      const moved = new Date(Date.parse(`${time.replace(' ', 'T')}Z`) + weeks * 7 * 86_400_000);
      return moved.toISOString().slice(0, 19).replace('T', ' ');
    });
  const entries = [];
  let name = '';
  let chunks = [];
  const tar = new TarReader({
    start: (entry) => ((name = entry), (chunks = [])),
    data: (chunk) => chunks.push(Buffer.from(chunk)),
    end: () => entries.push([name, Buffer.from(shift(Buffer.concat(chunks).toString('latin1')), 'latin1')]),
  });
  for await (const chunk of createReadStream(raw(week)).pipe(createGunzip())) tar.push(chunk);
  tar.end();
  const [year, number] = week.split('-').map(Number);
  const path = join(folder, `${year}-${String(number + weeks).padStart(2, '0')}.tar.gz`);
  const body = entries.flatMap(([entry, data]) => [tarHeader(entry, data.length, 0), data, tarPadding(data.length)]);
  const gzip = createGzip();
  const done = pipeline(gzip, createWriteStream(path));
  for (const part of [...body, TAR_END]) gzip.write(part);
  gzip.end();
  await done;
  return path;
}

const folderSize = (path) =>
  readdirSync(path, { recursive: true }).reduce(
    (sum, f) => sum + (statSync(join(path, f)).isFile() ? statSync(join(path, f)).size : 0),
    0,
  );

const work = mkdtempSync(join(tmpdir(), 'office-watch-bench-parquet-'));
try {
  const shifted = [];
  for (const weeks of [4, 8]) for (const week of FOUR) shifted.push(await shiftedWeek(week, weeks, work));
  const histories = [
    ['1 week (2021-28)', [raw('2021-28')]],
    ['4 weeks (2026-05…08)', FOUR.map(raw)],
    ['12 weeks (2026-05…08, and shifted +4, +8 weeks)', [...FOUR.map(raw), ...shifted]],
  ];
  for (const [label, files] of histories) {
    const db = join(work, 'db');
    const out = join(work, 'out');
    rmSync(db, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
    const imported = await run(['import', ...files, '--db', db]);
    if (imported.code !== 0) throw new Error(`import failed: ${imported.stderr}`);
    const exported = await run(['export', '--parquet', out, '--db', db]);
    if (exported.code !== 0) throw new Error(`export failed: ${exported.stderr}`);
    const counts = /\((\d+) slot runs, (\d+) events, (\d+) snapshots\)/.exec(exported.stderr);
    const rows = counts ? Number(counts[1]) + Number(counts[2]) + Number(counts[3]) : Number.NaN;
    const mb = folderSize(out) / 1e6;
    console.log(
      `${label}: ${rows} rows (${counts?.[1]} slot runs, ${counts?.[2]} events, ${counts?.[3]} snapshots)` +
        ` in ${exported.seconds.toFixed(1)} s`,
    );
    console.log(
      `  ${Math.round(rows / exported.seconds)} rows/s, ${mb.toFixed(1)} MB written` +
        `, peak RSS ${exported.peakMb?.toFixed(0) ?? '?'} MB (budget 250)`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
