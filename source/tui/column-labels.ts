import { nameCore, shorten } from './fit.js';

/** A column of the slots grid as its header needs it: the office's name (sanitized) and its location id. */
export interface LabelledColumn {
  name: string;
  id: string;
}

/**
 * Column headers, each at most `width` characters, that tell a city's offices apart: each name's short form
 * (shortName); where short forms collide, what differs between the colliding names (the words they share at the
 * start and end dropped: "Zulassungsstelle Borna" / "… Grimma" → "Borna" / "Grimma"); where that collides too, every
 * word of the name shortened ("Beckum: Sonstiges" / "Neubeckum: Sonstiges" → "Beck. Sons." / "Neub. Sons." when
 * narrow); where names are equal, the location id ("Meld. 211"); the column's number as the last resort.
 */
export function columnLabels(columns: readonly LabelledColumn[], width: number): string[] {
  const labels = columns.map((column) => shorten(nameCore(column.name), width));
  const sameName = (i: number) => columns.some((other, j) => j !== i && other.name === columns[i]!.name);
  // Distinct names first by what differs from the names they collide with, then by all their words.
  for (const i of colliding(labels)) if (!sameName(i)) labels[i] = differingPart(columns, labels, i, width);
  for (const i of colliding(labels)) if (!sameName(i)) labels[i] = fitWords(words(columns[i]!.name), width);
  for (const i of colliding(labels)) labels[i] = withId(nameCore(columns[i]!.name), columns[i]!.id, width);
  for (const i of colliding(labels)) labels[i] = withId(nameCore(columns[i]!.name), `#${i + 1}`, width);
  return labels;
}

/** Indices whose label another column has too. */
function colliding(labels: readonly string[]): number[] {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return labels.flatMap((label, i) => (counts.get(label)! > 1 ? [i] : []));
}

/** Column i's name without the words at the start and end that every name colliding with it shares. */
function differingPart(columns: readonly LabelledColumn[], labels: readonly string[], i: number, width: number): string {
  const group = labels.flatMap((label, j) => (label === labels[i] ? [words(columns[j]!.name)] : []));
  const own = words(columns[i]!.name);
  let start = 0;
  while (start < own.length && group.every((list) => list[start] === own[start])) start++;
  let end = 0;
  while (end < own.length - start && group.every((list) => list.length - end > start && list[list.length - 1 - end] === own[own.length - 1 - end])) end++;
  const rest = own.slice(start, own.length - end);
  return rest.length > 0 ? fitWords(rest, width) : labels[i]!;
}

/** The words of a name: separated by spaces and slashes, without the colons and commas after them. */
function words(name: string): string[] {
  return name.split(/[\s/]+/u).map((word) => word.replace(/[:,]+$/u, '')).filter((word) => word !== '' && word !== '-');
}

/**
 * Words joined within `width`: each word shortened (with a full stop), the shortest kept whole where the room allows
 * and the rest shared out evenly; when even three characters a word do not fit, only the first words.
 */
export function fitWords(list: readonly string[], width: number): string {
  const joined = list.join(' ');
  if ([...joined].length <= width || list.length === 0) return shorten(joined, width);
  const kept = list.slice(0, Math.max(1, Math.floor((width + 1) / 4)));
  const lengths = kept.map((word) => [...word].length);
  const room = new Array<number>(kept.length);
  let left = width - (kept.length - 1);
  let remaining = kept.length;
  for (const i of kept.map((_, index) => index).sort((a, b) => lengths[a]! - lengths[b]!)) {
    room[i] = Math.min(lengths[i]!, Math.floor(left / remaining));
    left -= room[i]!;
    remaining--;
  }
  return kept.map((word, i) => shorten(word, room[i]!)).join(' ');
}

/** A name shortened beside an id ("Meld. 211"), or the id alone (its end, where it is long) when that leaves no room. */
function withId(core: string, id: string, width: number): string {
  const chars = [...id];
  if (width - chars.length - 1 >= 4) return `${shorten(core, width - chars.length - 1)} ${id}`;
  return chars.length <= width ? id : `…${chars.slice(chars.length - width + 1).join('')}`;
}
