/** Text cut to `width` terminal cells (with …) and padded to exactly that width. */
export function fit(text: string, width: number, align: 'left' | 'right' | 'center' = 'left'): string {
  if (width <= 0) return '';
  const chars = [...text];
  const cut = chars.length > width ? `${chars.slice(0, Math.max(0, width - 1)).join('')}…` : text;
  const gap = width - [...cut].length;
  if (align === 'right') return ' '.repeat(gap) + cut;
  if (align === 'center') return ' '.repeat(Math.floor(gap / 2)) + cut + ' '.repeat(Math.ceil(gap / 2));
  return cut + ' '.repeat(gap);
}

/**
 * A department name made short for a column header: the distinctive part of a path ("Bürgeramt / Service /
 * Bürgeramt Höchst" → "Höchst"), before a colon ("Bürgeramt Mitte: Meldeangelegenheiten" → "Mitte"), without the
 * usual office word, then cut with a full stop ("Führerscheinwesen" → "Führerschein." at 13).
 */
export function shortName(name: string, width: number): string {
  const segment = name.split(' / ').at(-1)!.split(': ')[0]!.trim() || name;
  const clean = segment.replace(/^(?:Bürgeramt|Bürgerbüro|Bürgerservice|Einwohnermeldeamt)\s+(?=\S)/u, '').trim() || segment;
  const chars = [...clean];
  if (chars.length <= width) return clean;
  return `${chars.slice(0, Math.max(1, width - 1)).join('').trimEnd()}.`;
}

/**
 * Column headers: each department's shortName, except where two would read the same ("Bürgerbüro Pasing /
 * Reisepass" and "Bürgerbüro Orleansplatz / Reisepass", as ZMS names office × service): those also show their
 * first part ("Pasing Reise.").
 */
export function columnLabels(names: readonly string[], width: number): string[] {
  const labels = names.map((name) => shortName(name, width));
  const seen = new Map<string, number>();
  for (const label of labels) seen.set(label, (seen.get(label) ?? 0) + 1);
  return names.map((name, i) => {
    const parts = name.split(' / ');
    if ((seen.get(labels[i]!) ?? 0) < 2 || parts.length < 2) return labels[i]!;
    const head = Math.ceil((width - 1) / 2);
    return `${shortName(parts[0]!, head)} ${shortName(parts.at(-1)!, width - 1 - head)}`;
  });
}
