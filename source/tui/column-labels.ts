import { nameCore, shorten } from './fit.js';

/** A column of the slots grid as its header needs it: the office's name (sanitized) and its location id. */
export interface LabelledColumn {
  name: string;
  id: string;
}

/**
 * Column headers, each at most `width` characters, that tell a city's offices apart: each name's short form
 * (shortName); where short forms collide, what differs between the colliding names (the words they share at the
 * start and end dropped: "Zulassungsstelle Borna" / "… Grimma" → "Borna" / "Grimma"; else the characters they start
 * with: "G.behör." / "G.unter."); then the same over the whole names, the short form's words kept ("Pasi. Reis.",
 * "Orle. Reis." for "Bürgerbüro Pasing / Reisepass", "… Orleansplatz / Reisepass"); where that collides too, every
 * word of the name shortened ("Beckum: Sonstiges" / "Neubeckum: Sonstiges" → "Bec. Son." / "Neu. Son." when
 * narrow); where names are equal, the location id ("Melde. 211"); the column's number as the last resort.
 */
export function columnLabels(columns: readonly LabelledColumn[], width: number): string[] {
  const cores = columns.map((column) => nameCore(column.name));
  const coreWords = cores.map(words);
  const nameWords = columns.map((column) => words(column.name));
  const names = new Map<string, number>();
  for (const { name } of columns) names.set(name, (names.get(name) ?? 0) + 1);
  const distinct = (i: number) => names.get(columns[i]!.name) === 1;
  const labels = cores.map((core) => shorten(core, width));
  // Each step sees the groups of equal labels as they were before it, so a group's members are judged alike.
  const steps: ((i: number, group: readonly number[]) => string | undefined)[] = [
    (i, group) => (distinct(i) ? differingPart(coreWords, group, i, width) : undefined),
    (i, group) => (distinct(i) ? differingStart(cores, group, i, width) : undefined),
    (i, group) => (distinct(i) ? differingPart(nameWords, group, i, width, new Set(coreWords[i])) : undefined),
    (i) => (distinct(i) ? fitWords(nameWords[i]!, width) : undefined),
    (i) => withId(cores[i]!, columns[i]!.id, width),
    (i) => withId(cores[i]!, `#${i + 1}`, width),
  ];
  for (const step of steps) {
    const groups = new Map<string, number[]>();
    labels.forEach((label, i) => groups.set(label, [...(groups.get(label) ?? []), i]));
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      const next = group.map((i) => step(i, group) ?? labels[i]!);
      group.forEach((i, k) => (labels[i] = next[k]!));
    }
  }
  return labels;
}

/**
 * Column i's words without those at their start and end that every column of its group shares, but with the words
 * of `keep` (its core: "Bürgerbüro Pasing / Reisepass" and "… Orleansplatz / Reisepass" → "Pasi. Reis.").
 */
function differingPart(
  lists: readonly string[][],
  group: readonly number[],
  i: number,
  width: number,
  keep?: ReadonlySet<string>,
): string | undefined {
  const own = lists[i]!;
  const others = group.map((j) => lists[j]!);
  let start = 0;
  while (start < own.length && others.every((list) => list[start] === own[start])) start++;
  let end = 0;
  const shared = (list: string[]) => list.length - end > start && list.at(-1 - end) === own.at(-1 - end);
  while (end < own.length - start && others.every(shared)) end++;
  const rest = own.filter((word, k) => (k >= start && k < own.length - end) || keep?.has(word));
  return start + end > 0 && rest.length > 0 ? fitWords(rest, width) : undefined;
}

/**
 * Column i's core with the start it shares with its group cut to its initial ("Gewerbebehörde" /
 * "Gewerbeuntersagung" → "G.behör." / "G.unter."), where they share three characters or more.
 */
function differingStart(cores: readonly string[], group: readonly number[], i: number, width: number) {
  const own = [...cores[i]!];
  const others = group.map((j) => [...cores[j]!]);
  let shared = 0;
  while (shared < own.length && others.every((core) => core[shared] === own[shared])) shared++;
  if (shared < 3 || shared >= own.length) return undefined;
  return `${own[0]}.${shorten(own.slice(shared).join('').trim(), width - 2)}`;
}

/** The words of a name: separated by spaces and slashes, without the colons and commas after them. */
function words(name: string): string[] {
  return name
    .split(/[\s/]+/u)
    .map((word) => word.replace(/[:,]+$/u, ''))
    .filter((word) => word !== '' && word !== '-');
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

/** A name shortened beside an id ("Melde. 211"), or the id alone (its end, if long) when that leaves no room. */
function withId(core: string, id: string, width: number): string {
  const chars = [...id];
  if (width - chars.length - 1 >= 4) return `${shorten(core, width - chars.length - 1)} ${id}`;
  return chars.length <= width ? id : `…${chars.slice(chars.length - width + 1).join('')}`;
}
