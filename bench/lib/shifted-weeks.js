// Longer histories for benchmarks, made from real weeks: the four consecutive published weeks 2026-05…08 shifted
// forward in time by 4, 8, … weeks (every date and slot time moved by whole weeks, so weekdays and wall-clock hours
// stay as they were). The shifted bundles are written once into the git-ignored .bench/ folder and reused.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DATA = resolve(process.env.OFFICE_WATCH_DATA ?? join(repo, '../shared/data'));
export const BENCH_DIR = join(repo, '.bench');
const BASE = ['2026-05', '2026-06', '2026-07', '2026-08'];
const DAY = 86_400_000;
const DATE_TIME = /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/g;

/** Paths of `count` consecutive weekly bundles: the real 2026-05…08 first, then shifted copies (made if missing). */
export function consecutiveWeeks(count, log = console.log) {
  const paths = [];
  for (let i = 0; i < count; i++) {
    const source = join(DATA, 'raw', `${BASE[i % 4]}.tar.gz`);
    const shiftWeeks = 4 * Math.floor(i / 4);
    if (shiftWeeks === 0) {
      paths.push(source);
      continue;
    }
    const target = join(BENCH_DIR, `${weekLabel(mondayOf(BASE[i % 4]) + shiftWeeks * 7 * DAY)}.tar.gz`);
    if (!existsSync(target)) {
      log(`  making ${target} (${BASE[i % 4]} shifted by ${shiftWeeks} weeks)`);
      shiftBundle(source, target, shiftWeeks);
    }
    paths.push(target);
  }
  return paths;
}

/** Rewrite every date-time of a weekly bundle `weeks` weeks later; lengths stay, so the tar headers stay valid. */
function shiftBundle(source, target, weeks) {
  const tar = gunzipSync(readFileSync(source));
  const shifted = new Map();
  const shift = (text) => {
    let out = shifted.get(text);
    if (out === undefined) {
      const t = Date.parse(`${text.replace(' ', 'T')}Z`) + weeks * 7 * DAY;
      shifted.set(text, (out = new Date(t).toISOString().slice(0, 19).replace('T', ' ')));
    }
    return out;
  };
  let at = 0;
  while (at + 512 <= tar.length && tar[at] !== 0) {
    const size = Number.parseInt(
      tar
        .toString('latin1', at + 124, at + 136)
        .replace(/\0.*$/s, '')
        .trim() || '0',
      8,
    );
    const start = at + 512;
    const text = tar.toString('latin1', start, start + size).replace(DATE_TIME, shift);
    tar.write(text, start, 'latin1');
    at = start + Math.ceil(size / 512) * 512;
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(`${target}.part`, gzipSync(tar));
  renameSync(`${target}.part`, target);
}

/** The Monday (UTC ms on the wall clock) of ISO week 'YYYY-WW'. */
function mondayOf(label) {
  const [year, week] = label.split('-').map(Number);
  const jan4 = Date.UTC(year, 0, 4);
  const mondayWeek1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY;
  return mondayWeek1 + (week - 1) * 7 * DAY;
}

/** 'YYYY-WW' of the ISO week holding `ms`. */
function weekLabel(ms) {
  const thursday = ms + (3 - ((new Date(ms).getUTCDay() + 6) % 7)) * DAY;
  const year = new Date(thursday).getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY));
  return `${year}-${String(week).padStart(2, '0')}`;
}
