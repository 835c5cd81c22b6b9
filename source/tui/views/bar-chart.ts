const BLOCKS = ' ▁▂▃▄▅▆▇█';

/** Adjacent bins summed so that the histogram fits `width` columns; `per` bins make a column. */
export function squeeze(values: readonly number[], width: number): { values: number[]; per: number } {
  const per = Math.max(1, Math.ceil(values.length / Math.max(1, width)));
  const out: number[] = [];
  for (let i = 0; i < values.length; i += per) out.push(values.slice(i, i + per).reduce((a, b) => a + b, 0));
  return { values: out, per };
}

/** Vertical bars `rows` high, a column per value, scaled to the largest (any value > 0 shows); top row first. */
export function barRows(values: readonly number[], rows: number): string[] {
  const max = Math.max(0, ...values);
  const eighths = values.map((v) => (v <= 0 || max === 0 ? 0 : Math.max(1, Math.round((v / max) * rows * 8))));
  return Array.from({ length: rows }, (_, r) => {
    const level = rows - 1 - r;
    return eighths.map((h) => BLOCKS[Math.max(0, Math.min(8, h - level * 8))]).join('');
  });
}

/** A line of labels at column positions; a label that would overlap the one before is left out. */
export function axisLine(labels: readonly (readonly [number, string])[], width: number): string {
  let line = '';
  for (const [at, text] of labels) {
    if (at < line.length + (line ? 1 : 0) || at + text.length > width) continue;
    line = line.padEnd(at) + text;
  }
  return line;
}

/** A horizontal bar of `value / max` of `width` cells, in eighths. */
export function hbar(value: number, max: number, width: number): string {
  if (max <= 0 || value <= 0 || width <= 0) return '';
  const eighths = Math.max(1, Math.round((value / max) * width * 8));
  const partial = ' ▏▎▍▌▋▊▉'[eighths % 8]!.trim();
  return '█'.repeat(Math.floor(eighths / 8)) + partial;
}
