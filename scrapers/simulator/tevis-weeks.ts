/** ISO weeks as the simulated tevis site writes them ('YYYYWW'). */

/** 'YYYYWW' (ISO week) → the seven days 'YYYY-MM-DD' from Monday. */
export function daysOfWeek(week: string): string[] {
  const year = Number(week.slice(0, 4));
  const number = Number(week.slice(4));
  const jan4 = Date.UTC(year, 0, 4);
  const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000 + (number - 1) * 7 * 86_400_000;
  return Array.from({ length: 7 }, (_, i) => new Date(monday + i * 86_400_000).toISOString().slice(0, 10));
}

/** ISO week 'YYYYWW' and weekday (Monday 1) of a day, as the suggest forms carry them. */
export function weekOf(day: string): { week: string; weekday: number } {
  for (const offset of [0, 1, -1]) {
    const week = `${Number(day.slice(0, 4)) + offset}`;
    for (let n = 1; n <= 53; n++) {
      const days = daysOfWeek(`${week}${String(n).padStart(2, '0')}`);
      if (days[3]?.slice(0, 4) !== week) continue;
      const index = days.indexOf(day);
      if (index >= 0) return { week: `${week}${String(n).padStart(2, '0')}`, weekday: index + 1 };
    }
  }
  throw new Error(`no ISO week for ${day}`);
}
