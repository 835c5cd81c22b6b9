/** Edits to turn `a` into `b`: insertions, deletions, substitutions, and swaps of two neighbours ("exprot"). */
export function editDistance(a: string, b: string): number {
  // Optimal string alignment: Levenshtein plus adjacent transpositions; three rows suffice.
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2]! + 1);
      row.push(best);
    }
    before = previous;
    previous = row;
  }
  return previous[b.length]!;
}

/**
 * The name the user probably meant: the only one `given` starts, else the nearest within one edit (for names of
 * up to 3 characters) or two; undefined when none is that near, or two are equally near.
 */
export function closestName(given: string, names: readonly string[]): string | undefined {
  const typed = given.toLowerCase();
  if (typed.length < 2) return undefined;
  const prefixed = names.filter((name) => name.startsWith(typed));
  if (prefixed.length === 1) return prefixed[0];
  const limit = typed.length <= 3 ? 1 : 2;
  const scored = names.map((name) => ({ name, distance: editDistance(typed, name) }));
  const near = scored.filter((s) => s.distance <= limit);
  const best = Math.min(...near.map((s) => s.distance));
  const nearest = near.filter((s) => s.distance === best);
  return nearest.length === 1 ? nearest[0]!.name : undefined;
}
