import { msToWall, wallToMs } from '../../../core/wall-clock.js';
import type { TimelineSeries } from '../data/timeline-series.js';
import { weekday } from '../format-time.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
type Unit = 'day' | 'week' | 'month';

/**
 * Marks under the buckets where a day (7 days: "╵Mon"), a week (4 weeks: "╵07-12", its Monday) or a month
 * (a year: "╵Jul", "╵2022" in January) begins; the first bucket's own date when it starts in between. Marks
 * never touch: the first one gives way to the next, a month's to a year's, a later one to an earlier one.
 */
export function dateAxis(series: TimelineSeries, column = 1): string {
  const hours = series.spanHours;
  const unit: Unit = hours <= 7 * 24 ? 'day' : hours <= 28 * 24 ? 'week' : 'month';
  const marks: { at: number; text: string; first: boolean }[] = [];
  let before = '';
  series.starts.forEach((start, i) => {
    // A month's mark goes on the bucket that holds its first day.
    const last = msToWall(wallToMs(start) + (series.bucketHours - 1) * 3_600_000);
    const key = unit === 'day' ? start.slice(0, 10) : unit === 'week' ? mondayOf(start) : last.slice(0, 7);
    // The first bucket, unless it starts its day, week or month, is marked with its own date.
    const first = i === 0 && !startsUnit(unit, start);
    if (key !== before) marks.push({ at: i * column, text: `╵${markText(unit, first ? start : key)}`, first });
    before = key;
  });
  const rank = (mark: (typeof marks)[number]) => (mark.first ? 2 : /╵\d{4}$/.test(mark.text) ? 0 : 1);
  const placed: typeof marks = [];
  for (const mark of [...marks].sort((a, b) => rank(a) - rank(b) || a.at - b.at)) {
    const clear = placed.every((p) => mark.at >= p.at + p.text.length + 1 || p.at >= mark.at + mark.text.length + 1);
    if (clear) placed.push(mark);
  }
  const line: string[] = [];
  for (const { at, text } of placed.sort((a, b) => a.at - b.at)) {
    while (line.length < at) line.push(' ');
    line.push(...text);
  }
  return line.join('');
}

function markText(unit: Unit, key: string): string {
  if (unit === 'day') return weekday(key);
  if (unit === 'week') return key.slice(5, 10);
  const month = Number(key.slice(5, 7));
  return month === 1 ? key.slice(0, 4) : MONTHS[month - 1]!;
}

function startsUnit(unit: Unit, start: string): boolean {
  if (start.slice(11, 13) !== '00') return false;
  if (unit === 'day') return true;
  return unit === 'week' ? mondayOf(start) === start.slice(0, 10) : start.slice(8, 10) === '01';
}

/** The Monday of a wall time's week, 'YYYY-MM-DD'. */
function mondayOf(wall: string): string {
  const day = new Date(`${wall.slice(0, 10)}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}
