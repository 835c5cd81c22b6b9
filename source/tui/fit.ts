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
 * Bürgeramt Höchst" → "Höchst"), before a colon ("Bürgeramt Mitte: Meldeangelegenheiten" → "Mitte") or an address
 * after a comma ("Gewerbebehörde, Haus A, Zimmer 2.084" → "Gewerbebehörde"), without the usual office word, then
 * cut with a full stop ("Führerscheinwesen" → "Führerschein." at 13).
 */
export function shortName(name: string, width: number): string {
  return shorten(nameCore(name), width);
}

/** What shortName keeps of a name before cutting it. */
export function nameCore(name: string): string {
  // A comma after a word (not "Melde-, Pass- und …") starts an address.
  const head = name.split(/(?<!-), /u)[0]!;
  const segment = head.split(' / ').at(-1)!.split(': ')[0]!.trim() || name;
  return segment.replace(/^(?:Bürgeramt|Bürgerbüro|Bürgerservice|Einwohnermeldeamt)\s+(?=\S)/u, '').trim() || segment;
}

/** Text cut to `width` characters with a full stop where it was cut. */
export function shorten(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  if (width <= 1) return chars.slice(0, Math.max(0, width)).join('');
  // No full stop after a space or a joining mark: "Melde-, Pass-" → "Melde.", not "Melde-,.".
  return `${chars
    .slice(0, width - 1)
    .join('')
    .replace(/[\s,;:/-]+$/u, '')}.`;
}
